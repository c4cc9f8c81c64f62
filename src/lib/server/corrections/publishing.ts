// The published dataset for decisions made on the server: where it is, and its repair at start-up after an interrupted publish.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildDay, dataDir, datasetDbPath } from '../config/environment';
import { ACCEPTED_META_KEY, acceptedList } from '../db/build';
import { datasetMetaOf } from '../db/dataset';
import { DATASET_SCHEMA_VERSION } from '../db/schema';
import type { StateDatabase } from '../db/state';
import { acceptedEdits, latestRevision, republish, type PublishTarget } from './review';

/** data/, the published SQLite file, and today's date for the build's future-date check. */
export function publishTarget(): PublishTarget {
	return { dataDir: dataDir(), outPath: datasetDbPath(), today: buildDay() };
}

/** What a published file says it was built from, and by which schema; null when it is missing or unreadable. */
function publishedFrom(outPath: string): { revision: string; accepted: string; schemaVersion: string } | null {
	const meta = datasetMetaOf(outPath);
	return (
		meta && {
			revision: meta.revision ?? '',
			accepted: meta[ACCEPTED_META_KEY] ?? '',
			schemaVersion: meta.schema_version ?? ''
		}
	);
}

/** Whether the file at `outPath` was written by this application's schema (false when it is missing or unreadable). */
export function hasCurrentSchema(outPath: string): boolean {
	return publishedFrom(outPath)?.schemaVersion === String(DATASET_SCHEMA_VERSION);
}

/**
 * Whether the published file was built by this application's schema from the state database as it is: the same
 * revision and accepted corrections. A file of an older schema (a release that changed its tables) is not published:
 * the pages' queries would fail on it.
 */
export function isPublished(state: StateDatabase, outPath: string): boolean {
	const published = publishedFrom(outPath);
	return (
		published !== null &&
		published.schemaVersion === String(DATASET_SCHEMA_VERSION) &&
		published.revision === String(latestRevision(state)) &&
		published.accepted === acceptedList(acceptedEdits(state))
	);
}

/** Files a build leaves beside the published one until it renames them: `<file>.staged-<pid>`, `<file>.tmp-<pid>`, … */
const LEFTOVER = /^\.(?:staged(?:-(\d+))?(?:\.tmp-(\d+))?|tmp-(\d+))$/;

function isRunning(pid: number): boolean {
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Removes the staged and temporary files of builds that were interrupted (their process is gone); returns their names. */
export function removeLeftovers(outPath: string): string[] {
	const prefix = basename(outPath);
	const directory = dirname(outPath);
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch {
		return [];
	}
	return names.filter((name) => {
		if (!name.startsWith(prefix)) return false;
		const match = LEFTOVER.exec(name.slice(prefix.length));
		if (!match) return false;
		const pids = match
			.slice(1)
			.filter((pid) => pid !== undefined)
			.map(Number);
		if (pids.some(isRunning)) return false;
		rmSync(join(directory, name), { force: true });
		return true;
	});
}

export type StartupRepair =
	| { republished: false; removed: string[] }
	| { republished: true; removed: string[]; ok: true }
	| { republished: true; removed: string[]; ok: false; errors: string[] };

/**
 * Run at start-up, before the first request: removes what interrupted builds left, and republishes when the published
 * file does not reflect the state database (a crash between a decision's commit and its rename leaves it one behind)
 * or was written by an older schema.
 */
export function ensurePublished(state: StateDatabase, target: PublishTarget): StartupRepair {
	const removed = removeLeftovers(target.outPath);
	if (isPublished(state, target.outPath)) return { republished: false, removed };
	const result = republish(state, target);
	return result.ok
		? { republished: true, removed, ok: true }
		: { republished: true, removed, ok: false, errors: result.errors };
}
