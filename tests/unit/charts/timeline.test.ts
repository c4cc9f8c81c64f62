// The rounds timeline's layout as a specification: bins, scales, the marks drawn for each status, the summary sentence and the table.
import { describe, expect, it } from 'vitest';
import type { ConfirmationStatus } from '../../../src/lib/domain/confirmation';
import {
	timelineSize,
	binLabel,
	chooseBinMonths,
	describeFigure,
	describeSums,
	layoutTimeline,
	markKind,
	splitHeights,
	summarizeTimeline,
	timelineDateDomain,
	timelineInput,
	timelineTable,
	type TimelineMarkKind
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
import { LAYOUT_WIDTHS } from '../../../src/lib/charts/sizing';

/** The month sums the build stores for `rounds`. */
const monthsOf = (rounds: readonly TimelineRound[]) => timelineInput(rounds).months;
const wide = timelineSize(LAYOUT_WIDTHS.wide);
const layout = layoutTimeline(monthsOf(peopleRounds), wide);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const early = { ...(peopleRounds[0] as TimelineRound), id: 'early', date: '2022-03-16' };

describe('markKind', () => {
	it.each<{ status: ConfirmationStatus; kind: TimelineMarkKind | null }>([
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

describe('bins', () => {
	it.each([
		{ name: 'months over a short span', rounds: peopleRounds, plot: 614, months: 1 },
		{ name: 'months on a phone over a short span', rounds: peopleRounds, plot: 288, months: 1 },
		{ name: 'quarters over three years on a wide chart', rounds: [...peopleRounds, early], plot: 614, months: 3 },
		{ name: 'half-years over three years on a phone', rounds: [...peopleRounds, early], plot: 288, months: 6 },
		{ name: 'years when nothing finer fits', rounds: [...peopleRounds, early], plot: 100, months: 12 }
	])('picks $name', ({ rounds, plot, months }) => {
		expect(chooseBinMonths(monthsOf(rounds), plot, 24)).toBe(months);
	});

	it.each([
		{ months: 1, domain: ['2024-12-01', '2025-08-01'] },
		{ months: 3, domain: ['2024-10-01', '2025-10-01'] },
		{ months: 12, domain: ['2024-01-01', '2026-01-01'] }
	])('spans whole bins of $months months around the rounds', ({ months, domain }) => {
		expect(timelineDateDomain(monthsOf(peopleRounds), months).map(iso)).toEqual(domain);
	});

	it('a round on the first day of a bin does not sit on the edge', () => {
		const rounds = [{ ...peopleRounds[0], date: '2025-04-01' } as TimelineRound];
		expect(timelineDateDomain(monthsOf(rounds), 3).map(iso)).toEqual(['2025-04-01', '2025-07-01']);
	});

	it.each([
		{ start: '2025-03-01', end: '2025-04-01', label: 'Mar 2025' },
		{ start: '2025-01-01', end: '2025-04-01', label: 'Jan–Mar 2025' },
		{ start: '2025-07-01', end: '2026-01-01', label: 'Jul–Dec 2025' },
		{ start: '2025-01-01', end: '2026-01-01', label: '2025' }
	])('names the bin from $start to $end "$label"', ({ start, end, label }) => {
		expect(binLabel({ start: new Date(`${start}T00:00:00Z`), end: new Date(`${end}T00:00:00Z`) })).toBe(label);
	});

	it('adds up each direction of a month by how each figure is drawn', () => {
		const base = peopleRounds[0] as TimelineRound;
		const marks = [confirmedMark(100), announcedMark(40, true), disputedMark(10, 15), disputedMark(20, 30), null];
		const rounds = marks.map((mark, index) => ({
			...base,
			id: `round-${index}`,
			date: `2025-01-0${index + 1}`,
			toUkraine: mark,
			toRussia: index === 0 ? confirmedMark(5) : null
		}));
		const [month] = timelineInput(rounds).months;
		expect(month).toMatchObject({ month: '2025-01', firstId: 'round-0', firstRow: 0 });
		expect(month?.sums.to_ukraine).toEqual({
			rounds: 4,
			confirmed: 100,
			announced: 40,
			disputedLow: 30,
			disputedHigh: 45,
			disputedRounds: 2,
			bound: true
		});
		expect(describeSums(month!.sums.to_ukraine)).toBe(
			'4 rounds: 100 confirmed, 40 unconfirmed, figures conflict, from 30 to 45, some figures are bounds (“at least”)'
		);
		expect(describeSums(timelineInput([{ ...base, toUkraine: null }]).months[0]!.sums.to_ukraine)).toBe('no figure');
	});

	it("gives each month its first round and that round's row in the table", () => {
		expect(monthsOf(peopleRounds).map(({ month, firstId, firstRow }) => [month, firstId, firstRow])).toEqual([
			['2024-12', '2024-12-30-exchange', 0],
			['2025-01', '2025-01-15-exchange', 1],
			['2025-03', '2025-03-19-exchange', 2],
			['2025-05', '2025-05-23-exchange', 3],
			['2025-07', '2025-07-23-exchange', 4]
		]);
	});

	it.each([
		{ up: 390, down: 250, heights: [(390 / 640) * 200, (250 / 640) * 200] },
		{ up: 1500, down: 50, heights: [150, 50] },
		{ up: 0, down: 30, heights: [50, 150] }
	])('splits the height between $up up and $down down, neither under a quarter', ({ up, down, heights }) => {
		splitHeights(up, down, 200).forEach((height, index) => expect(height).toBeCloseTo(heights[index] as number, 9));
	});
});

describe('layoutTimeline', () => {
	it('draws one column per month with rounds, each one link to the rows of its rounds', () => {
		expect(layout.binMonths).toBe(1);
		expect(layout.columns.map((column) => column.href)).toEqual(peopleRounds.map((round) => round.href));
		for (const column of layout.columns) expect(column.hit.width).toBeGreaterThanOrEqual(24);
	});

	it('stacks a bin: solid for confirmed, hatched for one side only, a range for disputed rounds', () => {
		const [first, second] = layout.columns;
		expect(
			first?.stacks.map((stack) => [stack.direction, !!stack.confirmed, !!stack.announced, !!stack.range])
		).toEqual([
			['to_ukraine', false, false, true],
			['to_russia', true, false, false]
		]);
		expect(
			second?.stacks.map((stack) => [stack.direction, !!stack.confirmed, !!stack.announced, !!stack.range])
		).toEqual([
			['to_ukraine', true, false, false],
			['to_russia', false, true, false]
		]);
		const range = first?.stacks[0]?.range;
		expect(range && range.highY < range.lowY && range.lowY < range.baseY).toBe(true);
		expect(range?.baseY).toBe(layout.zeroY);
	});

	it('adds up the rounds of one bin', () => {
		const twoInJanuary = [
			peopleRounds[1] as TimelineRound,
			{ ...(peopleRounds[1] as TimelineRound), id: 'again', date: '2025-01-20', toUkraine: confirmedMark(75) }
		];
		const column = layoutTimeline(monthsOf(twoInJanuary), wide).columns;
		expect(column).toHaveLength(1);
		expect(column[0]?.tooltip[1]).toBe('To Ukraine: 2 rounds: 100 confirmed');
	});

	it('goes up for Ukraine and down for Russia, and marks a bound with an arrowhead beyond the column', () => {
		const last = layout.columns.at(-1);
		const [up, down] = last?.stacks ?? [];
		expect((up?.announced?.y ?? 0) + (up?.announced?.height ?? 0)).toBeCloseTo(layout.zeroY, 9);
		expect(down?.announced?.y).toBeCloseTo(layout.zeroY, 9);
		expect(up?.boundArrow).toMatch(/^M/);
		expect(down?.boundArrow).toMatch(/^M/);
	});

	it('scales the two directions apart, so that small returns to Russia are not flattened', () => {
		const bodies = layoutTimeline(monthsOf(bodyRounds), wide);
		const plotHeight = bodies.plot.bottom - bodies.plot.top;
		expect(bodies.zeroY - bodies.plot.top).toBeCloseTo(plotHeight * 0.75, 9);
		// Up to 1,400 above the axis; below it, on a scale of its own, up to 50 (the largest is 27 + 26).
		expect(bodies.yTicks.map((tick) => tick.label)).toEqual([
			'0',
			'200',
			'400',
			'600',
			'800',
			'1,000',
			'1,200',
			'1,400',
			'50'
		]);
	});

	it('describes each column in words, for its accessible name and tooltip', () => {
		expect(layout.columns[0]?.description).toBe(
			'Dec 2024. To Ukraine: 1 round: figures conflict, from 150 to 189. To Russia: 1 round: 150 confirmed.'
		);
		expect(layout.columns[0]?.tooltip).toEqual([
			'Dec 2024',
			'To Ukraine: 1 round: figures conflict, from 150 to 189',
			'To Russia: 1 round: 150 confirmed'
		]);
	});

	it('ticks the time axis by quarter, labelled with month and year over a short span', () => {
		const quarters = layoutTimeline(monthsOf(peopleRounds), { ...wide, minColumnWidth: 100 });
		expect(quarters.xTicks.map((tick) => tick.label)).toEqual([
			'Oct 2024',
			'Jan 2025',
			'Apr 2025',
			'Jul 2025',
			'Oct 2025'
		]);
	});

	it('lays out nothing but the axes without rounds', () => {
		const empty = layoutTimeline(monthsOf([]), wide);
		expect(empty.columns).toEqual([]);
		expect(empty.yTicks.length).toBeGreaterThan(0);
	});
});

describe('summarizeTimeline', () => {
	it.each([
		{
			name: 'people',
			rounds: peopleRounds,
			population: 'people',
			expected:
				'5 rounds from December 2024 to July 2025: 1 with a confirmed figure for people returned to Ukraine, 2 where the figures for them conflict.'
		},
		{
			name: 'bodies',
			rounds: bodyRounds,
			population: 'bodies',
			expected:
				'2 rounds from June 2025 to December 2025: 1 with a confirmed figure for bodies returned to Ukraine, 1 where the figures for them conflict.'
		},
		{
			name: 'one round',
			rounds: [peopleRounds[3] as TimelineRound],
			population: 'people',
			expected:
				'1 round, in May 2025: 0 with a confirmed figure for people returned to Ukraine, 0 where the figures for them conflict.'
		},
		{
			name: 'a third-party confirmation',
			rounds: [{ ...(peopleRounds[3] as TimelineRound), toUkraine: thirdPartyMark(390) }],
			population: 'people',
			expected:
				'1 round, in May 2025: 1 with a confirmed figure for people returned to Ukraine, 0 where the figures for them conflict.'
		},
		{ name: 'no rounds', rounds: [], population: 'bodies', expected: 'No round with a figure is on record.' }
	] as const)('$name', ({ rounds, population, expected }) => {
		expect(summarizeTimeline(timelineInput(rounds), population)).toBe(expected);
	});
});

describe('timelineTable', () => {
	it('lists each round with each direction in words', () => {
		expect(timelineTable(peopleRounds)).toEqual([
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
