// Layout, words and table of the rounds timeline: one mark per round and direction, returns to Ukraine above the axis, to Russia below.
import { max } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { isConfirmed, type ConfirmationStatus } from '../domain/confirmation';
import { formatNumber, statusLabel } from '../format/figures';
import { formatMonthRange, formatMonthYear, formatShortMonthYear, formatYear } from '../format/locale-formats';
import { m } from '../paraglide/messages.js';
import {
	FONT_SIZE,
	roundGeometry,
	compareStrings,
	parseIsoDate,
	DATA_PAGE_SIZE,
	timeTicks,
	type Box,
	type Margin,
	type TimeTick,
	type Variant
} from './chart-utils';
import { chartHeight, MODEL_WIDTHS, TIMELINE_HEIGHT, variantOf, verticalTickCount } from './sizing';
import type { DirectionMark, TimelineRound } from './types';

export type TimelineDirection = 'to_ukraine' | 'to_russia';
export type TimelinePopulation = 'people' | 'bodies';

/** The fixed geometry of one variant of the timeline, in viewBox units. */
export interface TimelineSize {
	variant: Variant;
	width: number;
	height: number;
	margin: Margin;
	/** A column (one bin of time) is never narrower than this: a touch target of at least 24 CSS pixels on a phone. */
	minColumnWidth: number;
	fontSize: number;
}

/** The timeline's geometry at `width` units: its height and arrangement follow the width (see sizing.ts). */
export function timelineSize(width: number): TimelineSize {
	const variant = variantOf(width);
	return {
		variant,
		width,
		height: chartHeight(width, TIMELINE_HEIGHT),
		margin:
			variant === 'wide' ? { top: 22, right: 14, bottom: 44, left: 52 } : { top: 22, right: 10, bottom: 42, left: 42 },
		minColumnWidth: 24,
		fontSize: FONT_SIZE[variant]
	};
}

/** How a part of a column is drawn: a solid bar, an outlined and hatched bar, or a range between two sums. */
export type TimelineMarkKind = 'confirmed' | 'announced' | 'disputed';

/** One direction of one bin: what its rounds' figures add up to, by how each figure is drawn. */
export interface DirectionSums {
	rounds: number;
	confirmed: number;
	announced: number;
	/** The disputed rounds' lowest and highest figures, each added up. */
	disputedLow: number;
	disputedHigh: number;
	disputedRounds: number;
	/** Whether some figure is a bound ("at least"): the column then reads "at least" too. */
	bound: boolean;
}

/** One direction of a column: a solid bar, a hatched bar stacked on it, a range on top, each only when non-empty. */
export interface TimelineStack {
	direction: TimelineDirection;
	confirmed: Box | null;
	announced: Box | null;
	/** The disputed rounds: a line from the top of the bars to the highest sum, with ticks at the lowest and highest. */
	range: { x: number; baseY: number; lowY: number; highY: number; tickHalfWidth: number; dotRadius: number } | null;
	/** For a bound: a small arrowhead beyond the end of the column, pointing away from the axis. */
	boundArrow: string | null;
}

/** One bin of time (a month, a quarter, a half-year or a year, as the width allows): one link, both directions. */
export interface TimelineColumn {
	key: string;
	/** The rows of the bin's rounds in the chart's data table. */
	href: string;
	/** An invisible target the height of the plot and the width of the bin, for the pointer and a finger. */
	hit: Box;
	stacks: TimelineStack[];
	/** The column in words, for its accessible name and its native title. */
	description: string;
	/** The tooltip's lines: the bin, then each direction's sums by status. */
	tooltip: string[];
}

export interface TimelineLayout {
	variant: Variant;
	width: number;
	height: number;
	fontSize: number;
	plot: { left: number; right: number; top: number; bottom: number };
	/** The y position of zero, the axis between the two directions. */
	zeroY: number;
	/** How many months a column covers. */
	binMonths: number;
	xTicks: TimeTick[];
	/** Each direction has its own scale (labelled with absolute numbers), so that a small direction is not flattened. */
	yTicks: { key: string; y: number; label: string }[];
	/** The directions' names, above and below the plot. */
	directionLabels: { key: TimelineDirection; x: number; y: number; text: string }[];
	columns: TimelineColumn[];
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

/** The bin sizes a column may cover, in months, finest first. */
export const BIN_MONTHS = [1, 3, 6, 12] as const;

/** The first day of the bin of `months` months (counted from January) that contains `date`. */
export function binFloor(date: Date, months: number): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / months) * months, 1));
}

function addMonths(date: Date, months: number): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/** One month of a timeline: its rounds' sums by direction, and its first round in the table's order. */
export interface TimelineMonth {
	/** "2024-12". */
	month: string;
	/** The month's first round and its row in the timeline's table (oldest first), where a column links to. */
	firstId: string;
	firstRow: number;
	sums: Record<TimelineDirection, DirectionSums>;
}

/**
 * What a timeline is drawn and summarised from: a few numbers a month, whatever the number of rounds (the build
 * stores it, see src/lib/server/db/chart-tables.ts), and the counts its summary gives.
 */
export interface TimelineInput {
	months: TimelineMonth[];
	/** The rounds on the timeline: the rows of its table. */
	rounds: number;
	first: string | null;
	last: string | null;
	/** Of them, those with a confirmed figure for returns to Ukraine, and those where the figures for it conflict. */
	confirmed: number;
	disputed: number;
}

/** The month of a round's date: "2024-12-30" -> "2024-12". */
const monthOf = (date: string) => date.slice(0, 7);

/** The timeline's input from its rounds in any order. */
export function timelineInput(
	rounds: readonly Pick<TimelineRound, 'id' | 'date' | 'toUkraine' | 'toRussia'>[]
): TimelineInput {
	const sorted = [...rounds].sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id));
	const months = new Map<string, TimelineMonth>();
	sorted.forEach((round, row) => {
		const month = monthOf(round.date);
		let entry = months.get(month);
		if (!entry) {
			entry = { month, firstId: round.id, firstRow: row, sums: { to_ukraine: emptySums(), to_russia: emptySums() } };
			months.set(month, entry);
		}
		addMark(entry.sums.to_ukraine, round.toUkraine);
		addMark(entry.sums.to_russia, round.toRussia);
	});
	return {
		months: [...months.values()],
		rounds: sorted.length,
		first: sorted[0]?.date ?? null,
		last: sorted[sorted.length - 1]?.date ?? null,
		confirmed: sorted.filter((round) => round.toUkraine && isConfirmed(round.toUkraine.status)).length,
		disputed: sorted.filter((round) => round.toUkraine?.status === 'disputed').length
	};
}

/** The x domain for bins of `months`: whole bins from the first month's to the one after the last month's. */
export function timelineDateDomain(input: readonly TimelineMonth[], months = 3): [Date, Date] {
	const first = input[0];
	const last = input[input.length - 1];
	if (!first || !last) return [new Date(Date.UTC(2022, 0, 1)), addMonths(new Date(Date.UTC(2022, 0, 1)), months)];
	return [
		binFloor(parseIsoDate(`${first.month}-01`), months),
		addMonths(binFloor(parseIsoDate(`${last.month}-01`), months), months)
	];
}

/**
 * The finest bin whose columns are at least `minWidth` wide across `plotWidth`: months for a short span or a wide
 * chart, years for a long span on a phone. The number of columns is then bounded by the width, whatever the data.
 */
export function chooseBinMonths(input: readonly TimelineMonth[], plotWidth: number, minWidth: number): number {
	for (const months of BIN_MONTHS) {
		const [start, end] = timelineDateDomain(input, months);
		const bins = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
		if (plotWidth / (bins / months) >= minWidth) return months;
	}
	return 12;
}

function emptySums(): DirectionSums {
	return { rounds: 0, confirmed: 0, announced: 0, disputedLow: 0, disputedHigh: 0, disputedRounds: 0, bound: false };
}

/** Adds one round's mark to a direction's sums, by how it is drawn. */
function addMark(sums: DirectionSums, mark: DirectionMark | null): void {
	const kind = mark ? markKind(mark.status) : null;
	if (!mark || !kind) return;
	sums.rounds += 1;
	sums.bound ||= mark.bound;
	if (kind === 'confirmed') sums.confirmed += mark.value;
	else if (kind === 'announced') sums.announced += mark.value;
	else {
		sums.disputedLow += mark.low;
		sums.disputedHigh += mark.high;
		sums.disputedRounds += 1;
	}
}

/** Adds the sums `more` to `sums`. */
function addSums(sums: DirectionSums, more: DirectionSums): void {
	sums.rounds += more.rounds;
	sums.confirmed += more.confirmed;
	sums.announced += more.announced;
	sums.disputedLow += more.disputedLow;
	sums.disputedHigh += more.disputedHigh;
	sums.disputedRounds += more.disputedRounds;
	sums.bound ||= more.bound;
}

/** The top of a direction's column: everything but the disputed rounds, plus their highest figures. */
function columnHeight(sums: DirectionSums): number {
	return sums.confirmed + sums.announced + sums.disputedHigh;
}

/** A bin of months, with its start and end, its first round and each direction's sums. */
export interface TimelineBin {
	start: Date;
	end: Date;
	firstId: string;
	firstRow: number;
	sums: Record<TimelineDirection, DirectionSums>;
}

/** The months grouped in bins of `months`, oldest first; empty bins are left out. */
export function binMonths(input: readonly TimelineMonth[], months: number): TimelineBin[] {
	const bins = new Map<number, TimelineBin>();
	for (const month of input) {
		const start = binFloor(parseIsoDate(`${month.month}-01`), months);
		let bin = bins.get(start.getTime());
		if (!bin) {
			bin = {
				start,
				end: addMonths(start, months),
				firstId: month.firstId,
				firstRow: month.firstRow,
				sums: { to_ukraine: emptySums(), to_russia: emptySums() }
			};
			bins.set(start.getTime(), bin);
		}
		addSums(bin.sums.to_ukraine, month.sums.to_ukraine);
		addSums(bin.sums.to_russia, month.sums.to_russia);
	}
	return [...bins.values()];
}

/** "Mar 2025", "Jan–Mar 2025", "2025" ("бер. 2025 р.", "січ.–бер. 2025 р." in Ukrainian). */
export function binLabel(bin: { start: Date; end: Date }): string {
	const months =
		(bin.end.getUTCFullYear() - bin.start.getUTCFullYear()) * 12 + bin.end.getUTCMonth() - bin.start.getUTCMonth();
	if (months === 1) return formatShortMonthYear(bin.start);
	if (months === 12) return formatYear(bin.start);
	const last = new Date(bin.end.getTime() - DAY_MS);
	return formatMonthRange(bin.start, last);
}

/** A direction's sums in words: "1,200 confirmed, 300 unconfirmed, figures conflict, from 50 to 80" (only the parts there are). */
export function describeSums(sums: DirectionSums): string {
	if (sums.rounds === 0) return m.chart_no_figure();
	const parts = [
		sums.confirmed > 0 ? m.chart_sum_confirmed({ figure: formatNumber(sums.confirmed) }) : null,
		sums.announced > 0 ? m.chart_sum_announced({ figure: formatNumber(sums.announced) }) : null,
		sums.disputedRounds > 0
			? m.chart_sum_disputed({ low: formatNumber(sums.disputedLow), high: formatNumber(sums.disputedHigh) })
			: null,
		sums.bound ? m.chart_sum_bound() : null
	].filter((part) => part !== null);
	return m.chart_sum_rounds({ count: sums.rounds, countText: formatNumber(sums.rounds), parts: parts.join(', ') });
}

/**
 * The heights of the two directions' halves: in proportion to their largest columns, but neither less than a quarter
 * of the plot, so that a direction with small figures still shows them on a scale of its own.
 */
export function splitHeights(upExtent: number, downExtent: number, plotHeight: number): [number, number] {
	const share = Math.min(0.75, Math.max(0.25, upExtent / Math.max(1, upExtent + downExtent)));
	return [plotHeight * share, plotHeight * (1 - share)];
}

/** Lays out the timeline of `months` for one chart size; `binHref` links a bin to its rows in the data table. */
export function layoutTimeline(
	months: readonly TimelineMonth[],
	size: TimelineSize,
	binHref: (bin: TimelineBin) => string = (bin) => `/rounds/${bin.firstId}`
): TimelineLayout {
	const { margin, width, height, fontSize } = size;
	const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
	const binSize = chooseBinMonths(months, plot.right - plot.left, size.minColumnWidth);
	const x = scaleUtc().domain(timelineDateDomain(months, binSize)).range([plot.left, plot.right]);
	const bins = binMonths(months, binSize).map((bin) => ({ bin, sums: bin.sums }));
	const extent = (direction: TimelineDirection) =>
		Math.max(1, max(bins, (item) => columnHeight(item.sums[direction])) ?? 0);
	const [upHeight, downHeight] = splitHeights(extent('to_ukraine'), extent('to_russia'), plot.bottom - plot.top);
	const zeroY = plot.top + upHeight;
	// Roughly one gridline every 40 units of height, at least one above zero.
	const tickCount = (panelHeight: number) => verticalTickCount(panelHeight);
	const scales = {
		to_ukraine: scaleLinear()
			.domain([0, extent('to_ukraine')])
			.nice(tickCount(upHeight))
			.range([zeroY, plot.top]),
		to_russia: scaleLinear()
			.domain([0, extent('to_russia')])
			.nice(tickCount(downHeight))
			.range([zeroY, plot.bottom])
	};

	const columns: TimelineColumn[] = bins.map(({ bin, sums }) => {
		const left = x(bin.start);
		const right = x(bin.end);
		const center = (left + right) / 2;
		const barWidth = Math.max(3, Math.min(16, (right - left) * 0.7));
		const stacks = (['to_ukraine', 'to_russia'] as const).flatMap((direction): TimelineStack[] => {
			const sum = sums[direction];
			if (sum.rounds === 0) return [];
			const y = scales[direction];
			const sign = direction === 'to_ukraine' ? -1 : 1;
			const segment = (from: number, to: number): Box | null =>
				to > from
					? {
							x: center - barWidth / 2,
							y: Math.min(y(from), y(to)),
							width: barWidth,
							height: Math.abs(y(to) - y(from))
						}
					: null;
			const base = sum.confirmed + sum.announced;
			const top = y(columnHeight(sum));
			const arrowSize = 4;
			const tip = top + sign * (arrowSize + 2);
			return [
				{
					direction,
					confirmed: segment(0, sum.confirmed),
					announced: segment(sum.confirmed, base),
					range:
						sum.disputedRounds > 0
							? {
									x: center,
									baseY: y(base),
									lowY: y(base + sum.disputedLow),
									highY: y(base + sum.disputedHigh),
									tickHalfWidth: barWidth / 2,
									dotRadius: 2.5
								}
							: null,
					boundArrow: sum.bound
						? `M${center - arrowSize},${tip - sign * arrowSize}L${center},${tip}L${center + arrowSize},${tip - sign * arrowSize}`
						: null
				}
			];
		});
		const label = binLabel(bin);
		const lines = (['to_ukraine', 'to_russia'] as const).map((direction) =>
			m.chart_tooltip_sums({ direction: directionLabel(direction), sums: describeSums(sums[direction]) })
		);
		return {
			key: String(bin.start.getTime()),
			href: binHref(bin),
			hit: { x: left, y: plot.top, width: right - left, height: plot.bottom - plot.top },
			stacks,
			description: `${label}. ${lines.join('. ')}.`,
			tooltip: [label, ...lines]
		};
	});

	const yTicks = (['to_ukraine', 'to_russia'] as const).flatMap((direction) =>
		scales[direction]
			.ticks(tickCount(direction === 'to_ukraine' ? upHeight : downHeight))
			// Zero is labelled once, by the upper scale.
			.filter((value) => value > 0 || direction === 'to_ukraine')
			.map((value) => ({
				key: `${direction}-${value}`,
				y: scales[direction](value),
				label: formatNumber(value)
			}))
	);
	return {
		variant: size.variant,
		width,
		height,
		fontSize,
		plot,
		zeroY,
		binMonths: binSize,
		xTicks: timeTicks(x, fontSize, width),
		yTicks,
		directionLabels: [
			{ key: 'to_ukraine', x: plot.left, y: plot.top - 8, text: m.chart_timeline_axis_up() },
			{ key: 'to_russia', x: plot.left, y: height - 4, text: m.chart_timeline_axis_down() }
		],
		columns
	};
}

/**
 * One sentence about the rounds on the timeline: how many, over which months, and how many have a
 * confirmed or a disputed figure for returns to Ukraine.
 */
export function summarizeTimeline(input: TimelineInput, population: TimelinePopulation): string {
	if (input.rounds === 0 || input.first === null || input.last === null) return m.chart_timeline_empty();
	const inputs = {
		count: input.rounds,
		countText: formatNumber(input.rounds),
		first: formatMonthYear(parseIsoDate(input.first)),
		last: formatMonthYear(parseIsoDate(input.last)),
		confirmed: formatNumber(input.confirmed),
		disputed: formatNumber(input.disputed)
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

/** Rows of the table behind the timeline, in the order given (the table's is oldest first, like the chart). */
export function timelineTable(rounds: readonly TimelineRound[]): TimelineTableRow[] {
	return rounds.map((round) => ({
		key: round.id,
		label: round.label,
		href: round.href,
		toUkraine: describeCell(round.toUkraine),
		toRussia: describeCell(round.toRussia)
	}));
}

/** What the timeline draws, computed on the server so that D3 never ships to the browser: kept per dataset and language. */
export interface TimelineDrawing {
	population: TimelinePopulation;
	summary: string;
	layouts: TimelineLayout[];
	/** The rows of its table, each a round; a page shows some of them (see queries/charts.ts). */
	rowCount: number;
	empty: boolean;
}

/** The timeline with the rows of its table a page shows. */
export interface TimelineModel extends TimelineDrawing {
	table: TimelineTableRow[];
}

/** The timeline of one population: summary and a layout per width variant. */
export function timelineDrawing(
	input: TimelineInput,
	population: TimelinePopulation,
	widths: readonly number[] = MODEL_WIDTHS
): TimelineDrawing {
	// A column links to its first round's row on the chart's data page, where the rest of the bin follows.
	const binHref = (bin: TimelineBin) => {
		const page = Math.floor(bin.firstRow / DATA_PAGE_SIZE) + 1;
		return `/charts/timeline-${population}?page=${page}#timeline-${population}-${bin.firstId}`;
	};
	return {
		population,
		summary: summarizeTimeline(input, population),
		layouts: widths.map((width) => roundGeometry(layoutTimeline(input.months, timelineSize(width), binHref))),
		rowCount: input.rounds,
		empty: input.rounds === 0
	};
}
