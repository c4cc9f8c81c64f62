// Approvals write only what they change into a copy of the published file: the same dataset as building it whole.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMaintainer, type Maintainer } from '../../src/lib/server/auth/maintainers';
import { parseSuggestionForm, readSuggestionForm } from '../../src/lib/server/corrections/form';
import {
	acceptedEdits,
	approveCorrection,
	latestRevision,
	revertCorrection,
	tombstonesOfReverts,
	type PublishTarget
} from '../../src/lib/server/corrections/review';
import { submitCorrection } from '../../src/lib/server/corrections/store';
import { buildDataset } from '../../src/lib/server/db/build';
import { stopBuildWorker } from '../../src/lib/server/db/build-thread';
import { registerBuildWorker } from '../../src/lib/server/db/build-worker-script';
import { getDataset } from '../../src/lib/server/db/dataset';
import { getState, type StateDatabase } from '../../src/lib/server/db/state';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

let target: PublishTarget;
let state: StateDatabase;
let alice: Maintainer;

beforeEach(async () => {
	const dir = temporaryDir();
	const dataDir = join(dir, 'data');
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	Object.assign(process.env, {
		DATA_DIR: dataDir,
		DATASET_DB_PATH: join(dir, 'dataset.sqlite'),
		STATE_DB_PATH: join(dir, 'state.sqlite'),
		DATASET_TODAY: FIXED_TODAY
	});
	target = { dataDir, outPath: join(dir, 'dataset.sqlite'), today: FIXED_TODAY };
	const built = buildDataset(target);
	if (!built.ok) throw new Error(built.errors.join('\n'));
	state = getState();
	alice = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'));
}, 30_000);

/** Stores a visitor's suggestion sent through the real form parser; returns its id. */
function suggest(fields: Record<string, string>): number {
	const form = new FormData();
	const all = { reason: 'A test.', evidence: 'https://example.org/evidence', ...fields };
	for (const [name, value] of Object.entries(all)) form.append(name, value);
	const parsed = parseSuggestionForm(readSuggestionForm(form));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	const stored = submitCorrection(state, parsed.suggestion, {
		dataset: getDataset(),
		submittedBy: null,
		submitterHash: null,
		now: new Date('2026-05-02T10:00:00Z')
	});
	if (!stored.ok) throw new Error(JSON.stringify(stored.errors));
	return stored.id;
}

const context = () => ({
	maintainerId: alice.id,
	reason: 'Checked.',
	now: new Date('2026-05-03T10:00:00Z'),
	singleMaintainer: true
});

/** Every row of every table, the search index through its content, in a stable order. */
function tablesOf(path: string) {
	const db = new Database(path, { readonly: true });
	try {
		const names = db
			.prepare<[], { name: string }>(
				"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search\\_index\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
			)
			.all()
			.map((row) => row.name);
		const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
		return Object.fromEntries(names.map((name) => [name, sorted(db.prepare(`SELECT * FROM "${name}"`).all())]));
	} finally {
		db.close();
	}
}

/** The tables the overview's charts are drawn and paged from (see src/lib/server/db/chart-tables.ts). */
function chartTablesOf(tables: ReturnType<typeof tablesOf>) {
	return Object.fromEntries(
		Object.entries(tables).filter(([name]) => name.startsWith('chart_') && name !== 'chart_rounds')
	);
}

/** The dataset built whole from data/ and the state database as it is now. */
function wholeBuild(): string {
	const outPath = join(temporaryDir(), 'whole.sqlite');
	const built = buildDataset({
		...target,
		outPath,
		edits: acceptedEdits(state),
		revision: latestRevision(state),
		removedByCorrections: tombstonesOfReverts(state)
	});
	if (!built.ok) throw new Error(built.errors.join('\n'));
	return outPath;
}

describe('publishing an approval from the published file', () => {
	it('writes the same dataset as a whole build after a change, an addition with its page, and another change', async () => {
		const chartsBefore = chartTablesOf(tablesOf(target.outPath));
		const change = suggest({ kind: 'change', entity: 'claim', record_id: 'c2', 'field:number': '151' });
		expect(await approveCorrection(state, target, change, context())).toMatchObject({ ok: true, incremental: true });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));
		// The change moves what the charts draw, and the tables written for them follow it as a whole build's do.
		expect(chartTablesOf(tablesOf(target.outPath))).not.toEqual(chartsBefore);

		const addition = suggest({
			kind: 'addition',
			entity: 'claim',
			record_id: '',
			'field:round_id': '2024-12-30-exchange',
			'field:stated_on': '2024-12-31',
			'field:claimant': 'Rustem Umerov',
			'field:claimant_id': 'k-umerov',
			'field:claimant_side': 'ukraine',
			'field:statement': 'report',
			'field:counted': 'people_to_ukraine',
			'field:counted_detail': 'people returned',
			'field:counted_detail_uk': 'повернуті люди',
			'field:counted_detail_ru': 'возвращённые люди',
			'field:number': '189',
			'field:qualifier': 'exact',
			'field:source:url': 'https://example.org/ombudsman',
			'field:source:outlet': 'Ombudsman of Ukraine',
			'field:source:kind': 'official_statement',
			'field:source:language': 'uk',
			'field:source:reliability': 'claimant_channel'
		});
		expect(await approveCorrection(state, target, addition, context())).toMatchObject({ ok: true, incremental: true });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));

		const round = suggest({
			kind: 'change',
			entity: 'round',
			record_id: '2024-12-30-exchange',
			'field:summary': 'A new summary of the exchange.'
		});
		expect(await approveCorrection(state, target, round, context())).toMatchObject({ ok: true, incremental: true });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));
		expect(
			getDataset().prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH 'summary'").get()
		).toEqual({ n: 1 });
	}, 60_000);

	it('builds whole when the published file is not the base a decision needs: a revert, or data/ changed since', async () => {
		const change = suggest({ kind: 'change', entity: 'claim', record_id: 'c2', 'field:number': '151' });
		expect(await approveCorrection(state, target, change, context())).toMatchObject({ ok: true, incremental: true });
		expect(await revertCorrection(state, target, change, context())).toMatchObject({ ok: true, incremental: false });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));

		// data/ edited after the published file was built: the file no longer shows data/ as it is.
		const claims = join(target.dataDir, 'claims.csv');
		writeFileSync(claims, readFileSync(claims));
		const again = suggest({ kind: 'change', entity: 'claim', record_id: 'c2', 'field:number': '152' });
		expect(await approveCorrection(state, target, again, context())).toMatchObject({ ok: true, incremental: false });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));
	}, 60_000);
});

describe('publishing on the build worker thread, as the production server does', () => {
	afterEach(() => {
		registerBuildWorker(undefined);
		stopBuildWorker();
	});

	it('writes the same dataset as a whole build, incrementally and whole, on the worker', async () => {
		registerBuildWorker({ path: join(import.meta.dirname, '../helpers/build-worker.mjs') });
		const change = suggest({ kind: 'change', entity: 'claim', record_id: 'c2', 'field:number': '151' });
		expect(await approveCorrection(state, target, change, context())).toMatchObject({ ok: true, incremental: true });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));
		expect(await revertCorrection(state, target, change, context())).toMatchObject({ ok: true, incremental: false });
		expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));
	}, 60_000);

	it('decides nothing when the worker cannot build: the decision fails and the published file stays', async () => {
		registerBuildWorker({ path: join(import.meta.dirname, 'no-such-worker.js') });
		const before = tablesOf(target.outPath);
		const change = suggest({ kind: 'change', entity: 'claim', record_id: 'c2', 'field:number': '151' });
		await expect(approveCorrection(state, target, change, context())).rejects.toThrow(/could not be built/);
		expect([latestRevision(state), acceptedEdits(state)]).toEqual([0, []]);
		expect(tablesOf(target.outPath)).toEqual(before);
	}, 60_000);
});
