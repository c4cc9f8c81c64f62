// Approvals write only what they change into a copy of the published file: the same dataset as building it whole.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

	/** A claim's stored judgement in the published file. */
	const verdictRow = (claimId: string) => {
		const db = new Database(target.outPath, { readonly: true });
		try {
			return db.prepare('SELECT * FROM claim_verdicts WHERE claim_id = ?').get(claimId);
		} finally {
			db.close();
		}
	};

	// Each step is approved from the published file and must give the whole build's file; `moves` is a claim the step
	// does not change whose verdict it moves (checked, so that the case exercises the dependency it is named after): an
	// approval that left that claim's verdict as it was would differ from the whole build.
	it.each<{ name: string; offerRounds?: string; steps: { fields: Record<string, string>; moves: string }[] }>([
		{
			name: 'a claim that comes to support another, then moves out of its window',
			steps: [
				{
					fields: {
						kind: 'change',
						entity: 'claim',
						record_id: 'c11',
						'field:statement': 'running_total',
						'field:counted': 'people_to_ukraine',
						'field:number': '5757',
						'field:qualifier': 'exact',
						'field:stated_on': '2025-06-10'
					},
					moves: 'c10'
				},
				{ fields: { kind: 'change', entity: 'claim', record_id: 'c11', 'field:stated_on': '2025-08-06' }, moves: 'c10' }
			]
		},
		{
			name: 'a claim that another answers',
			steps: [
				{ fields: { kind: 'change', entity: 'claim', record_id: 'c11', 'field:stated_on': '2025-08-05' }, moves: 'c12' }
			]
		},
		{
			name: 'an answer that leaves what it answered, then answers another',
			steps: [
				{ fields: { kind: 'change', entity: 'claim', record_id: 'c12', 'clear:responds_to': '1' }, moves: 'c11' },
				{ fields: { kind: 'change', entity: 'claim', record_id: 'c12', 'field:responds_to': 'c10' }, moves: 'c10' }
			]
		},
		{
			name: "a round's date, named by its reports",
			steps: [
				{
					fields: { kind: 'change', entity: 'round', record_id: '2025-06-11-bodies', 'field:date': '2025-06-10' },
					moves: 'c9'
				}
			]
		},
		{
			name: "a stage leaving its agreement, whose offer's delivery it was",
			steps: [
				{
					fields: { kind: 'change', entity: 'round', record_id: '2025-05-24-exchange', 'clear:parent_id': '1' },
					moves: 'c4'
				}
			]
		},
		{
			name: 'a report in a round linked to an offer (data/decisions/offer-rounds.csv)',
			offerRounds: 'offer_id,round_id,reason\nc4,2024-12-30-exchange,A test link.\n',
			steps: [{ fields: { kind: 'change', entity: 'claim', record_id: 'c2', 'field:number': '151' }, moves: 'c4' }]
		},
		{
			name: "a source whose change moves a linked round's confirmation",
			offerRounds: 'offer_id,round_id,reason\nc4,2024-12-30-exchange,A test link.\n',
			steps: [
				{ fields: { kind: 'change', entity: 'source', record_id: 's-uae', 'field:reliability': 'copy' }, moves: 'c4' }
			]
		}
	])(
		'judges again the verdicts a change moves: $name',
		async ({ offerRounds, steps }) => {
			if (offerRounds) {
				mkdirSync(join(target.dataDir, 'decisions'), { recursive: true });
				writeFileSync(join(target.dataDir, 'decisions', 'offer-rounds.csv'), offerRounds);
				const built = buildDataset(target);
				if (!built.ok) throw new Error(built.errors.join('\n'));
			}
			for (const { fields, moves } of steps) {
				const before = verdictRow(moves);
				const id = suggest(fields);
				expect(await approveCorrection(state, target, id, context())).toMatchObject({ ok: true, incremental: true });
				expect(verdictRow(moves)).not.toEqual(before);
				expect(tablesOf(target.outPath)).toEqual(tablesOf(wholeBuild()));
			}
		},
		60_000
	);

	// An approval changing only a row's own columns checks only that row: a problem in it must still refuse the decision,
	// with the message a whole build gives (it then validates whole), and leave the published file as it was.
	it.each<{ name: string; fields: Record<string, string>; message: string }>([
		{
			name: "a claim's date in the future",
			fields: { kind: 'change', entity: 'claim', record_id: 'c2', 'field:stated_on': '2026-07-01' },
			message: `claims.csv:3 (after correction #1): stated_on: date 2026-07-01 is in the future (today is ${FIXED_TODAY})`
		},
		{
			name: 'a round ending before it starts',
			fields: { kind: 'change', entity: 'round', record_id: '2025-05-16-agreement', 'field:end_date': '2025-05-01' },
			message: 'rounds.csv:3 (after correction #1): end_date: end date 2025-05-01 is before the start date 2025-05-16'
		},
		{
			name: 'working jargon in a note',
			fields: { kind: 'change', entity: 'claim', record_id: 'c2', 'field:note': 'Taken from research row r24-228.' },
			message: 'claims.csv:3 (after correction #1): note:'
		},
		{
			name: "a source's access date in the future",
			fields: { kind: 'change', entity: 'source', record_id: 's-uae', 'field:accessed_on': '2026-12-01' },
			message: `sources.csv:4 (after correction #1): accessed_on: date 2026-12-01 is in the future (today is ${FIXED_TODAY})`
		}
	])(
		'refuses a change that only its own row makes invalid, as a whole build does: $name',
		async ({ fields, message }) => {
			const before = tablesOf(target.outPath);
			const refused = await approveCorrection(state, target, suggest(fields), context());
			expect(refused).toMatchObject({ ok: false });
			expect(!refused.ok && refused.message).toContain(`The dataset would not be valid: ${message}`);
			expect(acceptedEdits(state)).toEqual([]);
			expect(tablesOf(target.outPath)).toEqual(before);
		}
	);

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
