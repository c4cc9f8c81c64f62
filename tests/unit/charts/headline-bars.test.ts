// The headline's bars: one scale from zero, the parties' shapes and colours, and a bound drawn open-ended with an arrow.
import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../../src/lib/charts/chart-utils';
import { boundDirection, layoutHeadlineBars } from '../../../src/lib/charts/headline-bars';
import type { DirectionHeadline, RunningTotal } from '../../../src/lib/domain/headline';
import type { Qualifier } from '../../../src/lib/schemas/vocabulary';
import { inLocale } from '../../helpers/locale';

const total = (side: 'ukraine' | 'russia', number: number, qualifier: Qualifier): RunningTotal => ({
	claimId: `c-${side}`,
	claimant: side === 'ukraine' ? 'Coordination Headquarters' : 'Russian Ministry of Defence',
	claimantNameUk: side === 'ukraine' ? 'Координаційний штаб' : 'Міністерство оборони Росії',
	claimantNameRu: side === 'ukraine' ? 'Координационный штаб' : 'Министерство обороны России',
	side,
	statedOn: '2025-06-01',
	counted: 'people_to_ukraine',
	countedDetail: 'people returned',
	countedDetailUk: 'повернуті люди',
	countedDetailRu: 'возвращённые люди',
	number,
	qualifier
});

function headline(ukraine: RunningTotal | null, russia: RunningTotal | null): DirectionHeadline {
	return {
		direction: 'to_ukraine',
		official: { ukraine, russia },
		totals: {
			confirmed: 2000,
			confirmedRounds: 10,
			partlyConfirmedRounds: 0,
			byParty: { ukraine: { sum: 5000, rounds: 40 }, russia: { sum: 3000, rounds: 30 } },
			roundsWithFigures: 45,
			rounds: 50,
			roundsWithoutFigure: 5,
			roundsCombinedOnly: 0
		},
		noneConfirmedBecause: null
	};
}

describe('boundDirection', () => {
	it.each([
		['exact', null],
		['about', null],
		['at_least', 'larger'],
		['more_than', 'larger'],
		['up_to', 'smaller']
	] as const)('%s: %s', (qualifier, direction) => {
		expect(boundDirection(qualifier)).toBe(direction);
	});
});

describe('layoutHeadlineBars', () => {
	it('draws exact totals as closed bars with filled markers, and lists no bound in its key', () => {
		const layout = layoutHeadlineBars(headline(total('ukraine', 6000, 'exact'), null));
		expect(layout.bars.map((bar) => bar.key)).toEqual(['official-ukraine', 'sum-ukraine', 'sum-russia', 'confirmed']);
		for (const bar of layout.bars) {
			expect(bar.openOutline).toBeNull();
			expect(bar.bound).toBeNull();
		}
		expect(layout.bars[0]?.marker).toMatchObject({ shape: 'circle', hollow: false });
		expect(layout.bars[2]?.marker).toMatchObject({ shape: 'square', hollow: false });
		expect(layout.bars[3]?.marker).toBeNull();
		expect(layout.bounds).toEqual([]);
	});

	it.each([
		['at_least', 'larger', 1],
		['more_than', 'larger', 1],
		['up_to', 'smaller', -1]
	] as const)(
		'an official total stated "%s" is open-ended, with a hollow marker and an arrow pointing %s',
		(qualifier, direction, sign) => {
			const layout = layoutHeadlineBars(headline(null, total('russia', 800, qualifier)));
			const [official] = layout.bars;
			expect(official?.key).toBe('official-russia');
			expect(official?.marker).toMatchObject({ shape: 'square', hollow: true });
			expect(official?.bound?.direction).toBe(direction);
			const end = (official?.bar.x ?? 0) + (official?.bar.width ?? 0);
			// The outline runs from the bar's end round its start and back, and never closes over its end.
			expect(official?.openOutline).toMatch(new RegExp(`^M${end},[\\d.]+H[\\d.]+V[\\d.]+H${end}$`));
			// The arrow's head is where its line ends: right of the start for "larger", left of it for "smaller".
			const [, from, to] = /^M([\d.]+),[\d.]+H([\d.]+)M/.exec(official?.bound?.d ?? '') ?? [];
			expect(Math.sign(Number(to) - Number(from))).toBe(sign);
			expect(Math.min(Number(from), Number(to))).toBeGreaterThan(end);
			// The figure follows the arrow, and stays in the chart.
			expect(official?.value.x).toBeGreaterThan(Math.max(Number(from), Number(to)));
			expect((official?.value.x ?? 0) + 4 * 11 * 0.6).toBeLessThanOrEqual(layout.width);
			expect(layout.bounds).toEqual([direction]);
		}
	);

	it("lists both ways in its key when one party's total may be larger and the other's smaller", () => {
		const layout = layoutHeadlineBars(headline(total('ukraine', 6000, 'up_to'), total('russia', 800, 'more_than')));
		expect(layout.bounds).toEqual(['larger', 'smaller']);
		expect(layout.bars.filter((bar) => bar.kind === 'sum').every((bar) => bar.bound === null)).toBe(true);
	});
});

describe('labels in every language', () => {
	it.each(['en', 'uk', 'ru'] as const)(
		'never runs a label into its bar, and keeps the figure in the chart (%s)',
		(locale) => {
			const layout = inLocale(locale, () =>
				layoutHeadlineBars(headline(total('ukraine', 8050, 'exact'), total('russia', 800, 'more_than')))
			);
			for (const bar of layout.bars) {
				expect(bar.label.x + estimateTextWidth(bar.label.text, layout.fontSize)).toBeLessThan(bar.bar.x);
				expect(bar.value.x + estimateTextWidth(bar.value.text, layout.fontSize)).toBeLessThanOrEqual(layout.width);
			}
		}
	);
});
