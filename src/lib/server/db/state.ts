// The application's own database (corrections, revisions, maintainers, sessions): WAL, durable writes, numbered migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { stateDbPath } from '../config/environment';
import { migrations } from './migrations';

export type StateDatabase = Database.Database;

/**
 * Opens (creating if needed) the state database at `path` and brings it to the latest migration.
 * One connection per process is the one writer: better-sqlite3 is synchronous, so writes never interleave.
 */
export function openState(path: string): StateDatabase {
	mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	// FULL: an approved correction survives a power cut once the reviewer has seen "approved".
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

/** Applies every migration after the database's `user_version`, each in its own transaction. */
export function migrate(db: StateDatabase): number {
	const current = db.pragma('user_version', { simple: true }) as number;
	if (current > migrations.length) {
		throw new Error(
			`The state database is at migration ${current}, newer than this application (${migrations.length}).`
		);
	}
	// Foreign keys are off while a migration runs (they cannot be switched inside a transaction), so that one may
	// rebuild a table as SQLite documents it; every key is checked before the migration commits.
	const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
	db.pragma('foreign_keys = OFF');
	try {
		migrations.slice(current).forEach((sql, index) => {
			db.transaction(() => {
				db.exec(sql);
				const broken = db.pragma('foreign_key_check') as unknown[];
				if (broken.length > 0) throw new Error(`Migration ${current + index + 1} broke ${broken.length} foreign keys.`);
				db.pragma(`user_version = ${current + index + 1}`);
			}).immediate();
		});
	} finally {
		db.pragma(`foreign_keys = ${foreignKeys}`);
	}
	return migrations.length;
}

let open: { path: string; db: StateDatabase } | null = null;

/** The process's connection to the state database at STATE_DB_PATH. */
export function getState(): StateDatabase {
	const path = stateDbPath();
	if (open?.path === path) return open.db;
	open?.db.close();
	// Forgotten before opening: a path that fails to open must not leave the closed connection to be handed out.
	open = null;
	open = { path, db: openState(path) };
	return open.db;
}
