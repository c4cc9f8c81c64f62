// The rounds timeline's layout as a specification: scales, the mark drawn for each status, the summary sentence and the table.
import { describe, expect, it } from 'vitest';
import type { ConfirmationStatus } from '../../../src/lib/domain/confirmation';
import {
	TIMELINE_SIZES,
	describeFigure,
	layoutTimeline,
	markKind,
	summarizeTimeline,
	timelineDateDomain,
	timelineExtent,
	timelineTable,
	type TimelineBar,
	type TimelineMark,
	type TimelineRange
} from '../../../src/lib/charts/timeline';
import type { TimelineRound } from '../../../src/lib/charts/types';
import {
	announcedMark,
	bodyRounds,
	confirmedMark,
	disputedMark,
	peopleRounds,
	thirdPartyMark
} from '../../fixtures/charts';

const wide = TIMELINE_SIZES.wide;
const layout = layoutTimeline(peopleRounds, wide);
const byKey = new Map(layout.marks.map((mark) => [mark.key, mark]));
const iso = (date: Date) => date.toISOString().slice(0, 10);

// The plot runs from y = 22 to 312 and the scale from -400 to 400 (390 made nice), so zero is at 167.
const zeroY = 167;
const y = (value: number) => zeroY - value * (145 / 400);

function bar(key: string): TimelineBar {
	const mark = byKey.get(key);
	if (mark?.kind !== 'confirmed' && mark?.kind !== 'announced') throw new Error(`${key} is not a bar`);
	return mark;
}

/** Compares the numbers of an SVG path with the expected ones, allowing for floating-point rounding. */
function expectPath(d: string | null, expected: number[]) {
	const numbers = (d ?? '').match(/-?[\d.]+(e-?\d+)?/g)?.map(Number) ?? [];
	expect(numbers).toHaveLength(expected.length);
	numbers.forEach((value, index) => expect(value).toBeCloseTo(expected[index] as number, 9));
}

function range(key: string): TimelineRange {
	const mark = byKey.get(key);
	if (mark?.kind !== 'disputed') throw new Error(`${key} is not a range`);
	return mark;
}

describe('markKind', () => {
	it.each<{ status: ConfirmationStatus; kind: TimelineMark['kind'] | null }>([
		{ status: 'corroborated', kind: 'confirmed' },
		{ status: 'third_party_confirmed', kind: 'confirmed' },
		{ status: 'announced', kind: 'announced' },
		{ status: 'disputed', kind: 'disputed' },
		{ status: 'no_figure', kind: null }
	])('$status is drawn as $kind', ({ status, kind }) => {
		expect(markKind(status)).toBe(kind);
	});
});

describe('describeFigure', () => {
	it.each([
		{ mark: confirmedMark(150), expected: '150' },
		{ mark: confirmedMark(1212), expected: '1,212' },
		{ mark: announcedMark(390), expected: '390' },
		{ mark: announcedMark(1000, true), expected: '1,000, a bound rather than an exact figure' },
		{ mark: disputedMark(150, 189), expected: '150 to 189' }
	])('$mark.status $mark.value: "$expected"', ({ mark, expected }) => {
		expect(describeFigure(mark)).toBe(expected);
	});
});

describe('scales', () => {
	it('spans whole quarters around the rounds', () => {
		expect(timelineDateDomain(peopleRounds).map(iso)).toEqual(['2024-10-01', '2025-10-01']);
		expect(timelineDateDomain(bodyRounds).map(iso)).toEqual(['2025-04-01', '2026-01-01']);
	});

	it('a round on the first day of a quarter does not sit on the edge', () => {
		const rounds = [{ ...peopleRounds[0], date: '2025-04-01' } as TimelineRound];
		expect(timelineDateDomain(rounds).map(iso)).toEqual(['2025-04-01', '2025-07-01']);
	});

	it.each([
		{ name: 'people', rounds: peopleRounds, extent: 390 },
		{ name: 'bodies', rounds: bodyRounds, extent: 1212 },
		{ name: 'no rounds', rounds: [], extent: 1 }
	])('the y extent of $name is the highest figure in either direction: $extent', ({ rounds, extent }) => {
		expect(timelineExtent(rounds)).toBe(extent);
	});

	it('puts zero in the middle, with the same scale both ways and absolute tick labels', () => {
		expect(layout.zeroY).toBe(zeroY);
		expect(layout.yTicks.map((tick) => tick.value)).toEqual([-400, -300, -200, -100, 0, 100, 200, 300, 400]);
		expect(layout.yTicks.map((tick) => tick.label)).toEqual([
			'400',
			'300',
			'200',
			'100',
			'0',
			'100',
			'200',
			'300',
			'400'
		]);
		expect(layout.yTicks.map((tick) => tick.y)).toEqual([312, 275.75, 239.5, 203.25, 167, 130.75, 94.5, 58.25, 22]);
	});

	it('ticks each quarter, labelled with month and year over a short span', () => {
		expect(layout.xTicks.map((tick) => tick.label)).toEqual([
			'Oct 2024',
			'Jan 2025',
			'Apr 2025',
			'Jul 2025',
			'Oct 2025'
		]);
		expect(layout.xTicks[0]?.x).toBe(wide.margin.left);
		expect(layout.xTicks[4]?.x).toBe(wide.width - wide.margin.right);
	});

	it('ticks each quarter and labels the years over a long span', () => {
		const long = layoutTimeline(
			[...peopleRounds, { ...(peopleRounds[0] as TimelineRound), id: 'early', date: '2022-03-16' }],
			wide
		);
		expect(long.xTicks).toHaveLength(16);
		expect(long.xTicks.filter((tick) => tick.major).map((tick) => tick.label)).toEqual([
			'2022',
			'2023',
			'2024',
			'2025'
		]);
	});
});

describe('marks', () => {
	it('draws one mark per round and direction with a figure, and nothing for a missing direction', () => {
		expect(layout.marks.map((mark) => [mark.key, mark.kind])).toEqual([
			['2024-12-30-exchange-to_ukraine', 'disputed'],
			['2024-12-30-exchange-to_russia', 'confirmed'],
			['2025-01-15-exchange-to_ukraine', 'confirmed'],
			['2025-01-15-exchange-to_russia', 'announced'],
			['2025-03-19-exchange-to_ukraine', 'disputed'],
			['2025-03-19-exchange-to_russia', 'announced'],
			['2025-05-23-exchange-to_ukraine', 'announced'],
			['2025-07-23-exchange-to_ukraine', 'announced'],
			['2025-07-23-exchange-to_russia', 'announced']
		]);
	});

	it('draws nothing for a direction whose status is no_figure', () => {
		const noFigure = { ...confirmedMark(0), status: 'no_figure' as const };
		const rounds = [{ ...(peopleRounds[1] as TimelineRound), toUkraine: noFigure }];
		expect(layoutTimeline(rounds, wide).marks.map((mark) => mark.direction)).toEqual(['to_russia']);
	});

	it.each([
		{ key: '2025-01-15-exchange-to_ukraine', top: y(25), height: 25 * (145 / 400), bound: false },
		{ key: '2024-12-30-exchange-to_russia', top: zeroY, height: 150 * (145 / 400), bound: false },
		{ key: '2025-05-23-exchange-to_ukraine', top: y(390), height: 390 * (145 / 400), bound: false },
		{ key: '2025-07-23-exchange-to_russia', top: zeroY, height: 250 * (145 / 400), bound: true }
	])('$key: a bar from the axis, up for Ukraine and down for Russia', ({ key, top, height, bound }) => {
		const mark = bar(key);
		expect(mark.bar.y).toBeCloseTo(top, 9);
		expect(mark.bar.height).toBeCloseTo(height, 9);
		expect(mark.bound).toBe(bound);
		expect(mark.boundArrow === null).toBe(!bound);
	});

	it('marks a bound with an arrowhead beyond the bar, pointing away from the axis', () => {
		const up = bar('2025-07-23-exchange-to_ukraine');
		const center = up.bar.x + up.bar.width / 2;
		// The bar ends at y(250) = 76.375; the tip is 6 beyond it, the arms 4 back towards the bar.
		expectPath(up.boundArrow, [center - 4, 74.375, center, 70.375, center + 4, 74.375]);
		expect(up.anchor.y).toBe(70.375);
		const down = bar('2025-07-23-exchange-to_russia');
		expectPath(down.boundArrow, [center - 4, 259.625, center, 263.625, center + 4, 259.625]);
	});

	it('draws a dispute as a range from the lowest to the highest figure', () => {
		const mark = range('2024-12-30-exchange-to_ukraine');
		expect(mark.lowY).toBeCloseTo(y(150), 9);
		expect(mark.highY).toBeCloseTo(y(189), 9);
		expect(mark.anchor.y).toBe(mark.highY);
		const bothWays = layoutTimeline(bodyRounds, wide).marks.find((m) => m.key === '2025-12-19-bodies-to_russia');
		expect(bothWays?.kind).toBe('disputed');
		expect((bothWays as TimelineRange).lowY).toBeLessThan((bothWays as TimelineRange).highY);
	});

	it.each([
		{ variant: 'wide', width: 4 },
		{ variant: 'narrow', width: 3.5 }
	] as const)('keeps bars at least $width wide ($variant) when rounds are years apart', ({ variant, width }) => {
		const far = { ...(peopleRounds[1] as TimelineRound), id: 'far', date: '2020-01-01' };
		const marks = layoutTimeline([far, peopleRounds[1] as TimelineRound], TIMELINE_SIZES[variant]).marks;
		expect(marks.map((mark) => (mark as TimelineBar).bar.width)).toEqual([width, width, width, width]);
	});

	it('widens bars to three days where days are wide, and gives thin marks a wider pointer target', () => {
		const mark = bar('2025-01-15-exchange-to_ukraine');
		// 365 days over 614 units: three days are about 5 units.
		expect(mark.bar.width).toBeCloseTo((3 * 614) / 365, 9);
		expect(mark.hit.width).toBe(8);
	});

	it('describes each mark in words, for its accessible name and tooltip', () => {
		const mark = range('2024-12-30-exchange-to_ukraine');
		expect(mark.description).toBe('30 Dec 2024, prisoner exchange. To Ukraine: 150 to 189 (Figures conflict)');
		expect(mark.tooltip).toEqual([
			'30 Dec 2024, prisoner exchange',
			'To Ukraine: 150 to 189 (Figures conflict)',
			'Kyiv reported 189 and Moscow reported 150: the figures differ by 39.'
		]);
		expect(bar('2025-07-23-exchange-to_russia').description).toBe(
			'23 Jul 2025, prisoner exchange. To Russia: 250, a bound rather than an exact figure (Unconfirmed)'
		);
		expect(bar('2024-12-30-exchange-to_russia').description).toBe(
			'30 Dec 2024, prisoner exchange. To Russia: 150 (Third party agrees)'
		);
	});

	it('lays out nothing but the axes without rounds', () => {
		const empty = layoutTimeline([], wide);
		expect(empty.marks).toEqual([]);
		expect(empty.yTicks.map((tick) => tick.label)).toEqual(['1', '0.5', '0', '0.5', '1']);
	});
});

describe('summarizeTimeline', () => {
	it.each([
		{
			name: 'people',
			rounds: peopleRounds,
			population: 'people',
			expected:
				'5 rounds from December 2024 to July 2025: 1 with a confirmed figure for people returned to Ukraine, 2 disputed.'
		},
		{
			name: 'bodies',
			rounds: bodyRounds,
			population: 'bodies',
			expected:
				'2 rounds from June 2025 to December 2025: 1 with a confirmed figure for bodies returned to Ukraine, 1 disputed.'
		},
		{
			name: 'one round',
			rounds: [peopleRounds[3] as TimelineRound],
			population: 'people',
			expected: '1 round, in May 2025: 0 with a confirmed figure for people returned to Ukraine, 0 disputed.'
		},
		{
			name: 'a third-party confirmation',
			rounds: [{ ...(peopleRounds[3] as TimelineRound), toUkraine: thirdPartyMark(390) }],
			population: 'people',
			expected: '1 round, in May 2025: 1 with a confirmed figure for people returned to Ukraine, 0 disputed.'
		},
		{ name: 'no rounds', rounds: [], population: 'bodies', expected: 'No round with a figure is on record.' }
	] as const)('$name', ({ rounds, population, expected }) => {
		expect(summarizeTimeline(rounds, population)).toBe(expected);
	});
});

describe('timelineTable', () => {
	it('lists every round oldest first with each direction in words', () => {
		expect(timelineTable([...peopleRounds].reverse())).toEqual([
			{
				key: '2024-12-30-exchange',
				label: '30 Dec 2024, prisoner exchange',
				href: '/rounds/2024-12-30-exchange',
				toUkraine: '150 to 189 (Figures conflict)',
				toRussia: '150 (Third party agrees)'
			},
			{
				key: '2025-01-15-exchange',
				label: '15 Jan 2025, prisoner exchange',
				href: '/rounds/2025-01-15-exchange',
				toUkraine: '25 (Both sides agree)',
				toRussia: '25 (Unconfirmed)'
			},
			{
				key: '2025-03-19-exchange',
				label: '19 Mar 2025, prisoner exchange',
				href: '/rounds/2025-03-19-exchange',
				toUkraine: '175 to 197 (Figures conflict)',
				toRussia: '175 (Unconfirmed)'
			},
			{
				key: '2025-05-23-exchange',
				label: '23 May 2025, prisoner exchange',
				href: '/rounds/2025-05-23-exchange',
				toUkraine: '390 (Unconfirmed)',
				toRussia: 'no figure'
			},
			{
				key: '2025-07-23-exchange',
				label: '23 Jul 2025, prisoner exchange',
				href: '/rounds/2025-07-23-exchange',
				toUkraine: '250, a bound rather than an exact figure (Unconfirmed)',
				toRussia: '250, a bound rather than an exact figure (Unconfirmed)'
			}
		]);
	});
});
