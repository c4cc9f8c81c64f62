// Reading and writing the dataset's CSV files (RFC 4180, UTF-8, LF line endings) with csv-parse and csv-stringify.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A parsed CSV record with the 1-based line number it starts on in its file. */
export interface CsvLine {
	line: number;
	record: Record<string, string>;
}

/**
 * Parses CSV text with a header row. Each record keeps the line it starts on, so that validation
 * messages can point a maintainer at `file:line`.
 */
export function parseCsv(text: string): { header: string[]; rows: CsvLine[] } {
	const parsed = parse(text, {
		columns: true,
		skip_empty_lines: true,
		bom: true,
		info: true,
		relax_column_count: true
	}) as { record: Record<string, string>; info: { lines: number; raw?: string } }[];
	const headerLine = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
	const header = (parse(headerLine) as string[][])[0] ?? [];
	let previousEnd = 1;
	const rows = parsed.map(({ record, info }) => {
		// info.lines is the line the record ends on; a record starts right after the previous one.
		const line = previousEnd + 1;
		previousEnd = info.lines;
		return { line, record };
	});
	return { header, rows };
}

/** Writes records as CSV with the given column order; cells are quoted only when they need it. */
export function formatCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
	return stringify(
		records.map((record) => columns.map((column) => record[column] ?? '')),
		{ header: true, columns: [...columns], record_delimiter: 'unix' }
	);
}
