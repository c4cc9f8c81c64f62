// The cumulative chart as a specification: running sums as step lines, stated totals as labelled points, the summary and the tables.
import { describe, expect, it } from 'vitest';
import {
	cumulativeSize,
	cumulativeDateRange,
	cumulativeSumsTable,
	daySums,
	latestStatedTotal,
	layoutCumulative,
	statedTotalsTable,
	stepPoints,
	summarizeCumulative,
	valueOn
} from '../../../src/lib/charts/cumulative';
import { partySymbol } from '../../../src/lib/charts/chart-utils';
import type { CumulativeInput, StatedTotal } from '../../../src/lib/charts/types';
import { cumulativeInput, cumulativeModel } from '../../fixtures/charts';
import { LAYOUT_WIDTHS } from '../../../src/lib/charts/sizing';

const wide = cumulativeSize(LAYOUT_WIDTHS.wide);
const layout = layoutCumulative(cumulativeInput, wide);
const totals = cumulativeInput.statedTotals;
const total = (claimId: string) => totals.find((candidate) => candidate.claimId === claimId) as StatedTotal;
const noSums: CumulativeInput = { kyiv: [], moscow: [], confirmed: [], statedTotals: [] };

/** The coordinates of an SVG path made of M and L commands, as [x, y] pairs. */
function pathPoints(d: string): [number, number][] {
	const numbers = d.match(/-?[\d.]+(e-?\d+)?/g)?.map(Number) ?? [];
	const points: [number, number][] = [];
	for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i] as number, numbers[i + 1] as number]);
	return points;
}

describe('running sums', () => {
	it.each([
		{ date: '2024-12-29', expected: 0 },
		{ date: '2024-12-30', expected: 189 },
		{ date: '2025-03-18', expected: 214 },
		{ date: '2025-03-19', expected: 411 },
		{ date: '2026-01-01', expected: 801 }
	])("Kyiv's running sum on $date is $expected", ({ date, expected }) => {
		expect(valueOn(cumulativeInput.kyiv, date)).toBe(expected);
	});

	it('reads a running sum whatever the order of its points', () => {
		expect(valueOn([...cumulativeInput.kyiv].reverse(), '2025-01-15')).toBe(214);
	});

	it('spans every running-sum point and every stated total', () => {
		expect(cumulativeDateRange(cumulativeInput)).toEqual(['2024-12-30', '2025-10-02']);
		expect(cumulativeDateRange(noSums)).toBeNull();
	});

	it.each([
		{ name: 'holds the last sum to a later date', lastDate: '2025-10-02', added: [{ date: '2025-10-02', value: 801 }] },
		{ name: 'adds nothing when the sum ends on the last date', lastDate: '2025-05-23', added: [] }
	])('stepPoints $name', ({ lastDate, added }) => {
		expect(stepPoints(cumulativeInput.kyiv, lastDate)).toEqual([...cumulativeInput.kyiv, ...added]);
	});

	it('holds nothing for an empty sum', () => {
		expect(stepPoints([], '2025-10-02')).toEqual([]);
	});
});

describe('latestStatedTotal', () => {
	it.each([
		{ name: 'the latest', input: totals, expected: 'c0405' },
		{ name: 'of two equal totals on the latest day, the first', input: totals.slice(0, 3), expected: 'c0305' },
		{
			name: 'of two different totals on the latest day, the larger',
			input: [total('c0305'), { ...total('c0306'), value: 5000 }],
			expected: 'c0306'
		},
		{ name: 'none without totals', input: [], expected: null }
	])('$name', ({ input, expected }) => {
		expect(latestStatedTotal(input)?.claimId ?? null).toBe(expected);
	});
});

describe('layoutCumulative', () => {
	// The plot runs from y = 14 to 332 and the y scale from 0 to 7,000.
	const y = (value: number) => 332 - value * (318 / 7000);

	it('scales y from zero to the largest value, made nice', () => {
		expect(layout.yTicks.map((tick) => tick.label)).toEqual([
			'0',
			'1,000',
			'2,000',
			'3,000',
			'4,000',
			'5,000',
			'6,000',
			'7,000'
		]);
		expect(layout.yTicks[0]?.y).toBe(332);
		expect(layout.yTicks[7]?.y).toBe(14);
	});

	it('spans whole quarters from the first point to the last stated total', () => {
		expect(layout.xTicks.map((tick) => tick.label)).toEqual([
			'Oct 2024',
			'Jan 2025',
			'Apr 2025',
			'Jul 2025',
			'Oct 2025',
			'Jan 2026'
		]);
	});

	it('draws each running sum as steps: level until the next round, then up', () => {
		expect(layout.lines.map((series) => series.key)).toEqual(['kyiv', 'moscow', 'confirmed']);
		const kyiv = pathPoints(layout.lines[0]?.d ?? '');
		// Five step points (four rounds and the hold to the last stated total) make nine corners.
		expect(kyiv).toHaveLength(9);
		expect(kyiv.map(([, pointY]) => pointY)).toEqual(
			// d3-shape rounds path coordinates to three decimals.
			[189, 189, 214, 214, 411, 411, 801, 801, 801].map((value) => expect.closeTo(y(value), 2))
		);
		for (let i = 1; i < kyiv.length; i++) {
			const [previousX, previousY] = kyiv[i - 1] as [number, number];
			const [pointX, pointY] = kyiv[i] as [number, number];
			// Every segment is either level or upright.
			expect(previousX === pointX || previousY === pointY).toBe(true);
		}
		expect(kyiv[8]?.[0]).toBeCloseTo(layout.points.find((point) => point.key === 'c0405')?.x ?? NaN, 2);
	});

	it('labels each line at its end, in the right margin, with its name and last value on the wide chart', () => {
		expect(layout.lines.map((series) => series.label.lines.map((line) => line.text))).toEqual([
			["Kyiv's figures", '801'],
			["Moscow's figures", '350'],
			['Confirmed', '25']
		]);
		// Every label starts past the plot's right edge, where nothing else is drawn.
		expect(layout.lines.every((series) => series.label.x > layout.plot.right)).toBe(true);
		expect(layout.plot.right).toBeLessThan(wide.width - wide.margin.right);
	});

	it('keeps the end labels in the order the lines end, moved apart, each joined to its line by a leader', () => {
		// Label blocks of two lines (13 units and a line 15 below) centred on their leader's end, at least 30 apart: the
		// lines end at 295.6, 316.1 and 330.9, too close for three blocks above the plot's bottom (332), so the confirmed
		// label rests on the bottom and the others stack above it, in the same order.
		const centres = layout.lines.map((series) => (series.label.lines[0]?.y ?? NaN) + (15 - 0.6 * 13) / 2);
		expect(layout.lines.map((series) => pathPoints(series.d).at(-1)?.[1])).toEqual(
			[801, 350, 25].map((value) => expect.closeTo(y(value), 2))
		);
		expect(centres).toEqual([258, 288, 318].map((centre) => expect.closeTo(centre, 9)));
		layout.lines.forEach((series, index) => {
			const leader = pathPoints(series.leader);
			const end = pathPoints(series.d).at(-1) as [number, number];
			// From just past the line's end, level to past the plot, then to the label's middle.
			expect(leader[0]).toEqual([expect.closeTo(end[0] + 3, 2), expect.closeTo(end[1], 2)]);
			expect(leader[2]?.[1]).toBeCloseTo(centres[index] as number, 2);
			expect(leader[2]?.[0]).toBeLessThan(series.label.x);
		});
	});

	it('labels the lines with their values alone on the narrow chart, whose legend names them', () => {
		const narrow = layoutCumulative(cumulativeInput, cumulativeSize(LAYOUT_WIDTHS.narrow));
		expect(narrow.lines.map((series) => series.label.lines.map((line) => line.text))).toEqual([
			['801'],
			['350'],
			['25']
		]);
		const baselines = narrow.lines.map((series) => series.label.lines[0]?.y ?? NaN);
		expect(baselines).toEqual([...baselines].sort((a, b) => a - b));
	});

	it("leaves out a stated total's label that every place would put on a line, keeping its figure for the tooltip", () => {
		// A total of 1,500 with Kyiv's line level through it, Moscow's level just above and the confirmed level just
		// below: a line runs through every place around its marker. The second total sets the scale (0 to 3,000).
		const level = (value: number) => [{ date: '2024-01-01', value }];
		const crossed = layoutCumulative(
			{
				kyiv: level(1500),
				moscow: level(1600),
				confirmed: level(1400),
				statedTotals: [
					{ ...total('c0284'), date: '2024-06-01', value: 1500 },
					{ ...total('c0305'), date: '2024-12-01', value: 3000 }
				]
			},
			cumulativeSize(LAYOUT_WIDTHS.narrow)
		);
		expect(crossed.points.map((point) => [point.label?.text ?? null, point.tooltip[1]])).toEqual([
			[null, 'Stated a total of 1,500 on 1 Jun 2024'],
			['3,000', 'Stated a total of 3,000 on 1 Dec 2024']
		]);
	});

	it('draws every stated total as a point, hollow when it is a bound', () => {
		// c0305 and c0306 (the same side, the same day) share one marker: the first of the largest.
		expect(layout.points.map((point) => [point.key, point.bound])).toEqual([
			['c0284', false],
			['c0305', false],
			['c0405', true]
		]);
		expect(layout.points.map((point) => point.y)).toEqual(
			[3956, 4306, 7000].map((value) => expect.closeTo(y(value), 9))
		);
		// Stated by Kyiv's side: Kyiv's shape and colour, from the design tokens.
		expect(layout.points[0]?.symbol).toBe(partySymbol('kyiv', wide.markerArea));
		expect(layout.points[0]?.colour).toBe('var(--party-kyiv)');
	});

	it('labels a total stated by several people on one day once, and moves labels off the top edge', () => {
		expect(layout.points.map((point) => point.label && [point.label.text, point.label.anchor])).toEqual([
			['3,956', 'middle'],
			['4,306', 'middle'],
			['more than 7,000', 'end']
		]);
	});

	it('draws one marker for a side’s totals whose markers would meet: the latest and largest', () => {
		const crowded = layoutCumulative(
			{
				...cumulativeInput,
				statedTotals: [3000, 3010, 3020, 3030, 3040, 3050].map((value, index) => ({
					...total('c0284'),
					claimId: `c${index}`,
					value
				}))
			},
			cumulativeSize(LAYOUT_WIDTHS.narrow)
		);
		expect(crowded.points.map((point) => point.label?.text ?? null)).toEqual(['3,050']);
		expect(crowded.points[0]?.tooltip.at(-1)).toBe('5 more totals by the same side close by are in the table.');
	});

	it('leaves out labels where there is no room, keeping those of the latest and largest totals', () => {
		const sides = ['ukraine', 'russia', 'mediator', 'international', 'independent'] as const;
		const crowded = layoutCumulative(
			{
				...cumulativeInput,
				statedTotals: [3000, 3010, 3020, 3030, 3040].map((value, index) => ({
					...total('c0284'),
					claimId: `c${index}`,
					side: sides[index] ?? 'ukraine',
					value
				}))
			},
			cumulativeSize(LAYOUT_WIDTHS.narrow)
		);
		// Above, left, right and below a crowd of markers there is room for four labels.
		expect(crowded.points.map((point) => point.label?.text ?? null)).toEqual([
			null,
			'3,010',
			'3,020',
			'3,030',
			'3,040'
		]);
		expect(crowded.points.map((point) => point.colour)).toEqual(
			['kyiv', 'moscow', 'mediator', 'international', 'media'].map((party) => `var(--party-${party})`)
		);
	});

	it('names the claimant, the date and the sum of Kyiv that day', () => {
		const point = layout.points.find((candidate) => candidate.key === 'c0305');
		expect(point?.href).toBe('/claims/c0305');
		expect(point?.description).toBe(
			'Coordination Headquarters for the Treatment of POWs stated a total of 4,306 on 19 Mar 2025; Kyiv’s own round figures added up to 411 that day. 1 more total by the same side close by is in the table.'
		);
		expect(point?.tooltip).toEqual([
			'Coordination Headquarters for the Treatment of POWs',
			'Stated a total of 4,306 on 19 Mar 2025',
			'Kyiv’s own round figures that day: 411',
			'1 more total by the same side close by is in the table.'
		]);
	});

	it('draws nothing without data', () => {
		const empty = layoutCumulative(noSums, wide);
		expect(empty.lines).toEqual([]);
		expect(empty.points).toEqual([]);
	});
});

describe('summarizeCumulative', () => {
	it.each([
		{
			name: 'compares the latest stated total with Kyiv’s sum that day',
			input: cumulativeInput,
			expected:
				'By 2 Oct 2025 Kyiv’s own round figures add up to 801 people returned, while Volodymyr Zelensky stated a total of more than 7,000 that day.'
		},
		{
			name: 'reads the sum on the day of the total, not at the end',
			input: { ...cumulativeInput, statedTotals: totals.slice(0, 2) },
			expected:
				'By 19 Mar 2025 Kyiv’s own round figures add up to 411 people returned, while Coordination Headquarters for the Treatment of POWs stated a total of 4,306 that day.'
		},
		{
			name: 'counts zero before the first round',
			input: { ...cumulativeInput, statedTotals: [{ ...total('c0284'), date: '2024-01-01', value: 2800 }] },
			expected:
				'By 1 Jan 2024 Kyiv’s own round figures add up to 0 people returned, while Government of Ukraine stated a total of 2,800 that day.'
		},
		{
			name: 'gives the three sums without a stated total',
			input: { ...cumulativeInput, statedTotals: [] },
			expected:
				'By 23 May 2025 Kyiv’s own round figures add up to 801 people returned, Moscow’s to 350, and the confirmed figures to 25.'
		},
		{
			name: 'says so without any data',
			input: noSums,
			expected: 'No figure for people returned to Ukraine is on record.'
		}
	])('$name', ({ input, expected }) => {
		expect(summarizeCumulative(input)).toBe(expected);
	});
});

describe('tables', () => {
	it('lists the three sums after each round date, oldest first', () => {
		expect(cumulativeSumsTable(daySums(cumulativeInput))).toEqual([
			{ key: '2024-12-30', date: '30 Dec 2024', kyiv: '189', moscow: '150', confirmed: '0' },
			{ key: '2025-01-15', date: '15 Jan 2025', kyiv: '214', moscow: '175', confirmed: '25' },
			{ key: '2025-03-19', date: '19 Mar 2025', kyiv: '411', moscow: '350', confirmed: '25' },
			{ key: '2025-05-23', date: '23 May 2025', kyiv: '801', moscow: '350', confirmed: '25' }
		]);
	});

	it("lists the stated totals with Kyiv's sum that day", () => {
		const totals = cumulativeModel(cumulativeInput).statedTable;
		expect(totals.map((row) => [row.date, row.claimant, row.figure, row.kyivSum])).toEqual([
			['30 Dec 2024', 'Government of Ukraine', '3,956', '189'],
			['19 Mar 2025', 'Coordination Headquarters for the Treatment of POWs', '4,306', '411'],
			['19 Mar 2025', 'Volodymyr Zelensky', '4,306', '411'],
			['2 Oct 2025', 'Volodymyr Zelensky', 'more than 7,000', '801']
		]);
	});
});
