// Statements read from a fixture dataset and from the real one: verdicts, threads, sums, offers and the rounds page lookups.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordSumsUpTo, SUPPORT_WINDOW_DAYS, supportingClaims } from '../../src/lib/domain/claim-context';
import { totalsByDirection } from '../../src/lib/domain/round-figures';
import { buildDataset } from '../../src/lib/server/db/build';
import { openDataset } from '../../src/lib/server/db/dataset';
import {
	allClaims,
	claimsOfRound,
	claimsOfSource,
	getSource,
	listSources
} from '../../src/lib/server/db/queries/claims';
import { claimRows } from '../../src/lib/server/db/queries/exports';
import { recordJsonResponse } from '../../src/lib/server/api/record-json';
import { listRounds, neighboursOf, recordSumsOf, stagesOf } from '../../src/lib/server/db/queries/rounds';
import {
	listStatements,
	NEARBY_DAYS,
	statementContext,
	statementsNear
} from '../../src/lib/server/db/queries/statements';
import { FIXED_TODAY, buildInto, fixtureDir, realDataDir, temporaryDir } from '../helpers/dataset';

const db = openDataset(buildInto(fixtureDir('valid-data')));

describe('statements outside rounds', () => {
	it('lists running totals, offers, allegations and rebuttals, newest first, each with its verdict', () => {
		const list = listStatements(db).map(({ id, verdict, responseCount }) => ({
			id,
			verdict: verdict.verdict.kind,
			responseCount
		}));
		expect(list).toEqual([
			{ id: 'c12', verdict: 'rebuttal', responseCount: 0 },
			{ id: 'c11', verdict: 'answered_allegation', responseCount: 1 },
			{ id: 'c10', verdict: 'own_total', responseCount: 0 },
			{ id: 'c4', verdict: 'offer_followed', responseCount: 0 }
		]);
	});

	it('sets an allegation beside its answer, and a rebuttal beside what it answers', () => {
		const allegation = statementContext(db, 'c11');
		expect(allegation?.verdict.text).toBe(
			'Answered by Centre for Countering Disinformation (Ukraine); no statement by another side on record supports it.'
		);
		expect(allegation?.verdict.href).toBe('/claims/c12');
		expect(allegation?.thread.responses.map(({ claim, depth }) => [claim.id, depth])).toEqual([['c12', 1]]);
		expect(statementContext(db, 'c12')?.thread.answers.map((claim) => claim.id)).toEqual(['c11']);
	});

	it("sets an agreement's terms against its stages", () => {
		const offer = statementContext(db, 'c4');
		expect(offer?.delivery?.linked.map(({ round, reason }) => [round.id, reason])).toEqual([
			['2025-05-23-exchange', null],
			['2025-05-24-exchange', null]
		]);
		expect(offer?.delivery?.toUkraine.byParty.ukraine).toEqual({ sum: 390 + 307, rounds: 2 });
		expect(offer?.verdict.text).toBe(
			"2 rounds linked to it, up to 24 May 2025. Returned to Ukraine: 697 by Kyiv's figures; 390 by Moscow's figures (for 1 of the rounds). " +
				"Returned to Russia: no figure from Kyiv; 390 by Moscow's figures (for 1 of the rounds). Offered: 1,000 per side."
		);
	});

	it('gives the same verdict in the downloads, the JSON twin and the API as on the pages', async () => {
		const rows = claimRows(db, {}, 'https://example.org');
		for (const item of listStatements(db)) {
			const row = rows.find((candidate) => candidate.id === item.id);
			expect([row?.verdict, row?.verdict_text]).toEqual([item.verdict.verdict.kind, item.verdict.text]);
			const twin = await recordJsonResponse(db, 'claim', item.id, 'https://example.org').json();
			expect([twin.claim.verdict, twin.claim.verdict_text]).toEqual([item.verdict.verdict.kind, item.verdict.text]);
		}
		const round = await recordJsonResponse(db, 'round', '2025-05-23-exchange', 'https://example.org').json();
		expect(round.claims.map((claim: { verdict: string }) => claim.verdict)).toEqual(['round_report', 'round_report']);
	});

	it('sets a running total beside the sums of the rounds up to its date', () => {
		const total = statementContext(db, 'c10');
		expect(total?.sums).toMatchObject({ upTo: '2025-05-25', population: 'people', mediator: null, rounds: 3 });
		expect(total?.sums?.toUkraine.byParty.ukraine).toEqual({ sum: 189 + 390 + 307, rounds: 3 });
	});

	it('finds statements made within three days of a round', () => {
		expect(statementsNear(db, '2025-05-24').map((claim) => claim.id)).toEqual(['c10']);
		expect(statementContext(db, 'nope')).toBeNull();
	});
});

describe('claims and sources', () => {
	it('gives each claim its sources in order', () => {
		const claims = claimsOfRound(db, '2024-12-30-exchange');
		expect(claims.map((claim) => [claim.id, claim.sources.map((source) => source.id)])).toEqual([
			['c2', ['s-moscow']],
			['c3', ['s-uae']],
			['c1', ['s-kyiv']]
		]);
	});

	it('lists sources with the number of claims each supports', () => {
		expect(listSources(db).map((source) => [source.id, source.claimCount])).toEqual([
			['s-uae', 2],
			['s-kyiv', 7],
			['s-moscow', 3]
		]);
		expect(getSource(db, 's-moscow')?.archiveUrl).toBe('https://archive.example.org/moscow');
		expect(claimsOfSource(db, 's-uae').map((claim) => claim.id)).toEqual(['c3', 'c8']);
	});
});

describe('sources that are copies', () => {
	// The fixture with the Moscow wire's page marked as a copy whose original was not found.
	const dir = temporaryDir();
	cpSync(fixtureDir('valid-data'), dir, { recursive: true });
	const sourcesPath = join(dir, 'sources.csv');
	writeFileSync(
		sourcesPath,
		readFileSync(sourcesPath, 'utf8').replace(
			'https://archive.example.org/moscow,other_outlet,',
			'https://archive.example.org/moscow,copy,A re-post; no original was found.'
		)
	);
	const copies = openDataset(buildInto(dir));

	it('says which claims rest only on copies, and gives each source its reliability and note', () => {
		const onlyCopies = (id: string) =>
			claimsOfRound(copies, '2024-12-30-exchange').find((claim) => claim.id === id)?.onlyCopies;
		expect([onlyCopies('c2'), onlyCopies('c1'), onlyCopies('c3')]).toEqual([true, false, false]);
		expect(getSource(copies, 's-moscow')).toMatchObject({
			reliability: 'copy',
			note: 'A re-post; no original was found.'
		});
		expect(getSource(db, 's-uae')).toMatchObject({ reliability: 'claimant_channel', note: null });
	});
});

describe('agreements and neighbours', () => {
	it('lists the stages of an agreement, oldest first, and the events around a round', () => {
		expect(stagesOf(db, '2025-05-16-agreement').map((round) => round.id)).toEqual([
			'2025-05-23-exchange',
			'2025-05-24-exchange'
		]);
		const neighbours = neighboursOf(db, '2025-05-23-exchange');
		expect([neighbours.previous?.id, neighbours.next?.id]).toEqual(['2024-12-30-exchange', '2025-05-24-exchange']);
	});
});

/** The fixture with data/decisions/offer-rounds.csv holding `rows` (after its header). */
function withOfferRounds(rows: string[]): string {
	const dataDir = temporaryDir();
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	mkdirSync(join(dataDir, 'decisions'));
	writeFileSync(
		join(dataDir, 'decisions', 'offer-rounds.csv'),
		['offer_id,round_id,reason', ...rows].join('\n') + '\n'
	);
	return dataDir;
}

describe('data/decisions/offer-rounds.csv', () => {
	it('links an offer to rounds outside its agreement, with the reason shown', () => {
		const linked = openDataset(
			buildInto(withOfferRounds(['c4,2024-12-30-exchange,"Fixture: said to be carried out under it."']))
		);
		expect(statementContext(linked, 'c4')?.delivery?.linked.map(({ round, reason }) => [round.id, reason])).toEqual([
			['2024-12-30-exchange', 'Fixture: said to be carried out under it.'],
			['2025-05-23-exchange', null],
			['2025-05-24-exchange', null]
		]);
	});

	it('fails the build on an unknown id, a claim that is no offer, an agreement, a repeated link or no reason', () => {
		const result = buildDataset({
			dataDir: withOfferRounds([
				'c404,2024-12-30-exchange,unknown offer',
				'c11,no-such-round,not an offer and an unknown round',
				'c4,2025-05-16-agreement,an agreement',
				'c4,2024-12-30-exchange,first',
				'c4,2024-12-30-exchange,again',
				'c4,2025-05-23-exchange,'
			]),
			outPath: join(temporaryDir(), 'dataset.sqlite'),
			today: FIXED_TODAY
		});
		expect(result.ok ? [] : result.errors).toEqual([
			'decisions/offer-rounds.csv:2: offer_id: unknown claim id "c404"',
			'decisions/offer-rounds.csv:3: offer_id: claim "c11" is a allegation, not an offer',
			'decisions/offer-rounds.csv:3: round_id: unknown round id "no-such-round"',
			'decisions/offer-rounds.csv:4: round_id: "2025-05-16-agreement" is an agreement; link its stages instead',
			'decisions/offer-rounds.csv:6: round_id: "c4" is linked to "2024-12-30-exchange" twice',
			'decisions/offer-rounds.csv:7: reason: say why the round was carried out under the offer'
		]);
	});
});

describe('statements of the real dataset', () => {
	const real = openDataset(buildInto(realDataDir));
	const claims = allClaims(real);
	const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

	it('finds the statements around every round as a pass over every statement does (the bisection changes the speed)', () => {
		const statements = listStatements(real);
		const dates = [...new Set(statements.map((claim) => claim.statedOn))];
		for (const date of ['2022-01-01', '2030-01-01', ...dates]) {
			const naive = statements.filter((claim) => days(claim.statedOn, date) <= NEARBY_DAYS).reverse();
			expect(statementsNear(real, date)).toEqual(naive);
		}
		expect(dates.length).toBeGreaterThan(20);
	});

	it('finds the same support as a pass over every claim (the index changes the speed, not the result)', () => {
		for (const item of listStatements(real)) {
			const naive = supportingClaims(
				item,
				claims.filter((claim) => claim.counted === item.counted)
			);
			expect([item.id, statementContext(real, item.id)?.supporting.map((claim) => claim.id)]).toEqual([
				item.id,
				naive.map((claim) => claim.id)
			]);
			expect(item.supportCount).toBe(naive.length);
		}
	});

	it("says what it says of another side's totals only where the record bears it out", () => {
		const totals = listStatements(real).filter((item) => item.statement === 'running_total');
		const others = (item: (typeof totals)[number], window: number) =>
			claims.filter(
				(claim) =>
					claim.statement === 'running_total' &&
					claim.side !== item.side &&
					claim.counted === item.counted &&
					days(claim.statedOn, item.statedOn) <= window
			);
		const seen = new Set<string>();
		for (const item of totals) {
			const verdict = item.verdict.verdict;
			seen.add(
				verdict.kind === 'own_total' ? `own_total:${verdict.comparable}:${verdict.nearest !== null}` : verdict.kind
			);
			if (verdict.kind === 'own_total' && !verdict.comparable) expect(item.counted).toBe('other');
			else if (verdict.kind === 'own_total' && verdict.nearest === null)
				expect([item.id, others(item, SUPPORT_WINDOW_DAYS)]).toEqual([item.id, []]);
			else if (verdict.kind === 'own_total') expect([item.id, others(item, 0)]).toEqual([item.id, []]);
			else if (verdict.kind === 'own_total_differs') expect(others(item, 0).length).toBeGreaterThan(0);
		}
		expect([...seen].sort()).toEqual([
			'own_total:false:false',
			'own_total:true:false',
			'own_total:true:true',
			'own_total_differs',
			'supported'
		]);
	});

	it("links Medinsky's August 2025 allegation to Kyiv's rebuttal and to his follow-up", () => {
		const rebuttal = statementContext(real, 'c0384');
		const allegation = rebuttal?.thread.answers[0];
		expect(allegation?.claimant).toBe('Vladimir Medinsky');
		const context = statementContext(real, allegation!.id)!;
		const linked = [...context.thread.responses.map(({ claim }) => claim.id), ...context.sameSubject.map((c) => c.id)];
		expect(linked).toContain('c0384');
		expect(linked).toContain('c0498');
		expect(context.verdict.verdict.kind).toBe('answered_allegation');
		expect(context.verdict.href).toBe('/claims/c0384');
	});

	it("sets Medinsky's 'at least 1,200 for 1,200' against the rounds linked to it", () => {
		const offer = statementContext(real, 'c0379');
		expect(offer?.delivery?.rounds.map((round) => round.id)).toEqual(['2025-08-24-exchange', '2025-10-02-exchange']);
		expect(offer?.verdict.verdict.kind).toBe('offer_followed');
		expect(offer?.verdict.text).toMatch(
			/^2 rounds linked to it, up to 2 Oct 2025\. .* Offered: at least 1,200 per side\.$/
		);
	});
});

describe('the record sums beside a running total', () => {
	it('add up in SQL to what every round up to its day (of its mediator) adds up to, for every running total', () => {
		const real = openDataset(buildInto(realDataDir));
		const rounds = listRounds(real);
		const mediators = [...new Set(rounds.flatMap((round) => round.mediators))];
		const inMemory = (upTo: string, mediator: string | null) => {
			const included = rounds.filter(
				(round) =>
					round.kind !== 'agreement' && round.date <= upTo && (mediator === null || round.mediators.includes(mediator))
			);
			return { rounds: included.length, totals: totalsByDirection(included) };
		};
		const totals = allClaims(real).filter((claim) => claim.statement === 'running_total');
		expect(totals.some((claim) => claim.side === 'mediator')).toBe(true);
		for (const claim of totals) {
			expect(recordSumsOf(real, claim)).toEqual(recordSumsUpTo(mediators, claim, inMemory));
		}
		real.close();
	});
});
