// The read-only connection to the published SQLite dataset, reopened when a rebuild replaces the file.
import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { datasetDbPath } from '../config';

export type DatasetDatabase = Database.Database;

let open: { path: string; modifiedAt: number; db: DatasetDatabase } | null = null;

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
	open?.db.close();
	open = { path, modifiedAt, db: openDataset(path) };
	return open.db;
}

/** The bytes of the published dataset file, for download. */
export function datasetFileBytes(): Buffer {
	return readFileSync(datasetDbPath());
}
