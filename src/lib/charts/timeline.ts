// Layout, words and table of the rounds timeline: one mark per round and direction, returns to Ukraine above the axis, to Russia below.
import { max } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { utcFormat } from 'd3-time-format';
import { isConfirmed, type ConfirmationStatus } from '../domain/confirmation';
import { formatNumber, statusLabel } from '../format/figures';
import { m } from '../paraglide/messages.js';
import {
	FONT_SIZE,
	VARIANTS,
	roundGeometry,
	compareStrings,
	parseIsoDate,
	quarterCeil,
	quarterFloor,
	timeTicks,
	type Box,
	type Margin,
	type TimeTick,
	type Variant
} from './chart-utils';
import type { DirectionMark, TimelineRound } from './types';

export type TimelineDirection = 'to_ukraine' | 'to_russia';
export type TimelinePopulation = 'people' | 'bodies';

/** The fixed geometry of one variant of the timeline, in viewBox units. */
export interface TimelineSize {
	variant: Variant;
	width: number;
	height: number;
	margin: Margin;
	/** Bars are never narrower than this, however many rounds share a month. */
	minBarWidth: number;
	fontSize: number;
}

export const TIMELINE_SIZES: Record<Variant, TimelineSize> = {
	wide: {
		variant: 'wide',
		width: 680,
		height: 340,
		margin: { top: 22, right: 14, bottom: 28, left: 52 },
		minBarWidth: 4,
		fontSize: FONT_SIZE.wide
	},
	narrow: {
		variant: 'narrow',
		width: 340,
		height: 320,
		margin: { top: 22, right: 10, bottom: 28, left: 42 },
		minBarWidth: 3.5,
		fontSize: FONT_SIZE.narrow
	}
};

/** How a mark is drawn: a solid bar, an outlined and hatched bar, or a range between two figures. */
export type TimelineMarkKind = 'confirmed' | 'announced' | 'disputed';

interface TimelineMarkBase {
	/** Unique per round and direction. */
	key: string;
	roundId: string;
	href: string;
	direction: TimelineDirection;
	status: ConfirmationStatus;
	/** Where a tooltip points: the end of the mark away from the axis. */
	anchor: { x: number; y: number };
	/** An invisible target around the mark, wider than a thin bar, for the pointer. */
	hit: Box;
	/** The mark in words, for its accessible name and its native title. */
	description: string;
	/** The tooltip's lines: the round, the figure, and the explanation of the status. */
	tooltip: string[];
}

/** A confirmed (solid) or announced (outlined) figure, drawn as a bar from the axis. */
export interface TimelineBar extends TimelineMarkBase {
	kind: 'confirmed' | 'announced';
	bar: Box;
	bound: boolean;
	/** For a bound: a small arrowhead beyond the end of the bar, pointing away from the axis. */
	boundArrow: string | null;
}

/** A disputed figure: a thin range from the lowest to the highest figure, with end ticks and a dot at each end. */
export interface TimelineRange extends TimelineMarkBase {
	kind: 'disputed';
	x: number;
	/** The ends of the range: `lowY` at the lowest figure, `highY` at the highest. */
	lowY: number;
	highY: number;
	tickHalfWidth: number;
	dotRadius: number;
}

export type TimelineMark = TimelineBar | TimelineRange;

export interface TimelineLayout {
	variant: Variant;
	width: number;
	height: number;
	fontSize: number;
	plot: { left: number; right: number; top: number; bottom: number };
	/** The y position of zero, the axis between the two directions. */
	zeroY: number;
	xTicks: TimeTick[];
	/** Labelled with absolute numbers: the scale is the same in both directions. */
	yTicks: { value: number; y: number; label: string }[];
	marks: TimelineMark[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Which way of drawing a status calls for; `null` for statuses that draw nothing. */
export function markKind(status: ConfirmationStatus): TimelineMarkKind | null {
	if (isConfirmed(status)) return 'confirmed';
	if (status === 'disputed') return status;
	// Figures not stated alike by two sides as a whole are drawn as reported: one side's word, a part, or other scopes.
	if (status === 'announced' || status === 'partly_confirmed' || status === 'scope_differs') return 'announced';
	return null;
}

/** A direction's figure in words: "150", "150 to 189" for a dispute, "250, a bound" for a bound. */
export function describeFigure(mark: DirectionMark): string {
	if (mark.status === 'disputed' && mark.low !== mark.high) {
		return m.chart_figure_range({ low: formatNumber(mark.low), high: formatNumber(mark.high) });
	}
	const figure = formatNumber(mark.value);
	return mark.bound ? m.chart_figure_bound({ figure }) : figure;
}

/** The name of a direction, as used in the legend, the table and the marks' descriptions. */
export function directionLabel(direction: TimelineDirection): string {
	return direction === 'to_ukraine' ? m.chart_to_ukraine() : m.chart_to_russia();
}

/** The x domain: whole quarters around the rounds' dates, so that the first and last ticks frame the marks. */
export function timelineDateDomain(rounds: readonly TimelineRound[]): [Date, Date] {
	if (rounds.length === 0) return [new Date(Date.UTC(2022, 0, 1)), new Date(Date.UTC(2022, 3, 1))];
	const dates = rounds.map((round) => parseIsoDate(round.date).getTime());
	const first = new Date(Math.min(...dates));
	// The day after the last round, so that a round on the first day of a quarter does not sit on the chart's edge.
	const dayAfterLast = new Date(Math.max(...dates) + DAY_MS);
	return [quarterFloor(first), quarterCeil(dayAfterLast)];
}

/** The largest figure in either direction: the y scale runs from minus it to plus it. */
export function timelineExtent(rounds: readonly TimelineRound[]): number {
	const highest = max(
		rounds.flatMap((round) => [round.toUkraine, round.toRussia]),
		(mark) => (mark && markKind(mark.status) ? mark.high : 0)
	);
	return Math.max(1, highest ?? 0);
}

/** Lays out the timeline of `rounds` for one chart size. */
export function layoutTimeline(rounds: readonly TimelineRound[], size: TimelineSize): TimelineLayout {
	const { margin, width, height } = size;
	const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
	const x = scaleUtc().domain(timelineDateDomain(rounds)).range([plot.left, plot.right]);
	const extent = timelineExtent(rounds);
	const y = scaleLinear().domain([-extent, extent]).nice(6).range([plot.bottom, plot.top]);
	const zeroY = y(0);

	const marks: TimelineMark[] = [];
	for (const round of rounds) {
		const date = parseIsoDate(round.date);
		const center = x(date);
		const barWidth = Math.min(12, Math.max(size.minBarWidth, x(new Date(date.getTime() + 3 * DAY_MS)) - center));
		for (const [direction, mark] of [
			['to_ukraine', round.toUkraine],
			['to_russia', round.toRussia]
		] as const) {
			if (!mark) continue;
			const kind = markKind(mark.status);
			if (!kind) continue;
			// Returns to Ukraine go up from the axis, returns to Russia go down, on the same scale.
			const sign = direction === 'to_ukraine' ? 1 : -1;
			const figure = describeFigure(mark);
			const base = {
				key: `${round.id}-${direction}`,
				roundId: round.id,
				href: round.href,
				direction,
				status: mark.status,
				description: m.chart_timeline_mark({
					round: round.label,
					direction: directionLabel(direction),
					figure,
					status: statusLabel(mark.status)
				}),
				tooltip: [
					round.label,
					m.chart_tooltip_figure({
						direction: directionLabel(direction),
						figure,
						status: statusLabel(mark.status)
					}),
					mark.explanation
				]
			};
			if (kind === 'disputed') {
				const lowY = y(sign * mark.low);
				const highY = y(sign * mark.high);
				marks.push({
					...base,
					kind,
					x: center,
					lowY,
					highY,
					tickHalfWidth: Math.max(3, barWidth / 2 + 1),
					dotRadius: 2.5,
					anchor: { x: center, y: highY },
					hit: hitBox(center, lowY, highY, barWidth)
				});
				continue;
			}
			const end = y(sign * mark.value);
			const top = Math.min(end, zeroY);
			const barHeight = Math.abs(end - zeroY);
			const arrowSize = 4;
			// The arrowhead sits just beyond the bar's end, pointing away from the axis: "at least this much".
			const tip = end - sign * (arrowSize + 2);
			const boundArrow = mark.bound
				? `M${center - arrowSize},${tip + sign * arrowSize}L${center},${tip}L${center + arrowSize},${tip + sign * arrowSize}`
				: null;
			marks.push({
				...base,
				kind,
				bar: { x: center - barWidth / 2, y: top, width: barWidth, height: barHeight },
				bound: mark.bound,
				boundArrow,
				anchor: { x: center, y: mark.bound ? tip : end },
				hit: hitBox(center, zeroY, mark.bound ? tip : end, barWidth)
			});
		}
	}

	const yTicks = y.ticks(6).map((value) => ({ value, y: y(value), label: formatNumber(Math.abs(value)) }));
	return {
		variant: size.variant,
		width,
		height,
		fontSize: size.fontSize,
		plot,
		zeroY,
		xTicks: timeTicks(x, size.fontSize, width),
		yTicks,
		marks
	};
}

/** The pointer target of a mark spanning `y1` to `y2` at `center`: at least 8 units wide and a little taller than the mark. */
function hitBox(center: number, y1: number, y2: number, markWidth: number): Box {
	const width = Math.max(8, markWidth + 2);
	return { x: center - width / 2, y: Math.min(y1, y2) - 4, width, height: Math.abs(y2 - y1) + 8 };
}

const monthYear = utcFormat('%B %Y');

/**
 * One sentence about the rounds on the timeline: how many, over which months, and how many have a
 * confirmed or a disputed figure for returns to Ukraine.
 */
export function summarizeTimeline(rounds: readonly TimelineRound[], population: TimelinePopulation): string {
	if (rounds.length === 0) return m.chart_timeline_empty();
	const dates = rounds.map((round) => round.date).sort();
	const inputs = {
		count: rounds.length,
		countText: formatNumber(rounds.length),
		first: monthYear(parseIsoDate(dates[0] as string)),
		last: monthYear(parseIsoDate(dates[dates.length - 1] as string)),
		confirmed: formatNumber(rounds.filter((round) => round.toUkraine && isConfirmed(round.toUkraine.status)).length),
		disputed: formatNumber(rounds.filter((round) => round.toUkraine?.status === 'disputed').length)
	};
	return population === 'people' ? m.chart_timeline_summary_people(inputs) : m.chart_timeline_summary_bodies(inputs);
}

/** One row of the table behind the timeline. */
export interface TimelineTableRow {
	key: string;
	label: string;
	href: string;
	toUkraine: string;
	toRussia: string;
}

/** A direction's cell: the figure and its status in words, or "no figure". */
export function describeCell(mark: DirectionMark | null): string {
	if (mark?.status === 'combined_only') return m.chart_combined_only();
	if (!mark || !markKind(mark.status)) return m.chart_no_figure();
	return m.chart_table_figure({ figure: describeFigure(mark), status: statusLabel(mark.status) });
}

/** The table behind the timeline, oldest round first like the chart. */
export function timelineTable(rounds: readonly TimelineRound[]): TimelineTableRow[] {
	return [...rounds]
		.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id))
		.map((round) => ({
			key: round.id,
			label: round.label,
			href: round.href,
			toUkraine: describeCell(round.toUkraine),
			toRussia: describeCell(round.toRussia)
		}));
}

/** Everything the timeline component draws, computed on the server so that D3 never ships to the browser. */
export interface TimelineModel {
	population: TimelinePopulation;
	summary: string;
	layouts: TimelineLayout[];
	table: TimelineTableRow[];
	empty: boolean;
}

/** The timeline of one population: summary, a layout per width variant, and the table behind it. */
export function timelineModel(rounds: readonly TimelineRound[], population: TimelinePopulation): TimelineModel {
	return {
		population,
		summary: summarizeTimeline(rounds, population),
		layouts: VARIANTS.map((variant) => roundGeometry(layoutTimeline(rounds, TIMELINE_SIZES[variant]))),
		table: timelineTable(rounds),
		empty: rounds.length === 0
	};
}
