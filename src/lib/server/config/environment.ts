// Environment configuration shared by the server and the command-line tools, with documented defaults.
import { resolve } from 'node:path';

/** Directory of the curated CSV dataset. */
export function dataDir(): string {
	return resolve(process.env.DATA_DIR ?? 'data');
}

/** Path of the built, read-only SQLite dataset. */
export function datasetDbPath(): string {
	return resolve(process.env.DATASET_DB_PATH ?? 'data/build/dataset.sqlite');
}

/** Path of the application's own writable database: corrections, revisions, maintainers, sessions. */
export function stateDbPath(): string {
	return resolve(process.env.STATE_DB_PATH ?? 'data/state/app.sqlite');
}

/** Directory where `db:backup` writes backups and `db:restore` keeps the state it replaced. */
export function backupDir(): string {
	return resolve(process.env.BACKUP_DIR ?? 'data/state/backups');
}

/** True when the instance is run by one maintainer, who may then approve their own suggestions. */
export function singleMaintainer(): boolean {
	return process.env.SINGLE_MAINTAINER === 'true';
}

/** Today's date (UTC, YYYY-MM-DD), or DATASET_TODAY when set, so that builds can be reproduced. */
export function buildDay(): string {
	return process.env.DATASET_TODAY ?? new Date().toISOString().slice(0, 10);
}

/** Today's date (UTC, YYYY-MM-DD): the access date that citations print. */
export function todayIso(): string {
	return new Date().toISOString().slice(0, 10);
}

/** The page cache's memory bound in MiB (PAGE_CACHE_MB, default 64): rendered pages and their compressed copies. */
export function pageCacheBytes(): number {
	const mib = Number(process.env.PAGE_CACHE_MB ?? 64);
	return (Number.isFinite(mib) && mib > 0 ? mib : 64) * 1024 * 1024;
}

/**
 * The server thread's heap bound in MiB (SERVER_HEAP_MB, default 128): V8's old generation, where what the server keeps
 * per dataset version lives (tens of MiB at a hundred times the real data) and where garbage waits to be collected.
 * Left unbounded, V8 lets garbage grow with the machine's memory before it collects; bounded, it collects sooner.
 */
export function serverHeapMb(): number {
	const raw = process.env.SERVER_HEAP_MB;
	if (raw === undefined || raw === '') return 128;
	if (!/^\d+$/.test(raw) || Number(raw) < 64)
		throw new Error(`SERVER_HEAP_MB must be a whole number of MiB, at least 64, not ${JSON.stringify(raw)}`);
	return Number(raw);
}
