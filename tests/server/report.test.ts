// The coverage report on a dataset built from fixtures.
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/lib/server/db/dataset';
import { coverageReport, foldRanges, formatCoverageReport } from '../../src/lib/server/db/report';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildInto, fixtureDir, temporaryDir } from '../helpers/dataset';

describe('coverageReport', () => {
	const report = coverageReport(openDataset(buildInto(fixtureDir('valid-data'))));

	it('counts events by year and kind, and which have figures from both sides or a third party', () => {
		expect(report.events).toBe(4);
		expect(report.agreements).toBe(1);
		expect(report.roundsByYearAndKind).toEqual([
			{ year: '2024', kind: 'pow_exchange', rounds: 1 },
			{ year: '2025', kind: 'bodies_repatriation', rounds: 1 },
			{ year: '2025', kind: 'pow_exchange', rounds: 2 }
		]);
		expect(report.roundsWithBothSides).toBe(2);
		expect(report.roundsWithThirdParty).toBe(2);
	});

	it("lists Kyiv's exchange numbers present and missing up to the highest", () => {
		expect(report.exchangeNumbers.highest).toBe(59);
		expect(report.exchangeNumbers.present).toEqual([59]);
		expect(report.exchangeNumbers.missing).toHaveLength(58);
	});

	it('counts claims without a round by kind of statement', () => {
		expect(report.claimsWithoutRound).toEqual([
			{ statement: 'allegation', claims: 1 },
			{ statement: 'rebuttal', claims: 1 },
			{ statement: 'running_total', claims: 1 }
		]);
	});

	it('prints every section', () => {
		const text = formatCoverageReport(report);
		for (const heading of [
			'Events: 4 (rounds: 5, of which 1 agreement(s) carried out in stages; each stage is an event, the agreement itself is not)',
			'Events by year and kind:',
			"Kyiv's exchange numbers: 1 of 1–59 present (2%)",
			'missing: 1–58',
			'Claims without a round:',
			'Sources by language:',
			'Likely duplicates: 0'
		]) {
			expect(text).toContain(heading);
		}
	});
});

describe('coverage against official running totals', () => {
	// The fixture with a later, larger Kyiv total and no new round: the share the rounds account for falls.
	const dir = temporaryDir();
	cpSync(fixtureDir('valid-data'), dir, { recursive: true });
	appendFileSync(
		join(dir, 'claims.csv'),
		'c13,,2025-07-01,Coordination Headquarters for the Treatment of POWs,k-coordination-hq,ukraine,running_total,people_to_ukraine,people returned since 2022,' +
			'"люди, повернуті з 2022 року","люди, возвращённые с 2022 года",8860,exact,s-kyiv,,\n'
	);
	const report = coverageReport(openDataset(buildInto(dir)));

	it("sums the same party's figures for the rounds up to each total's date, and gives the ratio", () => {
		expect(
			report.totalsCoverage.map(({ claimId, total, roundsSum, roundsWithFigure, roundsWithoutFigure, ratio }) => ({
				claimId,
				total,
				roundsSum,
				roundsWithFigure,
				roundsWithoutFigure,
				ratio
			}))
		).toEqual([
			// 189 (30 Dec 2024) + 390 + 307 (23-24 May 2025): Kyiv's own figures; Moscow's and the UAE's are not added.
			{ claimId: 'c10', total: 5757, roundsSum: 886, roundsWithFigure: 3, roundsWithoutFigure: 0, ratio: 886 / 5757 },
			{ claimId: 'c13', total: 8860, roundsSum: 886, roundsWithFigure: 3, roundsWithoutFigure: 0, ratio: 0.1 }
		]);
	});

	it('lists the periods where the ratio falls, and prints the table', () => {
		expect(report.coverageDrops.map(({ series, from, to }) => [series, from.claimId, to.claimId])).toEqual([
			['ukraine people_to_ukraine', 'c10', 'c13']
		]);
		const text = formatCoverageReport(report);
		expect(text).toContain(
			"  2025-05-25  ukraine people_to_ukraine   5757 (c10, Coordination Headquarters for the Treatment of POWs)  rounds: 886 in 3, 0 without the party's figure  15%"
		);
		expect(text).toContain('  ukraine people_to_ukraine: 2025-05-25 15% -> 2025-07-01 10% (c13)');
	});
});

describe('foldRanges', () => {
	it.each([
		{ values: [], expected: '' },
		{ values: [4], expected: '4' },
		{ values: [1, 2, 3, 5, 7, 8, 9], expected: '1–3, 5, 7–9' }
	])('$values -> "$expected"', ({ values, expected }) => {
		expect(foldRanges(values)).toBe(expected);
	});
});
