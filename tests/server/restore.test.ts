// Backup and restore end to end: the real commands back up, refuse, restore and republish; the server then serves the restored state.
import { execFileSync } from 'node:child_process';
import {
	closeSync,
	copyFileSync,
	cpSync,
	existsSync,
	openSync,
	readFileSync,
	readdirSync,
	writeFileSync,
	writeSync
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMaintainer, createSession, maintainerForSession } from '../../src/lib/server/auth/maintainers';
import { approveCorrection, type PublishTarget } from '../../src/lib/server/corrections/review';
import { submitCorrection } from '../../src/lib/server/corrections/store';
import { buildDataset } from '../../src/lib/server/db/build';
import { openDataset } from '../../src/lib/server/db/dataset';
import { migrations } from '../../src/lib/server/db/migrations';
import { restoreState } from '../../src/lib/server/db/restore';
import { getState, openState, type StateDatabase } from '../../src/lib/server/db/state';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

const dir = temporaryDir();
const dataDir = join(dir, 'data');
const statePath = join(dir, 'state', 'app.sqlite');
const backupDir = join(dir, 'backups');
const target: PublishTarget = { dataDir, outPath: join(dir, 'dataset.sqlite'), today: FIXED_TODAY };
const env = {
	...process.env,
	DATA_DIR: dataDir,
	DATASET_DB_PATH: target.outPath,
	STATE_DB_PATH: statePath,
	BACKUP_DIR: backupDir,
	DATASET_TODAY: FIXED_TODAY
};
const tsx = resolve('node_modules/.bin/tsx');

/** Runs one of the package's database commands as `npm run` would, and returns its exit code and output. */
function command(script: 'backup' | 'restore', ...args: string[]): { code: number; output: string } {
	try {
		const stdout = execFileSync(tsx, [`src/lib/server/db/${script}-cli.ts`, ...args], { env, encoding: 'utf8' });
		return { code: 0, output: stdout };
	} catch (error) {
		const failed = error as { status: number; stdout: string; stderr: string };
		return { code: failed.status, output: failed.stdout + failed.stderr };
	}
}

/** Suggests a new figure for a claim as one maintainer and approves it as another: one revision, published. */
async function correctFigure(state: StateDatabase, claimId: string, figure: string, [author, reviewer]: number[]) {
	const dataset = openDataset(target.outPath);
	const submitted = submitCorrection(
		state,
		{
			kind: 'change',
			entity: 'claim',
			record_id: claimId,
			proposal: { number: figure },
			reason: 'The ministry corrected its figure the next day.',
			evidence_urls: ['https://example.org/correction'],
			contact_email: '',
			website: ''
		},
		{ dataset, submittedBy: author as number, submitterHash: null, now: new Date('2026-05-02T09:00:00Z') }
	);
	dataset.close();
	if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));
	const decided = await approveCorrection(state, target, submitted.id, {
		maintainerId: reviewer as number,
		reason: 'Matches the ministry',
		now: new Date(`2026-05-0${2 + submitted.id}T10:00:00Z`),
		singleMaintainer: false
	});
	if (!decided.ok) throw new Error(decided.message);
}

const revisionCount = (state: StateDatabase) =>
	state.prepare<[], number>('SELECT count(*) FROM revisions').pluck().get() as number;

let backupFile: string;
let sessionToken: string;

beforeAll(async () => {
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	if (!buildDataset(target).ok) throw new Error('fixture build failed');
	// The server's connection stays open for now: a restore must notice that the database is in use.
	const state = openState(statePath);
	const alice = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'));
	const bob = await addMaintainer(state, 'bob', 'another long passphrase', new Date('2026-05-01T10:00:00Z'));
	sessionToken = createSession(state, alice.id, Date.parse('2026-05-02T08:00:00Z')).token;
	await correctFigure(state, 'c2', '151', [alice.id, bob.id]);

	backupFile = join(dir, 'before.sqlite');
	const backup = command('backup', backupFile);
	expect(backup.code, backup.output).toBe(0);
	// After the backup, another approved correction: the state the restore will take back.
	await correctFigure(state, 'c1', '190', [alice.id, bob.id]);
	expect(revisionCount(state)).toBe(2);

	const inUse = command('restore', backupFile, '--force');
	expect(inUse.code).toBe(1);
	expect(inUse.output).toContain('is in use by another process: stop the server first');
	expect(revisionCount(state)).toBe(2);
	state.close();
}, 60_000);

afterAll(() => getState().close());

describe('npm run db:backup', () => {
	it('writes into BACKUP_DIR when given no file', () => {
		const { code, output } = command('backup');
		expect(code, output).toBe(0);
		expect(readdirSync(backupDir).filter((name) => /^app-\d{4}-.*\.sqlite$/.test(name))).toHaveLength(1);
	}, 30_000);
});

describe('npm run db:restore', () => {
	it('refuses to replace a state that holds more than the backup, and changes nothing', () => {
		const { code, output } = command('restore', backupFile);
		expect(code).toBe(1);
		expect(output).toMatch(
			new RegExp(
				`the current state \\(migration ${migrations.length}, 2 correction\\(s\\), 2 revision\\(s\\).*add --force`
			)
		);
		const state = openState(statePath);
		expect(revisionCount(state)).toBe(2);
		state.close();
	}, 30_000);

	it('with --force restores the backup, keeps the replaced state, and republishes the dataset', () => {
		const { code, output } = command('restore', backupFile, '--force');
		expect(code, output).toBe(0);
		expect(output).toContain(`migration ${migrations.length}, 1 correction(s), 1 revision(s)`);
		expect(output).toContain('republished');
		const kept = readdirSync(backupDir).find((name) => name.startsWith('app-replaced-')) as string;
		const replaced = openState(join(backupDir, kept));
		expect(revisionCount(replaced)).toBe(2);
		replaced.close();
		expect(existsSync(`${statePath}.restoring`)).toBe(false);
	}, 30_000);

	it('serves the restored state: its revisions, its published figures, and none of its old sessions', async () => {
		process.env.DATA_DIR = dataDir;
		process.env.DATASET_DB_PATH = target.outPath;
		process.env.STATE_DB_PATH = statePath;
		const health = (await import('../../src/routes/healthz/+server')).GET as unknown as () => Response;
		const claim = (await import('../../src/routes/claims/[id].json/+server')).GET as unknown as (event: {
			params: { id: string };
			url: URL;
		}) => Response;
		const changes = (await import('../../src/routes/changes/+page.server')).load as unknown as (event: {
			url: URL;
		}) => { total: number; groups: { parts: { recordId: string }[] }[] };

		const response = health();
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.dataset.revision).toBe(1);
		expect(body.state.revision).toBe(1);

		const numberOf = async (id: string) =>
			(await claim({ params: { id }, url: new URL(`https://example.org/claims/${id}.json`) }).json()).claim.number;
		expect(await numberOf('c2')).toBe(151);
		expect(await numberOf('c1')).toBe(189);

		const listed = changes({ url: new URL('https://example.org/changes') });
		expect(listed.total).toBe(1);
		expect(listed.groups.flatMap((group) => group.parts.map((revision) => revision.recordId))).toEqual(['c2']);
		expect(maintainerForSession(getState(), sessionToken, Date.parse('2026-05-02T08:30:00Z'))).toBeNull();
	}, 30_000);
});

describe('restoreState', () => {
	it('restores onto a machine without a state database, keeping nothing', () => {
		const fresh = join(temporaryDir(), 'state', 'app.sqlite');
		const outcome = restoreState({
			backupPath: backupFile,
			statePath: fresh,
			keepDir: backupDir,
			force: false,
			now: new Date(0)
		});
		expect(outcome).toMatchObject({ ok: true, replaced: null, keptAt: null, migratedFrom: migrations.length });
		const state = openState(fresh);
		expect(revisionCount(state)).toBe(1);
		state.close();
	});

	it('replaces a damaged state database without --force, keeping a copy of it', () => {
		const damaged = join(temporaryDir(), 'app.sqlite');
		writeFileSync(damaged, 'the remains of a disk that failed');
		const outcome = restoreState({
			backupPath: backupFile,
			statePath: damaged,
			keepDir: join(dir, 'kept'),
			force: false,
			now: new Date(0)
		});
		expect(outcome).toMatchObject({
			ok: true,
			replaced: null,
			keptAt: join(dir, 'kept', 'app-replaced-1970-01-01T00-00-00-000Z.sqlite')
		});
		expect(readFileSync(join(dir, 'kept', 'app-replaced-1970-01-01T00-00-00-000Z.sqlite'), 'utf8')).toBe(
			'the remains of a disk that failed'
		);
		const state = openState(damaged);
		expect(revisionCount(state)).toBe(1);
		state.close();
	});

	it('refuses to replace a state that a newer application wrote, unless forced', () => {
		const newer = join(temporaryDir(), 'app.sqlite');
		copyFileSync(backupFile, newer);
		const db = new Database(newer);
		db.pragma(`user_version = ${migrations.length + 1}`);
		db.close();
		const options = { backupPath: backupFile, statePath: newer, keepDir: join(dir, 'kept'), now: new Date(0) };
		expect(restoreState({ ...options, force: false })).toEqual({
			ok: false,
			message: expect.stringContaining('written by a newer version of the application')
		});
		expect(restoreState({ ...options, force: true })).toMatchObject({ ok: true });
	});

	const refusals: { name: string; make: (path: string) => void; message: RegExp }[] = [
		{
			name: 'a file that is not SQLite',
			make: (path) => writeFileSync(path, 'not a database'),
			message: /not a readable/
		},
		{
			name: 'the published dataset instead of the state',
			make: (path) => copyFileSync(target.outPath, path),
			message: /not a state database of this application/
		},
		{
			name: 'a state database of a newer application',
			make: (path) => {
				copyFileSync(backupFile, path);
				const db = new Database(path);
				db.pragma(`user_version = ${migrations.length + 1}`);
				db.close();
			},
			message: /written by a newer version of the application/
		},
		{
			name: 'a damaged state database',
			make: (path) => {
				copyFileSync(backupFile, path);
				const fd = openSync(path, 'r+');
				writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096);
				closeSync(fd);
			},
			message: /integrity check|not a readable/
		}
	];
	it.each(refusals)('refuses $name, even with force, and changes nothing', ({ make, message }) => {
		const path = join(dir, 'candidate.sqlite');
		make(path);
		const before = revisionCount(getState());
		const outcome = restoreState({ backupPath: path, statePath, keepDir: backupDir, force: true, now: new Date(0) });
		expect(outcome).toEqual({ ok: false, message: expect.stringMatching(message) });
		expect(revisionCount(getState())).toBe(before);
	});
});
