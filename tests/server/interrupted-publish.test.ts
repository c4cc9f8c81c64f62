// A crash between an approval's commit and the rename of its dataset: the next start publishes the approved value.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMaintainer } from '../../src/lib/server/auth/maintainers';
import {
	ensurePublished,
	hasCurrentSchema,
	isPublished,
	publishTarget,
	removeLeftovers
} from '../../src/lib/server/corrections/publishing';
import { latestRevision } from '../../src/lib/server/corrections/review';
import { getCorrection } from '../../src/lib/server/corrections/store';
import { buildDataset } from '../../src/lib/server/db/build';
import { datasetMetaOf, getDataset } from '../../src/lib/server/db/dataset';
import { DATASET_SCHEMA_VERSION } from '../../src/lib/server/db/schema';
import { recordCells } from '../../src/lib/server/db/queries/records';
import { getState } from '../../src/lib/server/db/state';
import { suggestClaimChange } from '../helpers/suggestions';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

let dir: string;
let outPath: string;

/** A fresh instance: the valid fixture as data/, its build, two maintainers and one pending suggestion (c2: 150 -> 151). */
async function instanceWithSuggestion() {
	dir = temporaryDir();
	const dataDir = join(dir, 'data');
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	outPath = join(dir, 'dataset.sqlite');
	Object.assign(process.env, {
		DATA_DIR: dataDir,
		DATASET_DB_PATH: outPath,
		STATE_DB_PATH: join(dir, 'state.sqlite'),
		DATASET_TODAY: FIXED_TODAY
	});
	const built = buildDataset({ dataDir, outPath, today: FIXED_TODAY });
	if (!built.ok) throw new Error(built.errors.join('\n'));
	const state = getState();
	const reviewer = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'));
	const correctionId = suggestClaimChange(state, {
		recordId: 'c2',
		field: 'number',
		value: '151',
		reason: 'The ministry corrected its figure the next day.',
		now: new Date('2026-05-01T12:00:00Z')
	});
	return { state, reviewer, correctionId };
}

const leftovers = () =>
	readdirSync(dir).filter((name) => name !== 'dataset.sqlite' && name.startsWith('dataset.sqlite'));

describe('an approval interrupted between its commit and its rename', () => {
	let child: ReturnType<typeof spawnSync>;
	let correctionId: number;
	let state: ReturnType<typeof getState>;

	beforeAll(async () => {
		const instance = await instanceWithSuggestion();
		({ correctionId, state } = instance);
		child = spawnSync(
			process.execPath,
			['--import', 'tsx', 'tests/helpers/approve-then-crash.ts', String(correctionId), String(instance.reviewer.id)],
			{ env: process.env, encoding: 'utf8', timeout: 60_000 }
		);
	}, 90_000);

	it('leaves the decision committed, the old value published and the staged file behind', () => {
		expect(child.stderr).toBe('');
		expect(child.signal).toBe('SIGKILL');
		expect(getCorrection(state, correctionId)?.status).toBe('accepted');
		expect(latestRevision(state)).toBe(1);
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('150');
		expect(isPublished(state, outPath)).toBe(false);
		expect(leftovers()).toEqual([`dataset.sqlite.staged-${child.pid}`]);
	});

	// Importing the server's hooks loads most of the application: slow on a busy machine.
	it('is repaired by the next start: the approved value is served and no staged file remains', async () => {
		// The server's start-up hook, as `node build` runs it before the first request.
		const { init } = await import('../../src/hooks.server');
		await init();
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('151');
		expect(isPublished(state, outPath)).toBe(true);
		expect(leftovers()).toEqual([]);
	}, 30_000);
});

describe('removing what interrupted builds left', () => {
	it('removes the files of processes that are gone and keeps those of running ones', () => {
		const gone = spawnSync(process.execPath, ['-e', '0']).pid;
		const running = process.ppid;
		dir = temporaryDir();
		outPath = join(dir, 'dataset.sqlite');
		const names = [
			`dataset.sqlite.staged-${gone}`,
			`dataset.sqlite.tmp-${gone}`,
			`dataset.sqlite.staged-${gone}.tmp-${gone}`,
			'dataset.sqlite.staged',
			`dataset.sqlite.staged.tmp-${gone}`,
			`dataset.sqlite.staged-${running}`,
			`dataset.sqlite.tmp-${running}`,
			'dataset.sqlite.backup',
			'other.sqlite.tmp-1'
		];
		for (const name of names) writeFileSync(join(dir, name), '');
		expect(removeLeftovers(outPath).sort()).toEqual(names.slice(0, 5).sort());
		expect(readdirSync(dir).sort()).toEqual(names.slice(5).sort());
	});
});

describe('a published file written by an older schema', () => {
	/** Marks the published file as written by the schema before this one, as a file left by an older release is. */
	function ageSchema(path: string) {
		const db = new Database(path);
		db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(DATASET_SCHEMA_VERSION - 1));
		db.close();
	}

	it('is not published, and the start-up repair rebuilds it with the current schema', async () => {
		const { state } = await instanceWithSuggestion();
		ageSchema(outPath);
		expect(hasCurrentSchema(outPath)).toBe(false);
		expect(isPublished(state, outPath)).toBe(false);
		expect(ensurePublished(state, publishTarget())).toMatchObject({ republished: true, ok: true });
		expect(datasetMetaOf(outPath)?.schema_version).toBe(String(DATASET_SCHEMA_VERSION));
		expect(isPublished(state, outPath)).toBe(true);
	});

	it('stops the server at start-up when it cannot be rebuilt, rather than failing every request', async () => {
		await instanceWithSuggestion();
		ageSchema(outPath);
		process.env.DATA_DIR = join(dir, 'missing-data');
		const { init } = await import('../../src/hooks.server');
		await expect(async () => init()).rejects.toThrow(/cannot be rebuilt/);
		expect(hasCurrentSchema(outPath)).toBe(false);
	}, 30_000);
});
