// The research import: every research row is accounted for, merges only join identical statements, and no disagreement is lost.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/server/db/csv';
import {
	canonicalClaimant,
	countedForRow,
	importResearch,
	keepTranslations,
	parseResearchCsv,
	previousImport,
	researchFiles,
	sourceKindForUrl,
	type ResearchRow
} from '../../src/lib/server/import/research';
import { domainReliability, readDecisions } from '../../src/lib/server/import/decisions';

const records = (file: string) =>
	parseCsv(readFileSync(resolve('data', file), 'utf8')).rows.map(({ record }) => record);

describe('the committed import log', () => {
	const log = records('import-log.csv');
	const claims = new Map(records('claims.csv').map((claim) => [claim.id, claim]));
	const sources = new Set(records('sources.csv').map((source) => source.id));

	it('points every imported research row at an existing claim and source, and gives a reason for each one left out', () => {
		expect(log.length).toBeGreaterThan(0);
		const imported = log.filter((entry) => entry.action !== 'excluded');
		const dangling = imported.filter(
			(entry) => !claims.has(entry.claim_id ?? '') || !sources.has(entry.source_id ?? '')
		);
		expect(dangling).toEqual([]);
		for (const entry of log.filter((entry) => entry.action === 'excluded')) {
			expect([entry.claim_id, entry.source_id, (entry.reason ?? '').length > 20]).toEqual(['', '', true]);
		}
		expect(new Set(log.map((entry) => entry.research_id)).size).toBe(log.length);
	});

	it("lists the claim's sources for every merged row", () => {
		for (const entry of log.filter((entry) => entry.action !== 'excluded')) {
			const claim = claims.get(entry.claim_id ?? '');
			expect(claim?.source_ids?.split(';')).toContain(entry.source_id);
		}
	});
});

describe('importing the research file', () => {
	const rows = researchFiles.flatMap((file) => parseResearchCsv(readFileSync(resolve(file), 'utf8')));
	const decisions = readDecisions(resolve('data/decisions'));
	const result = importResearch(rows, previousImport(records('import-log.csv'), records('sources.csv')), decisions);
	const mergedByDecision = new Map(decisions.merges.map((merge) => [merge.research_id, merge]));
	const recodedSide = new Map(
		decisions.recodes
			.filter((entry) => entry.field === 'claimant_side')
			.map((entry) => [entry.research_id, entry.value])
	);
	const claimById = new Map(result.claims.map((claim) => [claim.id, claim]));
	const logById = new Map(result.log.map((entry) => [entry.research_id, entry]));
	const importedRows = rows.filter((row) => logById.get(row.id)?.action !== 'excluded');

	it('accounts for every research row exactly once', () => {
		expect(result.log.map((entry) => entry.research_id).sort()).toEqual(rows.map((row) => row.id).sort());
	});

	it("keeps each row's number, qualifier and side in the claim it went to", () => {
		const sideOf: Record<string, string> = {
			international_org: 'international',
			independent_media: 'independent',
			academic: 'independent'
		};
		// A row merged by decision keeps its number; its qualifier may be worded differently from the statement's.
		const mismatches = importedRows.filter((row) => {
			const claim = claimById.get(logById.get(row.id)?.claim_id ?? '');
			return (
				claim?.number !== row.number.trim() ||
				(row.number.trim() !== '' && !mergedByDecision.has(row.id) && claim.qualifier !== (row.qualifier || 'exact')) ||
				claim.claimant_side !== (recodedSide.get(row.id) ?? sideOf[row.reporter_side] ?? row.reporter_side)
			);
		});
		expect(mismatches.map((row) => row.id)).toEqual([]);
	});

	it('keeps every disagreement: each distinct figure of an event stays a claim of its own', () => {
		const groups = new Map<string, ResearchRow[]>();
		for (const row of importedRows) {
			const key = `${row.round_key}|${row.direction}`;
			groups.set(key, [...(groups.get(key) ?? []), row]);
		}
		for (const [key, group] of groups) {
			const researchNumbers = new Set(group.map((row) => row.number.trim()));
			const claimNumbers = new Set(group.map((row) => claimById.get(logById.get(row.id)?.claim_id ?? '')?.number));
			expect(claimNumbers, key).toEqual(researchNumbers);
		}
	});

	it('merges only rows that state the same figure, and says why', () => {
		const merged = result.log.filter((entry) => entry.action === 'merged');
		expect(merged.length).toBe(importedRows.length - result.claims.length);
		for (const entry of merged) {
			const firstId = /^same statement as ([a-z0-9]+-\d{3}) /.exec(entry.reason ?? '')?.[1];
			expect(firstId, entry.research_id).toBeDefined();
			const first = rows.find((row) => row.id === firstId) as ResearchRow;
			const row = rows.find((candidate) => candidate.id === entry.research_id) as ResearchRow;
			const decision = mergedByDecision.get(row.id);
			if (decision) {
				// A merge by decision joins the same figure of the same party worded differently, and says why.
				expect([decision.into, row.number, row.reporter_side, entry.reason]).toEqual([
					first.id,
					first.number,
					first.reporter_side,
					`same statement as ${first.id} by editorial decision: ${decision.reason}`
				]);
				continue;
			}
			expect([row.number, row.reporter_side, canonicalClaimant(row.reporter)]).toEqual([
				first.number,
				first.reporter_side,
				canonicalClaimant(first.reporter)
			]);
		}
	});

	// Claims found miscoded or duplicated by the dataset audit (issue 15), and what each became.
	const removed = new Map(records('removed.csv').map((row) => [row.id, row]));
	it.each([
		{ id: 'c0348', field: 'counted', value: 'bodies_each_way' },
		{ id: 'c0349', field: 'counted', value: 'bodies_to_ukraine' },
		{ id: 'c0354', field: 'counted', value: 'bodies_to_ukraine' },
		{ id: 'c0390', field: 'counted', value: 'bodies_to_ukraine' },
		{ id: 'c0490', field: 'counted', value: 'bodies_to_ukraine' },
		{ id: 'c0492', field: 'counted', value: 'bodies_to_ukraine' },
		{ id: 'c0378', field: 'counted', value: 'people_each_way' },
		{ id: 'c0024', field: 'claimant', value: 'Ministry of Defence of Ukraine' },
		{ id: 'c0024', field: 'claimant_side', value: 'ukraine' },
		{ id: 'c0047', field: 'source_ids', value: 's0036;s0037' }
	])('recodes $id: $field = $value', ({ id, field, value }) => {
		expect(claimById.get(id)?.[field]).toBe(value);
	});

	it.each([
		{ removed: 'c0598', into: 'c0599', sources: ['s0443', 's0444'] },
		{ removed: 'c0381', into: 'c0382', sources: ['s0277', 's0285', 's0286'] },
		{ removed: 'c0036', into: 'c0612', sources: ['s0025', 's0450'] },
		{ removed: 'c0121', into: 'c0120', sources: ['s0090', 's0091'] },
		{ removed: 'c0125', into: 'c0126', sources: ['s0094', 's0095'] },
		{ removed: 'c0153', into: 'c0152', sources: ['s0112', 's0113'] },
		{ removed: 'c0214', into: 'c0213', sources: ['s0153', 's0154'] },
		{ removed: 'c0486', into: 'c0487', sources: ['s0307', 's0547'] },
		{ removed: 'c0488', into: 'c0489', sources: ['s0307', 's0547'] }
	])('merges $removed into $into with all its pages, and leaves a tombstone', ({ removed: id, into, sources }) => {
		expect(claimById.has(id)).toBe(false);
		expect(claimById.get(into)?.source_ids?.split(';').sort()).toEqual(sources);
		expect(removed.get(id)?.replaced_by).toBe(into);
	});

	it("splits c0199's 9 into the page's two figures, 6 and 3, as sub-counts", () => {
		expect(claimById.has('c0199')).toBe(false);
		const split = result.claims
			.filter((claim) => claim.round_id === '2023-05-25-exchange' && claim.claimant === 'Tatyana Moskalkova')
			.map((claim) => [claim.number, claim.counted, claim.source_ids]);
		expect(split.sort()).toEqual([
			['3', 'military_to_russia', 's0146'],
			['6', 'military_to_russia', 's0146']
		]);
		const replacement = claimById.get(removed.get('c0199')?.replaced_by ?? '');
		expect(replacement?.number).toBe('6');
	});

	it('classes every source by a listed host, and lists its sources claimant channel and major outlets first', () => {
		const unlisted = result.sources.filter(
			(source) => domainReliability(source.url ?? '', decisions.sourceDomains) === null
		);
		expect(unlisted.map((source) => source.url)).toEqual([]);
		const rank = ['claimant_channel', 'major_outlet', 'other_outlet', 'copy'];
		const reliabilityOf = new Map(result.sources.map((source) => [source.id, rank.indexOf(source.reliability ?? '')]));
		for (const claim of result.claims) {
			const ranks = (claim.source_ids ?? '').split(';').map((id) => reliabilityOf.get(id) ?? -1);
			expect(ranks, claim.id).toEqual([...ranks].sort((a, b) => a - b));
		}
	});

	it('cites the original where one was found for a copy, and tombstones the copy with its replacement', () => {
		const sourceByUrl = new Map(result.sources.map((source) => [source.url, source]));
		const committedSources = new Map(records('sources.csv').map((source) => [source.url, source.id]));
		const previousSources = new Map(
			parseCsv(readFileSync(resolve('data/removed.csv'), 'utf8'))
				.rows.map(({ record }) => record)
				.filter((row) => row.entity === 'source')
				.map((row) => [row.id, row.replaced_by])
		);
		expect(decisions.sourceReplacements.length).toBeGreaterThan(0);
		for (const replacement of decisions.sourceReplacements) {
			expect(sourceByUrl.has(replacement.url), replacement.url).toBe(false);
			const original = sourceByUrl.get(replacement.original_url);
			expect(original?.reliability).not.toBe('copy');
			expect([...previousSources.values()]).toContain(committedSources.get(replacement.original_url));
		}
		// Medinsky's 1,212 and 27 of 11 June 2025 rest on TASS first, not only on a small US site.
		for (const id of ['c0358', 'c0359']) expect(claimById.get(id)?.source_ids?.split(';')[0]).toBe('s0548');
	});

	it.each([
		{
			stated: '2024-09-14',
			claimant: 'Dmytro Lubinets',
			statement: 'running_total',
			counted: 'people_to_ukraine',
			number: '3672',
			qualifier: 'exact'
		},
		{
			stated: '2024-12-08',
			claimant: 'Volodymyr Zelensky',
			statement: 'running_total',
			counted: 'people_to_ukraine',
			number: '3935',
			qualifier: 'exact'
		},
		{
			stated: '2025-07-23',
			claimant: 'Vladimir Medinsky',
			statement: 'running_total',
			counted: 'bodies_to_ukraine',
			number: '7000',
			qualifier: 'more_than'
		},
		{
			stated: '2025-07-23',
			claimant: 'Vladimir Medinsky',
			statement: 'running_total',
			counted: 'other',
			number: '',
			qualifier: ''
		},
		{
			stated: '2025-07-23',
			claimant: 'Rustem Umerov',
			statement: 'offer',
			counted: 'other',
			number: '1200',
			qualifier: 'more_than'
		}
	])('holds the statement the coverage audit found missing: $claimant, $stated, $number', (expected) => {
		const found = result.claims.filter(
			(claim) =>
				claim.stated_on === expected.stated &&
				claim.claimant === expected.claimant &&
				claim.statement === expected.statement &&
				claim.counted === expected.counted &&
				claim.number === expected.number &&
				claim.qualifier === expected.qualifier
		);
		expect(found).toHaveLength(1);
	});

	it('matches the committed data/ files (the import has not been edited by hand since)', () => {
		// The translations of what each figure counts are curated: kept while the English is unchanged.
		expect(keepTranslations(result.claims, records('claims.csv'), 'counted_detail')).toEqual(records('claims.csv'));
		expect(result.log).toEqual(records('import-log.csv'));
		expect(result.sources).toEqual(records('sources.csv'));
	});

	it('keeps the ids an earlier import gave, and numbers new records after them', () => {
		const firstFileOnly = importResearch(parseResearchCsv(readFileSync(resolve(researchFiles[0] ?? ''), 'utf8')));
		const later = importResearch(rows, previousImport(firstFileOnly.log, firstFileOnly.sources));
		const laterClaimOf = new Map(later.log.map((entry) => [entry.research_id, entry.claim_id]));
		for (const entry of firstFileOnly.log)
			expect(laterClaimOf.get(entry.research_id), entry.research_id).toBe(entry.claim_id);
		const laterSourceOf = new Map(later.sources.map((source) => [source.url, source.id]));
		for (const source of firstFileOnly.sources) expect(laterSourceOf.get(source.url)).toBe(source.id);
		const highestFirst = Math.max(...firstFileOnly.claims.map((claim) => Number(claim.id?.slice(1))));
		const added = later.claims.filter((claim) => !firstFileOnly.claims.some((old) => old.id === claim.id));
		expect(added.length).toBeGreaterThan(0);
		for (const claim of added) expect(Number(claim.id?.slice(1))).toBeGreaterThan(highestFirst);
	});
});

describe('import helpers', () => {
	it.each([
		{ reporter: 'Iryna Vereshchuk (via Reuters)', expected: 'Iryna Vereshchuk' },
		{ reporter: 'Iryna Vereshchuk, Deputy Prime Minister of Ukraine', expected: 'Iryna Vereshchuk' },
		{ reporter: 'Tatyana Moskalkova (via TASS, dni.news)', expected: 'Tatyana Moskalkova' },
		{
			reporter: 'Ministry for Reintegration of the Temporarily Occupied Territories',
			expected: 'Ministry for Reintegration of the Temporarily Occupied Territories of Ukraine'
		},
		{
			reporter: 'Coordination Headquarters for the Treatment of Prisoners of War',
			expected: 'Coordination Headquarters for the Treatment of POWs'
		}
	])('canonicalClaimant($reporter)', ({ reporter, expected }) => {
		expect(canonicalClaimant(reporter)).toBe(expected);
	});

	it.each([
		{ url: 'https://www.mofa.gov.ae/en/mediaHub/News/2024/9/14/x', expected: 'mediator_statement' },
		{ url: 'https://ukraine.un.org/en/report', expected: 'international_report' },
		{ url: 'https://www.president.gov.ua/news/x', expected: 'official_statement' },
		{ url: 'https://t.me/channel/1', expected: 'social_post' },
		{ url: 'https://kyivindependent.com/x', expected: 'news_report' }
	])('sourceKindForUrl($url)', ({ url, expected }) => {
		expect(sourceKindForUrl(url)).toBe(expected);
	});

	const base: ResearchRow = {
		id: 'r00-000',
		round_key: '2025-01-01-pow',
		event_date: '2025-01-01',
		event_kind: 'pow_exchange',
		counted: 'people returned',
		direction: 'to_ukraine',
		number: '10',
		qualifier: 'exact',
		reporter: 'Someone',
		reporter_side: 'ukraine',
		mediator: 'none',
		source_url: 'https://example.org',
		source_outlet: 'Example',
		source_published: '',
		source_language: 'en',
		note: ''
	};
	it.each([
		{ name: 'people to Ukraine', row: {}, roundKind: 'pow_exchange', expected: 'people_to_ukraine' },
		{
			name: 'people to Russia',
			row: { direction: 'to_russia' },
			roundKind: 'pow_exchange',
			expected: 'people_to_russia'
		},
		{
			name: 'per-side figure',
			row: { direction: 'both', counted: '[per side] servicemen' },
			roundKind: 'pow_exchange',
			expected: 'people_each_way'
		},
		{
			name: 'both sides combined',
			row: { direction: 'both', counted: '[both sides combined] captives' },
			roundKind: 'pow_exchange',
			expected: 'people_both_ways'
		},
		{
			name: 'scope unclear',
			row: { direction: 'both', counted: '[scope unclear: per side or combined] people' },
			roundKind: null,
			expected: 'other'
		},
		{
			name: 'civilians inside an exchange',
			row: { event_kind: 'civilian_release' },
			roundKind: 'pow_exchange',
			expected: 'civilians_to_ukraine'
		},
		{
			name: 'civilians in a civilian release',
			row: { event_kind: 'civilian_release' },
			roundKind: 'civilian_release',
			expected: 'people_to_ukraine'
		},
		{
			name: 'bodies',
			row: { event_kind: 'bodies_repatriation', direction: 'to_russia' },
			roundKind: 'bodies_repatriation',
			expected: 'bodies_to_russia'
		},
		{
			name: '"plus the body of" in a people row',
			row: { counted: 'soldiers returned, plus body of a volunteer' },
			roundKind: 'pow_exchange',
			expected: 'people_to_ukraine'
		},
		{
			name: 'people held in captivity',
			row: { direction: 'n/a', counted: 'Ukrainians held in Russian captivity' },
			roundKind: null,
			expected: 'held_by_russia'
		},
		{
			name: 'anything else without a direction',
			row: { direction: 'n/a', counted: 'POWs killed' },
			roundKind: null,
			expected: 'other'
		}
	] as const)('countedForRow: $name', ({ row, roundKind, expected }) => {
		expect(countedForRow({ ...base, ...row }, roundKind)).toBe(expected);
	});
});
