// The charts' shared helpers: dates without time zones, quarterly ticks, label spacing and tooltip placement.
import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
	boxesOverlap,
	compareStrings,
	dodge,
	segmentCrossesBox,
	estimateTextWidth,
	parseIsoDate,
	quarterCeil,
	quarterFloor,
	quarterStarts,
	roundGeometry,
	windowRange,
	timeTicks
} from '../../../src/lib/charts/chart-utils';

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('parseIsoDate', () => {
	it.each(['2022-03-16', '2024-02-29', '2025-12-31'])('%s is midnight UTC of that day', (date) => {
		expect(parseIsoDate(date).toISOString()).toBe(`${date}T00:00:00.000Z`);
	});
});

describe('quarters', () => {
	it.each([
		{ date: '2022-03-16', floor: '2022-01-01', ceil: '2022-04-01' },
		{ date: '2022-04-01', floor: '2022-04-01', ceil: '2022-04-01' },
		{ date: '2024-12-31', floor: '2024-10-01', ceil: '2025-01-01' },
		{ date: '2025-07-02', floor: '2025-07-01', ceil: '2025-10-01' }
	])('$date lies in the quarter from $floor; the next quarter starts $ceil', ({ date, floor, ceil }) => {
		expect(iso(quarterFloor(parseIsoDate(date)))).toBe(floor);
		expect(iso(quarterCeil(parseIsoDate(date)))).toBe(ceil);
	});

	it.each([
		{ start: '2024-10-01', end: '2025-07-01', expected: ['2024-10-01', '2025-01-01', '2025-04-01', '2025-07-01'] },
		{ start: '2024-11-15', end: '2025-03-31', expected: ['2025-01-01'] },
		{ start: '2025-02-01', end: '2025-03-01', expected: [] }
	])('quarterStarts($start, $end)', ({ start, end, expected }) => {
		expect(quarterStarts(parseIsoDate(start), parseIsoDate(end)).map(iso)).toEqual(expected);
	});
});

describe('timeTicks', () => {
	const scale = (start: string, end: string, width: number) =>
		scaleUtc()
			.domain([parseIsoDate(start), parseIsoDate(end)])
			.range([0, width]);
	const fontSize = 12;

	it('over several years: a tick per quarter, labelled with the year at each new year', () => {
		const ticks = timeTicks(scale('2022-01-01', '2026-07-01', 600), fontSize, 600);
		expect(ticks).toHaveLength(19);
		expect(ticks.filter((tick) => tick.major).map((tick) => [tick.label, tick.anchor])).toEqual([
			['2022', 'start'],
			['2023', 'middle'],
			['2024', 'middle'],
			['2025', 'middle'],
			['2026', 'middle']
		]);
		expect(ticks.filter((tick) => !tick.major).every((tick) => tick.label === '')).toBe(true);
	});

	it('over a year or less: every quarter labelled with month and year, kept inside the chart', () => {
		const ticks = timeTicks(scale('2024-10-01', '2025-07-01', 600), fontSize, 600);
		expect(ticks.map((tick) => [tick.label, tick.anchor])).toEqual([
			['Oct 2024', 'start'],
			['Jan 2025', 'middle'],
			['Apr 2025', 'middle'],
			['Jul 2025', 'end']
		]);
		// By days: 92 from October to January, 90 more to April, 91 more to July.
		const expected = [0, (92 / 273) * 600, (182 / 273) * 600, 600];
		ticks.forEach((tick, index) => expect(tick.x).toBeCloseTo(expected[index] as number, 9));
	});

	it('labels only years when month labels would not fit side by side', () => {
		// Quarters 40 apart; "Oct 2024" needs 58 and a 12 gap.
		const ticks = timeTicks(scale('2024-10-01', '2025-07-01', 120), fontSize, 120);
		expect(ticks.filter((tick) => tick.major).map((tick) => tick.label)).toEqual(['2025']);
	});

	it('labels every other year when even years would be too close', () => {
		const ticks = timeTicks(scale('2020-01-01', '2026-01-01', 150), fontSize, 150);
		expect(ticks.filter((tick) => tick.major).map((tick) => tick.label)).toEqual(['2020', '2022', '2024', '2026']);
	});
});

describe('dodge', () => {
	it.each([
		{ name: 'leaves labels far enough apart alone', wanted: [10, 50, 90], expected: [10, 50, 90] },
		{ name: 'pushes close labels apart downwards', wanted: [50, 52, 54], expected: [50, 64, 78] },
		{ name: 'keeps the input order in the result', wanted: [54, 50, 52], expected: [78, 50, 64] },
		{ name: 'keeps labels inside the lower bound', wanted: [-20, 0], expected: [0, 14] },
		{ name: 'pushes labels back up from the upper bound', wanted: [95, 99, 100], expected: [72, 86, 100] }
	])('$name', ({ wanted, expected }) => {
		expect(dodge(wanted, 14, 0, 100)).toEqual(expected);
	});

	it('returns nothing for nothing', () => {
		expect(dodge([], 14, 0, 100)).toEqual([]);
	});
});

describe('boxes and text', () => {
	it.each([
		{ b: { x: 5, y: 5, width: 10, height: 10 }, overlap: true },
		{ b: { x: 10, y: 0, width: 10, height: 10 }, overlap: false },
		{ b: { x: 0, y: 10, width: 10, height: 10 }, overlap: false },
		{ b: { x: 2, y: 2, width: 2, height: 2 }, overlap: true }
	])('a 10×10 box at the origin and $b overlap: $overlap', ({ b, overlap }) => {
		expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, b)).toBe(overlap);
	});

	it.each([
		{ name: 'through the middle', segment: { x1: -5, y1: 5, x2: 15, y2: 5 }, crosses: true },
		{ name: 'upright through it', segment: { x1: 5, y1: -5, x2: 5, y2: 15 }, crosses: true },
		{ name: 'slanting across a corner', segment: { x1: -2, y1: 3, x2: 3, y2: -2 }, crosses: true },
		{ name: 'wholly inside', segment: { x1: 2, y1: 2, x2: 3, y2: 3 }, crosses: true },
		{ name: 'along an edge', segment: { x1: -5, y1: 0, x2: 15, y2: 0 }, crosses: false },
		{ name: 'passing above', segment: { x1: -5, y1: -1, x2: 15, y2: -1 }, crosses: false },
		{ name: 'stopping short', segment: { x1: -5, y1: 5, x2: -1, y2: 5 }, crosses: false },
		{ name: 'slanting past a corner', segment: { x1: -2, y1: 1, x2: 1, y2: -2 }, crosses: false }
	])('a segment $name of a 10×10 box at the origin crosses it: $crosses', ({ segment, crosses }) => {
		expect(segmentCrossesBox(segment, { x: 0, y: 0, width: 10, height: 10 })).toBe(crosses);
	});

	it('estimates text width from its length and size', () => {
		expect(estimateTextWidth('5,757', 10)).toBe(30);
		expect(estimateTextWidth('', 10)).toBe(0);
	});

	it('compares strings by code unit', () => {
		expect(['b', 'B', 'a'].sort(compareStrings)).toEqual(['B', 'a', 'b']);
	});
});

describe('roundGeometry', () => {
	it.each([
		{ value: 48.95551257253385, rounded: 49 },
		{ value: 151.3125, rounded: 151.3 },
		{ value: -0.04, rounded: -0 },
		{ value: 12, rounded: 12 },
		{ value: 'M10.123,20.987L30.55,40', rounded: 'M10.1,21L30.6,40' },
		{ value: '1 Mar 2022, prisoner exchange. To Ukraine: 5', rounded: '1 Mar 2022, prisoner exchange. To Ukraine: 5' },
		{
			value: { x: 1.26, label: '1.26', ticks: [{ y: 3.333 }] },
			rounded: { x: 1.3, label: '1.26', ticks: [{ y: 3.3 }] }
		}
	])('rounds $value to a tenth of a unit, leaving words alone', ({ value, rounded }) => {
		expect(roundGeometry(value)).toEqual(rounded);
	});
});

describe('windowRange', () => {
	const rows = [1, 2, 3, 4, 5];
	it.each([
		{ window: { kind: 'latest', count: 2 } as const, newestFirst: false, expected: [4, 5] },
		{ window: { kind: 'latest', count: 2 } as const, newestFirst: true, expected: [1, 2] },
		{ window: { kind: 'latest', count: 9 } as const, newestFirst: false, expected: [1, 2, 3, 4, 5] },
		{ window: { kind: 'page', page: 2, size: 2 } as const, newestFirst: false, expected: [3, 4] },
		{ window: { kind: 'page', page: 3, size: 2 } as const, newestFirst: true, expected: [5] },
		{ window: { kind: 'page', page: 4, size: 2 } as const, newestFirst: false, expected: [] }
	])('shows $expected of 5 rows for $window (newest first: $newestFirst)', ({ window, newestFirst, expected }) => {
		const { offset, limit } = windowRange(window, rows.length, newestFirst);
		expect(rows.slice(offset, offset + limit)).toEqual(expected);
	});
});
