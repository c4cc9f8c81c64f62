// Reading and writing the dataset's CSV files (RFC 4180, UTF-8, LF line endings) with Papa Parse and csv-stringify.
import Papa from 'papaparse';
import { stringify } from 'csv-stringify/sync';

/** A parsed CSV record with the 1-based line number it starts on in its file. */
export interface CsvLine {
	line: number;
	record: Record<string, string>;
}

/**
 * Parses CSV text with a header row. Each record keeps the line it starts on, so that validation
 * messages can point a maintainer at `file:line`. Empty lines are skipped; a record with fewer cells than the header
 * has only the columns it gives, one with more has the extra cells dropped. A misplaced quote is an error, thrown.
 *
 * Papa Parse, not csv-parse: it reads the 50 MB of a hundred times the real data's statements in a tenth of the time.
 */
export function parseCsv(text: string): { header: string[]; rows: CsvLine[] } {
	const { data, errors } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: false });
	const quoteError = errors.find((error) => error.type === 'Quotes');
	if (quoteError) throw new Error(`CSV line ${lineOf(data, quoteError.row ?? 0)}: ${quoteError.message}`);
	const [header = [], ...records] = data;
	const rows: CsvLine[] = [];
	// Each record starts on the line after the previous one ends: one line, and one more per line break in a cell.
	let line = 1 + lineBreaks(header) + 1;
	for (const cells of records) {
		const start = line;
		line += 1 + lineBreaks(cells);
		if (cells.length === 1 && cells[0] === '') continue;
		const record: Record<string, string> = {};
		for (let index = 0; index < cells.length && index < header.length; index += 1)
			record[header[index]!] = cells[index]!;
		rows.push({ line: start, record });
	}
	return { header, rows };
}

function lineBreaks(cells: readonly string[]): number {
	let count = 0;
	for (const cell of cells) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
	return count;
}

/** The line a record (counted from the header, 0) starts on. */
function lineOf(records: readonly string[][], index: number): number {
	return records.slice(0, index).reduce((line, cells) => line + 1 + lineBreaks(cells), 1);
}

/** Writes records as CSV with the given column order; cells are quoted only when they need it. */
export function formatCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
	return stringify(
		records.map((record) => columns.map((column) => record[column] ?? '')),
		{ header: true, columns: [...columns], record_delimiter: 'unix' }
	);
}
