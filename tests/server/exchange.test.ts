// A new exchange suggested as one package: the form's actions, atomic approval (all parts or none), the group in the history, revert.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirect, type Cookies } from '@sveltejs/kit';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMaintainer, type Maintainer } from '../../src/lib/server/auth/maintainers';
import { revisionsFeed } from '../../src/lib/server/corrections/feed';
import { assignedIdsOf } from '../../src/lib/server/corrections/exchange';
import { approveCorrection, revertCorrection, type PublishTarget } from '../../src/lib/server/corrections/review';
import { listRevisionGroups, revisionGroupCount } from '../../src/lib/server/corrections/revisions';
import { getCorrection } from '../../src/lib/server/corrections/store';
import { buildDataset } from '../../src/lib/server/db/build';
import { getDataset } from '../../src/lib/server/db/dataset';
import { claimsOfRound, getSource } from '../../src/lib/server/db/queries/claims';
import { datasetInfo, getRound } from '../../src/lib/server/db/queries/rounds';
import { removedRecord } from '../../src/lib/server/db/queries/removed';
import { migrations } from '../../src/lib/server/db/migrations';
import { getState, openState, type StateDatabase } from '../../src/lib/server/db/state';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

type Action = (event: unknown) => Promise<unknown>;
let actions: Record<'add' | 'send', Action>;
let target: PublishTarget;
let state: StateDatabase;
let alice: Maintainer;
let bob: Maintainer;

beforeAll(async () => {
	const dir = temporaryDir();
	const dataDir = join(dir, 'data');
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	process.env.DATA_DIR = dataDir;
	process.env.DATASET_DB_PATH = join(dir, 'dataset.sqlite');
	process.env.STATE_DB_PATH = join(dir, 'state.sqlite');
	process.env.DATASET_TODAY = FIXED_TODAY;
	target = { dataDir, outPath: join(dir, 'dataset.sqlite'), today: FIXED_TODAY };
	const built = buildDataset(target);
	if (!built.ok) throw new Error(built.errors.join('\n'));
	state = getState();
	alice = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'));
	bob = await addMaintainer(state, 'bob', 'another long passphrase', new Date('2026-05-01T10:00:00Z'));
	actions = (await import('../../src/routes/corrections/new-exchange/+page.server'))
		.actions as unknown as typeof actions;
}, 30_000);

/** Dmytro Lubinets, not on record, as statement `prefix`'s new claimant with his names in the three languages. */
const lubinets = (prefix: string) => ({
	[`${prefix}.claimant`]: 'Dmytro Lubinets',
	[`${prefix}.claimant.new`]: 'yes',
	[`${prefix}.claimant.name_uk`]: 'Дмитро Лубінець',
	[`${prefix}.claimant.name_ru`]: 'Дмитрий Лубинец'
});

/** Two parties' figures for one round, each read on its own page. */
const exchangeForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
	'round.date': '2026-05-20',
	'round.kind': 'pow_exchange',
	'round.mediators': 'UAE',
	'round.kyiv_exchange_number': '70',
	'round.summary': 'Prisoner exchange of 205 for 205.',
	'round.summary_uk': 'Обмін полоненими 205 на 205.',
	'round.summary_ru': 'Обмен пленными 205 на 205.',
	's1.claimant': 'Volodymyr Zelensky',
	's1.claimant_side': 'ukraine',
	's1.stated_on': '2026-05-20',
	's1.counted': 'people_to_ukraine',
	's1.counted_detail': 'defenders returned home',
	's1.counted_detail_uk': 'захисники, що повернулися додому',
	's1.counted_detail_ru': 'защитники, вернувшиеся домой',
	's1.number': '205',
	's1.qualifier': 'exact',
	's1.source.url': 'https://example.org/kyiv-205',
	's1.source.outlet': 'Example Kyiv Daily',
	's1.source.published_on': '2026-05-20',
	's1.source.kind': 'official_statement',
	's1.source.language': 'uk',
	's1.source.reliability': 'claimant_channel',
	's2.claimant': 'Russian Ministry of Defence',
	's2.claimant_side': 'russia',
	's2.stated_on': '2026-05-20',
	's2.counted': 'people_each_way',
	's2.counted_detail': 'prisoners handed over by each side',
	's2.counted_detail_uk': 'полонені, передані кожною стороною',
	's2.counted_detail_ru': 'пленные, переданные каждой стороной',
	's2.number': '205',
	's2.qualifier': 'exact',
	's2.source.url': 'https://example.org/moscow-205',
	's2.source.outlet': 'Example Moscow Wire',
	's2.source.published_on': '2026-05-20',
	's2.source.kind': 'news_report',
	's2.source.language': 'ru',
	's2.source.reliability': 'major_outlet',
	reason: 'Both ministries announced it the same day.',
	evidence: 'https://example.org/kyiv-205 https://example.org/moscow-205',
	contact_email: '',
	website: '',
	...overrides
});

function cookies() {
	const jar = new Map<string, string>();
	return {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	} as unknown as Cookies;
}

async function post(action: 'add' | 'send', fields: Record<string, string>) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	const request = new Request(`http://localhost/corrections/new-exchange?/${action}`, { method: 'POST', body });
	try {
		return {
			result: await actions[action]({
				request,
				url: new URL(request.url),
				cookies: cookies(),
				locals: { maintainer: null }
			})
		};
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location };
		throw thrown;
	}
}

const correctionCount = () => (state.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n;
const context = (maintainer: Maintainer, reason: string) => ({
	maintainerId: maintainer.id,
	reason,
	now: new Date('2026-05-21T09:00:00Z'),
	singleMaintainer: false
});

describe('the exchange form', () => {
	it('adds a blank statement without storing anything, keeping every value', async () => {
		const before = correctionCount();
		const { result } = await post('add', exchangeForm());
		const values = (result as { values: { statementCount: number; cells: Record<string, string>; reason: string } })
			.values;
		expect(values.statementCount).toBe(3);
		expect(values.cells['s2.source.url']).toBe('https://example.org/moscow-205');
		expect(values.cells['s3.claimant']).toBe('');
		expect(values.reason).toBe('Both ministries announced it the same day.');
		expect(correctionCount()).toBe(before);
	});

	it('refuses an invalid package with every problem at once, and stores nothing', async () => {
		const before = correctionCount();
		const { result } = await post(
			'send',
			exchangeForm({ 'round.date': '2026-13-01', 's2.number': 'many', 's1.source.url': 'nope', evidence: '' })
		);
		const failure = result as { status: number; data: { errors: Record<string, string> } };
		expect(failure.status).toBe(400);
		expect(Object.keys(failure.data.errors).sort()).toEqual(['evidence', 'round.date', 's1.source.url', 's2.number']);
		expect(correctionCount()).toBe(before);
	});

	it('refuses an agreement that does not exist', async () => {
		const { result } = await post('send', exchangeForm({ 'round.parent_id': '1999-01-01-agreement' }));
		expect((result as { data: { errors: Record<string, string> } }).data.errors['round.parent_id']).toMatch(
			'No agreement'
		);
	});

	it('warns once about a round of the same kind within two days, then takes the package', async () => {
		const near = exchangeForm({
			'round.date': '2025-05-25',
			's1.stated_on': '2025-05-25',
			's2.stated_on': '2025-05-25'
		});
		const before = correctionCount();
		const { result } = await post('send', near);
		const warned = result as { duplicates: { id: string }[] };
		expect(warned.duplicates.map((duplicate) => duplicate.id)).toEqual(['2025-05-23-exchange', '2025-05-24-exchange']);
		expect(correctionCount()).toBe(before);
		const { redirect } = await post('send', { ...near, seen_duplicates: '2025-05-23-exchange 2025-05-24-exchange' });
		expect(redirect).toMatch(/^\/corrections\/\d+\?submitted=1$/);
		expect(correctionCount()).toBe(before + 1);
	});
});

describe("a statement's claimant", () => {
	const errorsOf = async (fields: Record<string, string>) =>
		((await post('send', exchangeForm(fields))).result as { data?: { errors: Record<string, string> } }).data?.errors ??
		{};

	it.each([
		['a name in Russian', 'Владимир Мединский', 'k-medinsky', 'russia'],
		['a name in Ukrainian, in other case', 'володимир зеленський', 'k-zelensky', 'ukraine'],
		['a name the claims record', 'Coordination Headquarters for the Treatment of POWs', 'k-coordination-hq', 'ukraine'],
		['the id', 'k-uae-mfa', 'k-uae-mfa', 'mediator']
	])('resolves %s to a claimant on record, whose side is taken when none is chosen', async (_, name, id, side) => {
		const { redirect } = await post('send', exchangeForm({ 's1.claimant': name, 's1.claimant_side': '' }));
		const stored = getCorrection(state, Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]));
		expect(stored?.proposal).toMatchObject({ 's1.claimant': name, 's1.claimant_id': id, 's1.claimant_side': side });
	});

	it("records the round's mediators by the record's names when typed in Ukrainian or Russian", async () => {
		const { redirect } = await post('send', exchangeForm({ 'round.mediators': 'оае; Турция' }));
		const stored = getCorrection(state, Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]));
		expect(stored?.proposal).toMatchObject({ 'round.mediators': 'UAE;Turkey' });
	});

	it('refuses a mediator not on record, naming it and the ones on record, and stores nothing', async () => {
		const before = correctionCount();
		expect(await errorsOf({ 'round.mediators': 'оае; Qatar' })).toEqual({
			'round.mediators':
				'Not a mediator on record: “Qatar”. A round can credit only the mediators on record, whose names are kept in English, Ukrainian and Russian: “Turkey” and “UAE”. To credit another, leave it out here and name it in your reason, with a link to the page that credits it: a maintainer records its names first, then adds it to the round.'
		});
		expect(correctionCount()).toBe(before);
	});

	it("refuses a side other than the claimant's on record, and a posted id that the name does not give", async () => {
		expect(await errorsOf({ 's1.claimant_side': 'russia' })).toEqual({
			's1.claimant_side': 'Volodymyr Zelensky (k-zelensky) speaks for the side "Ukraine" on record, not "Russia".'
		});
		const { redirect } = await post('send', exchangeForm({ 's1.claimant_id': 'k-medinsky' }));
		const stored = getCorrection(state, Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]));
		expect(stored?.proposal['s1.claimant_id']).toBe('k-zelensky');
	});

	it('refuses a name that is no claimant on record unless the statement says the claimant is new', async () => {
		const before = correctionCount();
		expect(await errorsOf({ 's1.claimant': 'Dmytro Lubinets' })).toEqual({
			's1.claimant':
				'Not a claimant on record: Dmytro Lubinets. Pick one from the list, or say that the claimant is new.'
		});
		expect(
			await errorsOf({
				's1.claimant': 'Rustem Umerov',
				's1.claimant.new': 'yes',
				's1.claimant.name_uk': 'Рустем Умєров',
				's1.claimant.name_ru': 'Рустем Умеров'
			})
		).toEqual({
			's1.claimant': 'Rustem Umerov is already on record (k-umerov): pick them rather than a new claimant.'
		});
		expect(
			await errorsOf({
				...lubinets('s1'),
				...lubinets('s2')
			})
		).toEqual({
			's2.claimant_side': 'Another statement gives Dmytro Lubinets the side "Ukraine": a claimant has one side.'
		});
		expect(correctionCount()).toBe(before);
	});
});

describe('approving a package', () => {
	let id: number;
	beforeAll(async () => {
		const { redirect } = await post('send', exchangeForm());
		id = Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]);
	});

	it('publishes nothing when it fails mid-way, and leaves the suggestion pending', async () => {
		// The second record's revision fails: the decision's transaction must take the first one back with it.
		state.exec(`CREATE TRIGGER fail_mid_way BEFORE INSERT ON revisions WHEN NEW.entity = 'claim'
			BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
		const revisionsBefore = revisionGroupCount(state);
		const versionBefore = datasetInfo(getDataset()).contentHash;
		try {
			await expect(approveCorrection(state, target, id, context(bob, 'Checked both pages.'))).rejects.toThrow(
				'injected failure'
			);
		} finally {
			state.exec('DROP TRIGGER fail_mid_way');
		}
		expect(getCorrection(state, id)?.status).toBe('pending');
		expect(assignedIdsOf(state, id)).toBeNull();
		expect(revisionGroupCount(state)).toBe(revisionsBefore);
		expect(datasetInfo(getDataset()).contentHash).toBe(versionBefore);
		expect(getRound(getDataset(), '2026-05-20-exchange')).toBeNull();
	}, 30_000);

	it('publishes the round, its claims and sources together, as one revision group with one reason', async () => {
		const result = await approveCorrection(state, target, id, context(bob, 'Checked both pages.'));
		expect(result.ok).toBe(true);
		const ids = assignedIdsOf(state, id);
		expect(ids).toEqual({
			round: '2026-05-20-exchange',
			claims: ['c0013', 'c0014'],
			sources: ['s0001', 's0002'],
			addedSources: ['s0001', 's0002'],
			claimants: ['k-zelensky', 'k-russian-mod'],
			addedClaimants: []
		});
		const dataset = getDataset();
		const round = getRound(dataset, '2026-05-20-exchange');
		expect(round?.kyivExchangeNumber).toBe(70);
		expect(round?.figures.people.to_ukraine.confirmation.status).toBe('corroborated');
		const claims = claimsOfRound(dataset, '2026-05-20-exchange').map((claim) => [claim.id, claim.number]);
		expect(claims.sort()).toEqual([
			['c0013', 205],
			['c0014', 205]
		]);
		expect(getSource(dataset, 's0002')?.outlet).toBe('Example Moscow Wire');

		const [group] = listRevisionGroups(state, 1);
		expect(group?.correctionId).toBe(id);
		expect(group?.reason).toBe('Checked both pages.');
		expect(group?.parts.map((part) => `${part.entity} ${part.recordId}`)).toEqual([
			'source s0001',
			'source s0002',
			'round 2026-05-20-exchange',
			'claim c0013',
			'claim c0014'
		]);
		// The suggestion's public page compares each cell with the record it became.
		const page = (await import('../../src/routes/corrections/[id]/+page.server')).load as unknown as (
			event: unknown
		) => { rows: { field: string; proposed: string; now: string | null }[]; statementCount: number };
		const shown = page({ params: { id: String(id) }, url: new URL(`http://localhost/corrections/${id}`) });
		expect(shown.statementCount).toBe(2);
		expect(shown.rows.find((row) => row.field === 's2.number')).toMatchObject({ proposed: '205', now: '205' });
		expect(shown.rows.find((row) => row.field === 's2.source.outlet')?.now).toBe('Example Moscow Wire');
		expect(shown.rows.find((row) => row.field === 'round.kyiv_exchange_number')?.now).toBe('70');

		const xml = revisionsFeed(group ? [group] : [], {
			origin: 'https://example.org',
			title: 'Changes',
			fallbackUpdated: '2026-01-01T00:00:00Z'
		});
		expect(xml.match(/<entry>/g)).toHaveLength(1);
		expect(xml).toContain('round 2026-05-20-exchange, claim c0013, claim c0014');
	}, 30_000);

	it('is reverted as a whole, under the two-person rule, and its ids are never given again', async () => {
		const requested = await revertCorrection(state, target, id, context(alice, 'The pages were withdrawn.'));
		expect(requested).toMatchObject({ ok: true, requested: true });
		expect(getRound(getDataset(), '2026-05-20-exchange')).not.toBeNull();
		const reverted = await revertCorrection(state, target, id, context(bob, 'Agreed.'));
		expect(reverted.ok).toBe(true);
		const dataset = getDataset();
		expect(getRound(dataset, '2026-05-20-exchange')).toBeNull();
		for (const [entity, recordId] of [
			['round', '2026-05-20-exchange'],
			['claim', 'c0013'],
			['source', 's0002']
		] as const) {
			expect(removedRecord(dataset, entity, recordId)?.reason).toContain('The pages were withdrawn.');
		}
		const [group] = listRevisionGroups(state, 1);
		expect(group?.action).toBe('revert');
		expect(group?.parts).toHaveLength(5);

		// The same package suggested again gets new ids: the removed ones stay reserved.
		const { redirect } = await post('send', exchangeForm());
		const again = Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]);
		expect((await approveCorrection(state, target, again, context(bob, 'Re-published.'))).ok).toBe(true);
		expect(assignedIdsOf(state, again)).toMatchObject({
			round: '2026-05-20-exchange-2',
			claims: ['c0015', 'c0016'],
			sources: ['s0003', 's0004']
		});
	}, 60_000);
});

describe('a package crediting a mediator not on record (stored before the form refused one)', () => {
	it('is refused at approval with the way on, stays pending, and publishes nothing', async () => {
		const { redirect } = await post(
			'send',
			exchangeForm({ 'round.date': '2026-05-27', 's1.stated_on': '2026-05-27', 's2.stated_on': '2026-05-27' })
		);
		const id = Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]);
		// As the form stored it before: the name as typed.
		state
			.prepare('UPDATE corrections SET proposal = json_set(proposal, ?, ?) WHERE id = ?')
			.run('$."round.mediators"', 'UAE;Qatar', id);
		const versionBefore = datasetInfo(getDataset()).contentHash;
		const result = await approveCorrection(state, target, id, context(bob, 'Checked both pages.'));
		expect(result).toEqual({
			ok: false,
			message:
				"This suggestion credits a mediator not on record: “Qatar”. Approving it would fail the build. Add the mediator's row to data/mediators.csv (its names in Ukrainian and Russian, the page each was read on, and why) and deploy, then approve; or reject the suggestion with your reason."
		});
		expect(getCorrection(state, id)?.status).toBe('pending');
		expect(datasetInfo(getDataset()).contentHash).toBe(versionBefore);
	});
});

describe('a package with a new claimant', () => {
	const newClaimant = exchangeForm({
		'round.date': '2026-04-10',
		'round.kyiv_exchange_number': '',
		...lubinets('s1'),
		's1.claimant.role': 'Ukrainian Parliament Commissioner for Human Rights',
		's1.claimant.role_uk': 'Уповноважений Верховної Ради України з прав людини',
		's1.claimant.role_ru': 'Уполномоченный Верховной Рады Украины по правам человека',
		's1.stated_on': '2026-04-10',
		's1.source.url': 'https://example.org/ombudsman-205',
		's1.source.published_on': '2026-04-10',
		's2.stated_on': '2026-04-10',
		's2.source.url': 'https://example.org/moscow-205-april',
		's2.source.published_on': '2026-04-10'
	});
	const claimantPage = async (id: string) => {
		const load = (await import('../../src/routes/claimants/[id]/+page.server')).load as unknown as (event: unknown) => {
			claimant: {
				nameEn: string;
				nameUk: string;
				nameRu: string;
				side: string;
				role: string | null;
				roleUk: string | null;
				statementCount: number;
			};
		};
		try {
			return { page: load({ params: { id }, url: new URL(`http://localhost/claimants/${id}`) }) };
		} catch (thrown) {
			return { status: (thrown as { status: number }).status };
		}
	};

	it('publishes the claimant with the round, claims and sources in one revision group, and reverts them with it', async () => {
		const { redirect } = await post('send', newClaimant);
		const id = Number(/\/corrections\/(\d+)/.exec(redirect ?? '')?.[1]);
		expect(getCorrection(state, id)?.proposal).toMatchObject({ 's1.claimant.new': 'yes', 's1.claimant_id': '' });
		expect((await claimantPage('k-dmytro-lubinets')).status).toBe(404);

		const approved = await approveCorrection(state, target, id, context(bob, 'The ombudsman announced it.'));
		expect(approved.ok).toBe(true);
		expect(assignedIdsOf(state, id)).toMatchObject({
			claimants: ['k-dmytro-lubinets', 'k-russian-mod'],
			addedClaimants: ['k-dmytro-lubinets']
		});
		const { page } = await claimantPage('k-dmytro-lubinets');
		expect(page?.claimant).toMatchObject({
			nameEn: 'Dmytro Lubinets',
			side: 'ukraine',
			nameUk: 'Дмитро Лубінець',
			nameRu: 'Дмитрий Лубинец',
			role: 'Ukrainian Parliament Commissioner for Human Rights',
			roleUk: 'Уповноважений Верховної Ради України з прав людини',
			statementCount: 1
		});
		const [group] = listRevisionGroups(state, 1);
		expect(group?.parts.map((part) => `${part.entity} ${part.recordId}`)[0]).toBe('claimant k-dmytro-lubinets');
		expect(group?.parts).toHaveLength(6);

		// The name now resolves: the next statement by the same person picks the claimant on record.
		const again = await post('send', { ...newClaimant, 's1.claimant.new': '', seen_duplicates: '2026-04-10-exchange' });
		expect(again.redirect).toBeDefined();

		await revertCorrection(state, target, id, context(bob, 'Withdrawn by the office.'));
		expect(await claimantPage('k-dmytro-lubinets')).toEqual({ status: 410 });
		expect(removedRecord(getDataset(), 'claimant', 'k-dmytro-lubinets')?.reason).toContain('Withdrawn by the office.');

		// Suggested again as new, the claimant gets a new id: the removed one stays reserved.
		const { redirect: third } = await post('send', { ...newClaimant, seen_duplicates: '2026-04-10-exchange' });
		const thirdId = Number(/\/corrections\/(\d+)/.exec(third ?? '')?.[1]);
		expect((await approveCorrection(state, target, thirdId, context(bob, 'Re-published.'))).ok).toBe(true);
		expect(assignedIdsOf(state, thirdId)?.addedClaimants).toEqual(['k-dmytro-lubinets-2']);
	}, 90_000);
});

describe('the state database of an older version', () => {
	it('keeps every revision, its fields and its group when revisions learn to record a claimant', () => {
		const path = join(temporaryDir(), 'state.sqlite');
		const old = new Database(path);
		old.pragma('foreign_keys = ON');
		for (const sql of migrations.slice(0, 4)) old.exec(sql);
		old.pragma('user_version = 4');
		old.exec(`INSERT INTO maintainers (id, username, password_hash, created_at, display_name)
				VALUES (1, 'olga', 'scrypt$x', 'x', 'Olga');
			INSERT INTO corrections (id, kind, entity, proposal, snapshot, reason, evidence_urls, submitted_at, status,
				reviewed_by, decision_reason) VALUES (1, 'addition', 'round', '{}', '{}', 'r', '["https://example.org"]', 'x',
				'accepted', 1, 'ok');
			INSERT INTO revisions (id, created_at, maintainer_id, correction_id, action, entity, record_id, reason)
				VALUES (1, 'x', 1, 1, 'apply', 'round', 'r1', 'ok');
			INSERT INTO revisions (id, created_at, maintainer_id, correction_id, action, entity, record_id, reason, group_id)
				VALUES (2, 'x', 1, 1, 'apply', 'claim', 'c1', 'ok', 1);
			INSERT INTO revision_fields (revision_id, field, old_value, new_value) VALUES (2, 'number', '', '5');`);
		expect(() =>
			old.exec(`INSERT INTO revisions (created_at, maintainer_id, correction_id, action, entity, record_id, reason)
				VALUES ('x', 1, 1, 'apply', 'claimant', 'k-x', 'ok')`)
		).toThrow(/CHECK/);
		old.close();

		const migrated = openState(path);
		expect(migrated.prepare('SELECT id, entity, group_id FROM revisions ORDER BY id').all()).toEqual([
			{ id: 1, entity: 'round', group_id: null },
			{ id: 2, entity: 'claim', group_id: 1 }
		]);
		expect(migrated.prepare('SELECT revision_id, new_value FROM revision_fields').all()).toEqual([
			{ revision_id: 2, new_value: '5' }
		]);
		migrated
			.prepare(
				`INSERT INTO revisions (created_at, maintainer_id, correction_id, action, entity, record_id, reason, group_id)
				 VALUES ('x', 1, 1, 'apply', 'claimant', 'k-x', 'ok', 1)`
			)
			.run();
		expect(migrated.pragma('foreign_key_check')).toEqual([]);
		expect(
			migrated.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'revisions' AND type = 'index'").all()
		).toHaveLength(3);
		migrated.close();
	});
});
