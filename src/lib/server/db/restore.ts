// Restoring the application's database from a backup: checked, compared with the state it replaces, swapped in by rename.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations';
import { openState } from './state';

/** What a state database holds: enough to tell which of two is newer. */
export interface StateSummary {
	migration: number;
	corrections: number;
	revisions: number;
	/** The latest moment anything was submitted, decided, revised or created (ISO), or null when nothing was. */
	latestActivity: string | null;
}

export interface RestoreOptions {
	backupPath: string;
	statePath: string;
	/** Where a copy of the replaced database is kept. */
	keepDir: string;
	/** Replace a state that looks newer than the backup (or that a newer application wrote). */
	force: boolean;
	now: Date;
}

export type RestoreOutcome =
	| { ok: true; restored: StateSummary; migratedFrom: number; replaced: StateSummary | null; keptAt: string | null }
	| { ok: false; message: string };

/** SQLite's write-ahead log and its index: beside a database, they belong to it. */
const SIDE_FILES = ['-wal', '-shm'];

class RestoreRefused extends Error {}

function summarize(db: Database.Database): StateSummary {
	const counts = db
		.prepare<[], Omit<StateSummary, 'migration'>>(
			`SELECT (SELECT count(*) FROM corrections) AS corrections, (SELECT count(*) FROM revisions) AS revisions,
			 (SELECT max(at) FROM (
				SELECT max(submitted_at) AS at FROM corrections UNION ALL SELECT max(reviewed_at) FROM corrections
				UNION ALL SELECT max(created_at) FROM revisions UNION ALL SELECT max(created_at) FROM maintainers
			 )) AS latestActivity`
		)
		.get() as Omit<StateSummary, 'migration'>;
	return { migration: db.pragma('user_version', { simple: true }) as number, ...counts };
}

/** One line for the operator: what a state database holds. */
export function describeState(summary: StateSummary): string {
	return (
		`migration ${summary.migration}, ${summary.corrections} correction(s), ${summary.revisions} revision(s), ` +
		`latest activity ${summary.latestActivity ?? 'none'}`
	);
}

/** Every table with its columns in order: what a migration leaves behind, independent of how the SQL was written. */
function tablesOf(db: Database.Database): string {
	const tables = db
		.prepare<[], string>(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
		)
		.pluck()
		.all();
	const columns = db.prepare<[string], string>('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck();
	return JSON.stringify(tables.map((table) => [table, columns.all(table)]));
}

/** The tables a state database has after `count` migrations. */
function tablesAfterMigration(count: number): string {
	const db = new Database(':memory:');
	try {
		for (const sql of migrations.slice(0, count)) db.exec(sql);
		return tablesOf(db);
	} finally {
		db.close();
	}
}

/** Checks the copy of a backup: a sound SQLite file holding a state database of this or an older application. */
function checkBackup(path: string): number {
	const db = new Database(path, { fileMustExist: true });
	try {
		let messages: string[];
		try {
			messages = db.prepare<[], string>('PRAGMA integrity_check').pluck().all();
		} catch (error) {
			throw new RestoreRefused(`the backup is not a readable SQLite database (${(error as Error).message})`);
		}
		if (messages.join() !== 'ok') {
			throw new RestoreRefused(`the backup fails SQLite's integrity check: ${messages.slice(0, 3).join('; ')}`);
		}
		const migration = db.pragma('user_version', { simple: true }) as number;
		if (migration > migrations.length) {
			throw new RestoreRefused(
				`the backup was written by a newer version of the application (migration ${migration}; this one knows ` +
					`${migrations.length}): upgrade the application first`
			);
		}
		if (migration < 1 || tablesOf(db) !== tablesAfterMigration(migration)) {
			throw new RestoreRefused(
				'the backup is not a state database of this application (its tables are not those of any migration)'
			);
		}
		return migration;
	} finally {
		db.close();
	}
}

type Current = { kind: 'none' } | { kind: 'readable'; summary: StateSummary } | { kind: 'unreadable'; reason: string };

/**
 * Reads the state database about to be replaced and closes it again. The last connection to close a database in WAL
 * mode removes its write-ahead log, so a log still there afterwards means another process (the server) has it open.
 */
function releaseCurrent(path: string): Current {
	if (!existsSync(path)) return { kind: 'none' };
	let current: Current;
	let db: Database.Database | null = null;
	try {
		db = new Database(path, { fileMustExist: true });
		const check = db.pragma('quick_check', { simple: true });
		current =
			check === 'ok'
				? { kind: 'readable', summary: summarize(db) }
				: { kind: 'unreadable', reason: `it fails SQLite's quick check (${String(check)})` };
		db.pragma('wal_checkpoint(TRUNCATE)');
	} catch (error) {
		current = { kind: 'unreadable', reason: (error as Error).message };
	} finally {
		db?.close();
	}
	if (current.kind === 'readable' && SIDE_FILES.some((suffix) => existsSync(path + suffix))) {
		throw new RestoreRefused(`${path} is in use by another process: stop the server first`);
	}
	return current;
}

/** True when `current` holds something the backup does not: restoring would lose it. */
function isNewer(current: StateSummary, backup: StateSummary): boolean {
	return (
		current.corrections > backup.corrections ||
		current.revisions > backup.revisions ||
		(current.latestActivity ?? '') > (backup.latestActivity ?? '')
	);
}

/** A copy of the database being replaced (and of its log, when it could not be read), beside the backups. */
function keepReplaced(path: string, keepDir: string, now: Date): string {
	mkdirSync(keepDir, { recursive: true });
	const kept = join(keepDir, `app-replaced-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
	for (const suffix of ['', '-wal']) {
		if (existsSync(path + suffix)) copyFileSync(path + suffix, kept + suffix);
	}
	return kept;
}

function removeWithSideFiles(path: string): void {
	for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
}

/** Makes a rename in `dir` durable. */
function syncDirectory(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/**
 * Replaces the state database with a backup. The backup is copied beside the state database and checked there
 * (integrity, that it is a state database, its migration), migrated to this application's schema, and its sessions
 * are ended; then the current database is compared with it (refused when it holds more, unless forced), copied into
 * `keepDir`, and replaced by rename. The backup file itself is never written to.
 */
export function restoreState(options: RestoreOptions): RestoreOutcome {
	const { backupPath, statePath } = options;
	if (!existsSync(backupPath)) return { ok: false, message: `there is no file ${backupPath}` };
	mkdirSync(dirname(statePath), { recursive: true });
	// A fixed name beside the target: the rename stays on one file system, and a crashed attempt is cleaned up next time.
	const staged = `${statePath}.restoring`;
	removeWithSideFiles(staged);
	try {
		copyFileSync(backupPath, staged);
		// A backup copied with its write-ahead log (`cp app.sqlite*`) keeps the transactions in the log.
		if (existsSync(`${backupPath}-wal`)) copyFileSync(`${backupPath}-wal`, `${staged}-wal`);
		const migratedFrom = checkBackup(staged);
		const db = openState(staged);
		let restored: StateSummary;
		try {
			// Sessions of the backup's time would let a cookie that has since been logged out in again.
			db.prepare('DELETE FROM sessions').run();
			restored = summarize(db);
		} finally {
			db.close();
		}

		const current = releaseCurrent(statePath);
		if (current.kind === 'readable' && current.summary.migration > migrations.length && !options.force) {
			throw new RestoreRefused(
				`the current state was written by a newer version of the application (migration ` +
					`${current.summary.migration}); add --force to replace it with the backup anyway`
			);
		}
		if (current.kind === 'readable' && isNewer(current.summary, restored) && !options.force) {
			throw new RestoreRefused(
				`the current state (${describeState(current.summary)}) holds more than the backup ` +
					`(${describeState(restored)}); add --force to replace it anyway`
			);
		}
		const keptAt = current.kind === 'none' ? null : keepReplaced(statePath, options.keepDir, options.now);
		for (const suffix of SIDE_FILES) rmSync(statePath + suffix, { force: true });
		renameSync(staged, statePath);
		syncDirectory(dirname(statePath));
		return {
			ok: true,
			restored,
			migratedFrom,
			replaced: current.kind === 'readable' ? current.summary : null,
			keptAt
		};
	} catch (error) {
		if (error instanceof RestoreRefused) return { ok: false, message: error.message };
		throw error;
	} finally {
		removeWithSideFiles(staged);
	}
}
