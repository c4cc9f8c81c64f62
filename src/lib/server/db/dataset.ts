// The read-only connection to the published SQLite dataset, reopened when a rebuild replaces the file.
import { close, createReadStream, fstatSync, openSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { datasetDbPath } from '../config/environment';

export type DatasetDatabase = Database.Database;

/**
 * The shared connection, and a descriptor of its file held beside it (see `getDataset`). Should a rename land between
 * the two opens, the descriptor names the newer file and this connection's close is the slow one, once.
 */
let open: { path: string; modifiedAt: number; db: DatasetDatabase; descriptor: number } | null = null;

/** Opens a dataset file read-only. Fails with a clear message when it has not been built. */
export function openDataset(path: string): DatasetDatabase {
	try {
		return new Database(path, { readonly: true, fileMustExist: true });
	} catch (error) {
		throw new Error(
			`Cannot open the dataset at ${path}: run \`npm run data:build\` first (${(error as Error).message})`
		);
	}
}

/** The meta table of a dataset file (what it was built from and when), or null when it is missing or unreadable. */
export function datasetMetaOf(path: string): Record<string, string> | null {
	let db;
	try {
		db = openDataset(path);
	} catch {
		return null;
	}
	try {
		const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all();
		return Object.fromEntries(rows.map((row) => [row.key, row.value]));
	} catch {
		return null;
	} finally {
		db.close();
	}
}

/**
 * The shared connection to the dataset at DATASET_DB_PATH. The build replaces the file by rename,
 * so a changed modification time means a new dataset: the old connection is closed and a new one opened.
 */
export function getDataset(): DatasetDatabase {
	const path = datasetDbPath();
	const modifiedAt = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
	if (open && open.path === path && open.modifiedAt === modifiedAt) return open.db;
	const replaced = open;
	open = null;
	if (replaced) {
		// The file a rebuild renamed over is freed when its last descriptor closes: at a hundred times the real data
		// that takes the kernel 0.1–0.15 s (dropping the file's cached pages and its blocks), which readers would wait
		// for if the connection's close were the last. It is not: the descriptor held beside it is closed last, on
		// libuv's threads.
		replaced.db.close();
		close(replaced.descriptor, () => undefined);
	}
	const db = openDataset(path);
	open = { path, modifiedAt, db, descriptor: openSync(path, 'r') };
	return db;
}

/**
 * The published dataset file for download, streamed and never held in memory whole (it grows with the data), from one
 * open descriptor, so that a rebuild renaming a new file into place does not cut a download short; with its size.
 */
export function datasetFileStream(): { body: ReadableStream<Uint8Array>; size: number } {
	const fd = openSync(datasetDbPath(), 'r');
	const size = fstatSync(fd).size;
	return { body: Readable.toWeb(createReadStream('', { fd })) as ReadableStream<Uint8Array>, size };
}
