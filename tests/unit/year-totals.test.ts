// Each year's totals, and the per-year chart's layout.
import { describe, expect, it } from 'vitest';
import { yearsLayout } from '../../src/lib/charts/years';
import { roundFigures, type ClaimFigure } from '../../src/lib/domain/round-figures';
import { totalsByYear } from '../../src/lib/domain/year-totals';

const report = (id: string, side: ClaimFigure['claimantSide'], number: number): ClaimFigure => ({
	id,
	claimant: side,
	claimantNameUk: side,
	claimantNameRu: side,
	claimantSide: side,
	statement: 'report',
	counted: 'people_to_ukraine',
	number,
	qualifier: 'exact'
});

const round = (date: string, claims: ClaimFigure[], kind: 'pow_exchange' | 'agreement' = 'pow_exchange') => ({
	date,
	kind,
	figures: roundFigures(claims)
});

describe('totalsByYear', () => {
	it('adds up each year apart, newest first, leaving agreements out', () => {
		const years = totalsByYear([
			round('2024-12-30', [report('a', 'ukraine', 189), report('b', 'russia', 150)]),
			round('2025-05-23', [report('c', 'ukraine', 390), report('d', 'russia', 390)]),
			round('2025-05-16', [report('e', 'ukraine', 1000)], 'agreement'),
			round('2025-06-01', [report('f', 'ukraine', 10)])
		]);
		expect(
			years.map(({ year, totals }) => [
				year,
				totals.people.to_ukraine.byParty.ukraine.sum,
				totals.people.to_ukraine.confirmed,
				totals.people.to_ukraine.rounds
			])
		).toEqual([
			[2025, 400, 390, 2],
			[2024, 189, 0, 1]
		]);
	});
});

describe('yearsLayout', () => {
	it('draws every year on one scale from zero, newest on top, a bar no wider than the chart', () => {
		const layout = yearsLayout([
			{ year: 2024, ownSum: 100, confirmed: 50 },
			{ year: 2025, ownSum: 400, confirmed: 390 }
		]);
		expect(layout.bars.map((bar) => bar.year)).toEqual([2025, 2024]);
		const [newest, older] = layout.bars;
		expect(newest && older && newest.y < older.y).toBe(true);
		expect(older?.ownWidth).toBeCloseTo((newest?.ownWidth ?? 0) / 4);
		for (const bar of layout.bars) expect(bar.label.x + 100).toBeLessThanOrEqual(layout.width);
		expect(newest?.label.text).toBe('400 / 390');
	});
});
