// Claimants on datasets built by the real build: the list, every claimant's page and JSON, the track record, the filters.
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/lib/server/db/dataset';
import { claimantTrackRecord, getClaimant, listClaimants } from '../../src/lib/server/db/queries/claimants';
import { allClaims } from '../../src/lib/server/db/queries/claims';
import { claimRows } from '../../src/lib/server/db/queries/exports';
import { claimantJsonResponse } from '../../src/lib/server/api/record-json';
import { buildInto, fixtureDir, realDataDir } from '../helpers/dataset';

const fixturePath = buildInto(fixtureDir('valid-data'));
const db = openDataset(fixturePath);
const real = openDataset(buildInto(realDataDir));

type Load = (event: { params: Record<string, string>; url: URL }) => unknown;
async function claimantPage(path: string, id: string) {
	process.env.DATASET_DB_PATH = path;
	const { load } = await import('../../src/routes/claimants/[id]/+page.server');
	return (load as unknown as Load)({ params: { id }, url: new URL(`http://x/claimants/${id}`) }) as {
		claimant: { id: string };
		summary: { outcomes: Record<string, number>; rounds: number };
		trackRecord: { rows: unknown[] };
		statements: { claims: { id: string }[] };
	};
}

describe('the claimants list', () => {
	it('lists every claimant once, most statements first, with their counts and dates', () => {
		expect(
			listClaimants(db).map(({ id, statementCount, firstStatedOn, lastStatedOn }) => [
				id,
				statementCount,
				firstStatedOn,
				lastStatedOn
			])
		).toEqual([
			['k-zelensky', 3, '2024-12-30', '2025-05-24'],
			['k-coordination-hq', 2, '2025-05-25', '2025-06-11'],
			['k-russian-mod', 2, '2024-12-30', '2025-05-23'],
			['k-uae-mfa', 2, '2024-12-30', '2025-05-24'],
			['k-ccd', 1, '2025-08-06', '2025-08-06'],
			['k-umerov', 1, '2025-05-16', '2025-05-16'],
			['k-medinsky', 1, '2025-08-06', '2025-08-06']
		]);
		expect(getClaimant(db, 'k-medinsky')).toMatchObject({ nameRu: 'Владимир Мединский', side: 'russia' });
		expect(getClaimant(db, 'k-uae-mfa')).toMatchObject({
			nameUk: 'Міністерство закордонних справ ОАЕ',
			nameRu: 'Министерство иностранных дел ОАЭ',
			role: null,
			roleUk: null,
			roleRu: null
		});
		expect(getClaimant(db, 'k-medinsky')).toMatchObject({
			role: 'Aide to the President of Russia',
			roleUk: 'Помічник Президента Росії',
			roleRu: 'Помощник президента России',
			organisationUk: 'Адміністрація Президента Росії',
			organisationRu: 'Администрация президента России'
		});
	});
});

describe('the track record, computed from the data', () => {
	it.each([
		{
			id: 'k-zelensky',
			rows: [
				['c7', 'to_ukraine', 'same', ['c8']],
				['c5', 'to_ukraine', 'same', ['c6']],
				['c1', 'to_ukraine', 'different', ['c2', 'c3']]
			]
		},
		{
			id: 'k-russian-mod',
			rows: [
				['c6', 'to_ukraine', 'same', ['c5']],
				['c6', 'to_russia', 'none', []],
				// Kyiv's 189 differs, the UAE's 150 each way is the same.
				['c2', 'to_ukraine', 'same', ['c3', 'c1']],
				['c2', 'to_russia', 'same', ['c3']]
			]
		},
		{ id: 'k-coordination-hq', rows: [['c9', 'to_ukraine', 'none', []]] },
		{ id: 'k-medinsky', rows: [] }
	])('$id', ({ id, rows }) => {
		expect(
			claimantTrackRecord(db, id).map((row) => [
				row.claimId,
				row.direction,
				row.outcome,
				row.compared.map((other) => other.claimId)
			])
		).toEqual(rows);
	});
});

describe('claimant pages', () => {
	it('has a page and a JSON twin for every claimant of the real dataset, with a track record computed from it', async () => {
		const claimants = listClaimants(real);
		expect(claimants.length).toBeGreaterThan(100);
		const path = real.name;
		for (const claimant of claimants) {
			const page = await claimantPage(path, claimant.id);
			expect(page.claimant.id).toBe(claimant.id);
			expect(page.statements.claims.length).toBe(Math.min(25, claimant.statementCount));
			const figures = Object.values(page.summary.outcomes).reduce((a, b) => a + b, 0);
			expect(figures).toBe(claimantTrackRecord(real, claimant.id).length);
			const response = claimantJsonResponse(real, claimant.id, 'https://example.org');
			expect(response.status).toBe(200);
		}
		const zelensky = await claimantPage(path, 'k-zelensky');
		expect(zelensky.summary.rounds).toBeGreaterThan(10);
		expect(zelensky.summary.outcomes.same).toBeGreaterThan(0);
	}, 60_000);

	it('answers 404 for an unknown claimant and a 400 for a malformed id in JSON', async () => {
		await expect(claimantPage(fixturePath, 'k-nobody')).rejects.toMatchObject({ status: 404 });
		expect(claimantJsonResponse(db, 'k-nobody', 'https://example.org').status).toBe(404);
		expect(claimantJsonResponse(db, 'K NOBODY', 'https://example.org').status).toBe(400);
	});

	it('gives the claimant, their whole track record and every statement in the JSON', async () => {
		const body = await claimantJsonResponse(db, 'k-zelensky', 'https://example.org').json();
		expect(body.claimant).toMatchObject({ id: 'k-zelensky', url: 'https://example.org/claimants/k-zelensky' });
		expect(body.track_record.map((row: { outcome: string }) => row.outcome)).toEqual(['same', 'same', 'different']);
		expect(body.claims.map((claim: { id: string }) => claim.id)).toEqual(['c7', 'c5', 'c1']);
	});
});

describe('claimants in the claims', () => {
	it('gives every claim a claimant of claimants.csv', () => {
		const known = new Set(listClaimants(real).map((claimant) => claimant.id));
		for (const claim of allClaims(real)) expect(known, claim.id).toContain(claim.claimantId);
	});

	it('joins the spellings of one person into one claimant', () => {
		const spellings = new Set(
			allClaims(real)
				.filter((claim) => claim.claimantId === 'k-saraliev')
				.map((claim) => claim.claimant)
		);
		expect(spellings).toEqual(new Set(['Shamsail Saraliev', 'Shamsail Saraliyev']));
	});

	it('filters the statements by claimant and sorts them by date, with the claimant and verdict in every row', () => {
		const medinsky = claimRows(real, { claimant: 'k-medinsky' }, 'https://example.org');
		expect(medinsky.length).toBeGreaterThan(5);
		expect(new Set(medinsky.map((row) => row.claimant_id))).toEqual(new Set(['k-medinsky']));
		expect(medinsky[0]).toMatchObject({ claimant_name: 'Vladimir Medinsky' });
		expect(medinsky.every((row) => row.verdict && row.verdict_text)).toBe(true);
		const dates = (sort?: 'date_asc' | 'date_desc') =>
			claimRows(real, { claimant: 'k-medinsky', sort }, 'https://example.org').map((row) => row.stated_on);
		expect(dates('date_asc')).toEqual([...dates()].sort());
		expect(dates('date_desc')).toEqual([...dates()].sort().reverse());
	});
});
