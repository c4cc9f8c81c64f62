// The coverage report on a dataset built from fixtures.
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/lib/server/db/dataset';
import { coverageReport, foldRanges, formatCoverageReport } from '../../src/lib/server/db/report';
import { buildInto, fixtureDir } from '../helpers/dataset';

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

describe('foldRanges', () => {
	it.each([
		{ values: [], expected: '' },
		{ values: [4], expected: '4' },
		{ values: [1, 2, 3, 5, 7, 8, 9], expected: '1–3, 5, 7–9' }
	])('$values -> "$expected"', ({ values, expected }) => {
		expect(foldRanges(values)).toBe(expected);
	});
});
