// The .csv and .json twins of the list pages: RFC 4180 CSV with a guard against spreadsheet formulas, and JSON.
import { stringify } from 'csv-stringify/sync';

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe, which shows it as text. */
export function neutraliseFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	return neutraliseFormula(String(value));
}

/** RFC 4180 CSV: a header, CRLF line ends, fields quoted only when they need it, every cell guarded. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
	return stringify(
		rows.map((row) => columns.map((column) => cellText(row[column]))),
		{ header: true, columns: [...columns], record_delimiter: 'windows' }
	);
}

/**
 * The body of a list in JSON, shared by the .json downloads and the API: the rows with the dataset version,
 * the column order and the filters that were set (unset ones are left out), and any `extra` fields (the totals of
 * a rounds list).
 */
export function listEnvelope(
	datasetVersion: string,
	columns: readonly string[],
	rows: readonly Record<string, unknown>[],
	filters: Record<string, string | number | undefined>,
	extra: Record<string, unknown> = {}
) {
	const applied = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
	return { dataset_version: datasetVersion, columns, filters: applied, count: rows.length, rows, ...extra };
}

/** The name a download is saved under: the list (or the dataset) and the dataset version. */
export function downloadFilename(name: string, datasetVersion: string, extension: string): string {
	return `${name}-${datasetVersion}.${extension}`;
}

/** The response of a download, named after the list and the dataset version. */
export function downloadResponse(
	format: 'csv' | 'json',
	name: string,
	datasetVersion: string,
	columns: readonly string[],
	rows: readonly Record<string, unknown>[],
	filters: Record<string, string | number | undefined>,
	extra: Record<string, unknown> = {}
): Response {
	const filename = downloadFilename(name, datasetVersion, format);
	const body =
		format === 'csv'
			? toCsv(columns, rows)
			: JSON.stringify(listEnvelope(datasetVersion, columns, rows, filters, extra), null, 2);
	return new Response(body, {
		headers: {
			'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'access-control-allow-origin': '*'
		}
	});
}
