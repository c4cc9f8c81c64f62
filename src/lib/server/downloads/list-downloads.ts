// The .csv and .json twins of the list pages: RFC 4180 CSV with a guard against spreadsheet formulas, and JSON.
import { AsyncLocalStorage } from 'node:async_hooks';
import { stringify } from 'csv-stringify/sync';
import { datasetDbPath } from '../config/environment';
import { openDataset, type DatasetDatabase } from '../db/dataset';
import type { ExportBatches } from '../db/queries/exports';
import { datasetInfo } from '../db/queries/rounds';

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

/** RFC 4180 CSV options: the header row names the columns, CRLF line ends, fields quoted only when they need it. */
const csvOptions = (columns: readonly string[], header: boolean) =>
	({ header, columns: [...columns], record_delimiter: 'windows' }) as const;

/** Rows as CSV records without the header, every cell guarded: one chunk of a streamed download. */
function csvRecords(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
	return stringify(
		rows.map((row) => columns.map((column) => cellText(row[column]))),
		csvOptions(columns, false)
	);
}

/** RFC 4180 CSV: a header, CRLF line ends, fields quoted only when they need it, every cell guarded. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
	return stringify([], csvOptions(columns, true)) + csvRecords(columns, rows);
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

/** How many rows a streamed download reads, hydrates and writes per chunk. */
export const DOWNLOAD_BATCH_ROWS = 500;

/**
 * How many downloads read and write their rows at once. Each holds a connection, a batch and the garbage of the ones
 * before it, so that eight at once at 100× took the server past its memory goal; the others wait their turn (their
 * headers are sent, their first bytes come later), never an error.
 */
export const DOWNLOADS_AT_ONCE = 2;

let downloadsRunning = 0;
const downloadsWaiting: (() => void)[] = [];

/** Waits for a turn to read a download's rows; the function it gives back ends the turn (once). */
export function downloadTurn(): Promise<() => void> {
	return new Promise((begin) => {
		const start = () => {
			downloadsRunning += 1;
			let ended = false;
			begin(() => {
				if (ended) return;
				ended = true;
				downloadsRunning -= 1;
				downloadsWaiting.shift()?.();
			});
		};
		if (downloadsRunning < DOWNLOADS_AT_ONCE) start();
		else downloadsWaiting.push(start);
	});
}

/** What a download writes around its rows and between their batches. */
interface DownloadWriter {
	head(count: number): string;
	batch(rows: readonly Record<string, unknown>[]): string;
	tail(): string;
}

function csvWriter(columns: readonly string[]): DownloadWriter {
	return {
		head: () => stringify([], csvOptions(columns, true)),
		batch: (rows) => csvRecords(columns, rows),
		tail: () => ''
	};
}

/** A placeholder for the rows in the envelope; no filter value can spell it (they are validated, and it holds NUL). */
const ROWS_PLACEHOLDER = '\u0000rows\u0000';

/**
 * The envelope of {@link listEnvelope} written as `JSON.stringify(envelope, null, 2)` would, byte for byte, with the
 * rows written batch by batch: each row is its own two-space indented JSON, moved four spaces in (the depth of the
 * rows array). JSON strings never hold a raw line break, so indenting after every line break is exact.
 */
function jsonWriter(
	datasetVersion: string,
	columns: readonly string[],
	filters: Record<string, string | number | undefined>,
	extra: () => Record<string, unknown>
): DownloadWriter {
	let envelope: [string, string] = ['', ''];
	let written = 0;
	return {
		head(count) {
			const text = JSON.stringify(
				{ ...listEnvelope(datasetVersion, columns, [], filters, extra()), count, rows: ROWS_PLACEHOLDER },
				null,
				2
			);
			const at = text.indexOf(JSON.stringify(ROWS_PLACEHOLDER));
			envelope = [text.slice(0, at), text.slice(at + JSON.stringify(ROWS_PLACEHOLDER).length)];
			return envelope[0] + '[';
		},
		batch(rows) {
			let text = '';
			for (const row of rows) {
				text += `${written === 0 ? '' : ','}\n    ${JSON.stringify(row, null, 2).replace(/\n/g, '\n    ')}`;
				written += 1;
			}
			return text;
		},
		tail: () => `${written === 0 ? '' : '\n  '}]${envelope[1]}`
	};
}

/**
 * A download's body, read as it is sent: nothing is read before the client asks for the first chunk, then one batch
 * of rows per chunk as the client takes them (a pull stream with no buffer ahead, so a slow client holds one batch).
 * The rows come from a connection of the download's own, opened on the first pull and closed at the end or when the
 * client goes away: a publication that replaces the dataset file mid-download does not change what this download
 * reads (the open file is the one it began with), and if the file was replaced before the first pull, the stream
 * fails rather than send rows of another version under this one's name. Each pull runs in the request's async
 * context, so the reader's language holds for words read from the catalog. The first pull opens the file, then waits
 * for a turn (see {@link downloadTurn}), which ends with the stream.
 */
function rowStream(
	datasetVersion: string,
	read: (db: DatasetDatabase) => ExportBatches<Record<string, unknown>>,
	writer: DownloadWriter
): ReadableStream<Uint8Array> {
	const inRequest = AsyncLocalStorage.snapshot();
	const encoder = new TextEncoder();
	let db: DatasetDatabase | null = null;
	let batches: Iterator<Record<string, unknown>[]> | null = null;
	let endTurn: (() => void) | null = null;
	let closed = false;
	const close = () => {
		closed = true;
		batches?.return?.();
		batches = null;
		db?.close();
		db = null;
		endTurn?.();
	};
	return new ReadableStream<Uint8Array>(
		{
			pull: (controller) =>
				inRequest(async () => {
					try {
						let text = '';
						if (!db) {
							db = openDataset(datasetDbPath());
							if (datasetInfo(db).version !== datasetVersion) {
								throw new Error('The dataset was replaced before this download began; ask for it again.');
							}
							// The file is open before the wait, so a publication while it waits does not change what it reads.
							endTurn = await downloadTurn();
							// The client went away while it waited: close() closed the file, and the turn passes on.
							if (closed) return endTurn();
							const rows = read(db);
							batches = rows.batches[Symbol.iterator]();
							text = writer.head(rows.count);
						}
						const next = batches!.next();
						if (next.done) {
							close();
							controller.enqueue(encoder.encode(text + writer.tail()));
							controller.close();
						} else {
							controller.enqueue(encoder.encode(text + writer.batch(next.value)));
						}
					} catch (error) {
						close();
						controller.error(error);
					}
				}),
			cancel: close
		},
		{ highWaterMark: 0 }
	);
}

/**
 * The response of a download, named after the list and the dataset version, its body streamed (see
 * {@link rowStream}); `read` reads the rows (and the JSON's `extra` fields) from the download's own connection.
 */
export function downloadResponse(
	format: 'csv' | 'json',
	name: string,
	datasetVersion: string,
	columns: readonly string[],
	filters: Record<string, string | number | undefined>,
	read: (db: DatasetDatabase) => ExportBatches<Record<string, unknown>> & { extra?: Record<string, unknown> }
): Response {
	const filename = downloadFilename(name, datasetVersion, format);
	let extra: Record<string, unknown> = {};
	const readRows = (db: DatasetDatabase) => {
		const rows = read(db);
		extra = rows.extra ?? {};
		return rows;
	};
	const writer = format === 'csv' ? csvWriter(columns) : jsonWriter(datasetVersion, columns, filters, () => extra);
	return new Response(rowStream(datasetVersion, readRows, writer), {
		headers: {
			'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'access-control-allow-origin': '*'
		}
	});
}
