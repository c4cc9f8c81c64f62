// Layout, words and tables of the cumulative chart: running sums of people returned to Ukraine next to the totals officials stated.
import { bisector, max } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { partyColour, partyOfSide, type PartyKey } from '../design/tokens';
import { claimSpeaker } from '../format/data-words';
import { formatDate, formatFigure, formatNumber } from '../format/figures';
import { m } from '../paraglide/messages.js';
import {
	FONT_SIZE,
	roundGeometry,
	boxesOverlap,
	compareStrings,
	dodge,
	estimateTextWidth,
	parseIsoDate,
	partySymbol,
	quarterCeil,
	quarterFloor,
	segmentCrossesBox,
	timeTicks,
	type Box,
	type Margin,
	type Segment,
	type TimeTick,
	type Variant
} from './chart-utils';
import { chartHeight, CUMULATIVE_HEIGHT, MODEL_WIDTHS, variantOf, verticalTickCount } from './sizing';
import type { CumulativeInput, CumulativePoint, StatedTotal } from './types';

/** The three running sums, in the order they are drawn and labelled. */
export const SERIES_KEYS = ['kyiv', 'moscow', 'confirmed'] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** The fixed geometry of one variant of the cumulative chart, in viewBox units. */
export interface CumulativeSize {
	variant: Variant;
	width: number;
	height: number;
	margin: Margin;
	fontSize: number;
	/** Area of a stated total's marker, as d3-shape's symbol size. */
	markerArea: number;
}

/** The cumulative chart's geometry at `width` units: its height and arrangement follow the width (see sizing.ts). */
export function cumulativeSize(width: number): CumulativeSize {
	const variant = variantOf(width);
	return {
		variant,
		width,
		height: chartHeight(width, CUMULATIVE_HEIGHT),
		margin: { top: 14, right: variant === 'wide' ? 16 : 10, bottom: 28, left: 52 },
		fontSize: FONT_SIZE[variant],
		markerArea: variant === 'wide' ? 64 : 52
	};
}

/** The name of a running sum, as its direct label and table header say it. */
export function seriesLabel(key: SeriesKey): string {
	return { kyiv: m.chart_series_kyiv, moscow: m.chart_series_moscow, confirmed: m.chart_series_confirmed }[key]();
}

export interface CumulativeLine {
	key: SeriesKey;
	/** The step line's path. */
	d: string;
	/**
	 * The line's end label in the right margin, its lines of text (name and value, or the value alone) starting at `x`,
	 * each at its baseline `y`: with the leader, it tells the lines apart without colour.
	 */
	label: { x: number; lines: { key: number; y: number; text: string }[] };
	/** A thin path from the line's end to its label, which may sit higher or lower to keep clear of the others. */
	leader: string;
}

export interface StatedPoint {
	key: string;
	href: string;
	x: number;
	y: number;
	/** A qualified total ("more than 7,000", "about 3,310") is drawn hollow. */
	bound: boolean;
	/** Who stated it: the marker's shape and colour are the party's, from the design tokens. */
	party: PartyKey;
	colour: string;
	/** The marker's path, centred on (0, 0). */
	symbol: string;
	/** The printed value, or `null` when there is no room for it; the tooltip and the table still give it. */
	label: { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end' } | null;
	description: string;
	tooltip: string[];
}

export interface CumulativeLayout {
	variant: Variant;
	width: number;
	height: number;
	fontSize: number;
	plot: { left: number; right: number; top: number; bottom: number };
	xTicks: TimeTick[];
	yTicks: { value: number; y: number; label: string }[];
	lines: CumulativeLine[];
	points: StatedPoint[];
}

const byDate = bisector((point: CumulativePoint) => point.date);

/**
 * Each series' points in date order, sorted once per series: the tables ask for a value on every date, and sorting for
 * each question made them quadratic in the number of rounds.
 */
const sortedSeries = new WeakMap<readonly CumulativePoint[], CumulativePoint[]>();

/** A running sum's value on `isoDate`: the sum over every round up to and including that day, 0 before the first. */
export function valueOn(points: readonly CumulativePoint[], isoDate: string): number {
	let sorted = sortedSeries.get(points);
	if (!sorted) sortedSeries.set(points, (sorted = [...points].sort((a, b) => compareStrings(a.date, b.date))));
	const index = byDate.right(sorted, isoDate) - 1;
	return index >= 0 ? (sorted[index] as CumulativePoint).value : 0;
}

/** The first and last day on the chart: every running-sum point and every stated total falls in between. */
export function cumulativeDateRange(input: CumulativeInput): [string, string] | null {
	const dates = [
		...SERIES_KEYS.flatMap((key) => input[key].map((point) => point.date)),
		...input.statedTotals.map((total) => total.date)
	].sort(compareStrings);
	const first = dates[0];
	const last = dates[dates.length - 1];
	return first !== undefined && last !== undefined ? [first, last] : null;
}

/**
 * The points of a running sum's step line: its own points, held level to `lastDate` so that the
 * sum still shows where a stated total comes after the last round.
 */
export function stepPoints(points: readonly CumulativePoint[], lastDate: string): CumulativePoint[] {
	const sorted = [...points].sort((a, b) => compareStrings(a.date, b.date));
	const last = sorted[sorted.length - 1];
	if (last && compareStrings(last.date, lastDate) < 0) sorted.push({ date: lastDate, value: last.value });
	return sorted;
}

/** The stated total a summary compares with: the latest, and of several on that day the largest. */
export function latestStatedTotal(totals: readonly StatedTotal[]): StatedTotal | null {
	let latest: StatedTotal | null = null;
	for (const total of totals) {
		if (!latest || compareStrings(total.date, latest.date) > 0) latest = total;
		else if (total.date === latest.date && total.value > latest.value) latest = total;
	}
	return latest;
}

/**
 * The leaders of the end labels, in viewBox units: each runs level from just past its line's end (`gap`) to `elbow`
 * past the plot's right edge, then slants over `slant` to its label, which starts `gap` after it.
 */
const END_LABEL = { gap: 3, elbow: 3, slant: 8 } as const;

interface Corner {
	x: number;
	y: number;
}

/** A path through `corners` in straight pieces. */
const polyline = line<Corner>()
	.x((corner) => corner.x)
	.y((corner) => corner.y);

/** The straight pieces between consecutive corners. */
function segmentsOf(corners: readonly Corner[]): Segment[] {
	return corners.slice(1).map((corner, index) => {
		const from = corners[index] as Corner;
		return { x1: from.x, y1: from.y, x2: corner.x, y2: corner.y };
	});
}

/** Lays out the cumulative chart for one chart size. */
export function layoutCumulative(input: CumulativeInput, size: CumulativeSize): CumulativeLayout {
	const { margin, width, height, fontSize } = size;
	const range = cumulativeDateRange(input) ?? ['2022-01-01', '2022-01-01'];
	const lastDate = range[1];
	const drawn = SERIES_KEYS.filter((key) => input[key].length > 0);
	// A line's end label: its name and last value on the wide chart; on the narrow one, where a name would take a third
	// of the width, its value alone (the legend above the chart names the lines by their dashes and colours).
	const endTexts = drawn.map((key) => {
		const value = formatNumber(valueOn(input[key], lastDate));
		return { key, texts: size.variant === 'wide' ? [seriesLabel(key), value] : [value] };
	});
	// The end labels are bold, so a little wider than the estimate for regular text.
	const endLabelsWidth = max(
		endTexts.flatMap(({ texts }) => texts.map((text) => estimateTextWidth(text, fontSize) * 1.1))
	);
	const right =
		endLabelsWidth === undefined
			? margin.right
			: Math.max(margin.right, END_LABEL.elbow + END_LABEL.slant + END_LABEL.gap + endLabelsWidth + 2);
	const plot = { left: margin.left, right: width - right, top: margin.top, bottom: height - margin.bottom };
	const x = scaleUtc()
		.domain([
			quarterFloor(parseIsoDate(range[0])),
			quarterCeil(new Date(parseIsoDate(lastDate).getTime() + 86_400_000))
		])
		.range([plot.left, plot.right]);
	const highest = max([...SERIES_KEYS.flatMap((key) => input[key]), ...input.statedTotals], (point) => point.value);
	// A gridline about every 50 units of height: six on the wide chart, five on the narrow one.
	const yTickCount = verticalTickCount(plot.bottom - plot.top, 50, 2);
	const y = scaleLinear()
		.domain([0, Math.max(1, highest ?? 0)])
		.nice(yTickCount)
		.range([plot.bottom, plot.top]);
	// One step per two units of width at most (under three pixels on any page): the path's length is bounded by the
	// chart's width, not by the data; of the rounds within a step, the last one's sum is drawn.
	const thinned = (points: readonly CumulativePoint[]) => {
		const byColumn = new Map<number, CumulativePoint>();
		for (const point of points) byColumn.set(Math.round(x(parseIsoDate(point.date)) / 2), point);
		return [...byColumn.values()];
	};
	const stepLine = line<CumulativePoint>()
		.x((point) => x(parseIsoDate(point.date)))
		.y((point) => y(point.value))
		.curve(curveStepAfter);
	const steps = drawn.map((key) => thinned(stepPoints(input[key], lastDate)));
	// The lines' corners as they are drawn, each step along and then up: a stated total's label must not sit on any
	// piece between them, or the line would be drawn through its figure.
	const lineCorners = steps.map((points) =>
		points.flatMap((point, index): Corner[] => {
			const corner = { x: x(parseIsoDate(point.date)), y: y(point.value) };
			const before = points[index - 1];
			return before ? [{ x: corner.x, y: y(before.value) }, corner] : [corner];
		})
	);

	// The largest of the shapes (the diamond) reaches 0.63 × √area from its centre.
	const markerRadius = Math.sqrt(size.markerArea) * 0.63;
	// Markers of one party closer than a twentieth of the plot’s width share one: at most twenty per party, whatever the data.
	const cell = Math.max(2 * markerRadius, (plot.right - plot.left) / 20);
	const placed = groupStatedTotals(input.statedTotals, (total) => x(parseIsoDate(total.date)), cell).map(
		({ total, others }) => ({ total, others, x: x(parseIsoDate(total.date)), y: y(total.value) })
	);

	// Each line's end label sits in the right margin, in the order the lines end from top to bottom: level with its
	// line's end where there is room, otherwise moved up or down just enough (dodge keeps the order) and joined to the
	// end by a leader. Nothing else is drawn there, so no line crosses it and it crosses nothing.
	const endX = x(parseIsoDate(lastDate));
	const elbowX = plot.right + END_LABEL.elbow;
	const labelX = elbowX + END_LABEL.slant + END_LABEL.gap;
	const lineHeight = fontSize + 2;
	const blockHeight = (size.variant === 'wide' ? lineHeight : 0) + fontSize;
	const ends = endTexts.map(({ key }) => y(valueOn(input[key], lastDate)));
	const centres = dodge(ends, blockHeight + 2, blockHeight / 2, plot.bottom - blockHeight / 2);
	const leaders = endTexts.map((_, index): Corner[] => [
		{ x: endX + END_LABEL.gap, y: ends[index] as number },
		{ x: elbowX, y: ends[index] as number },
		{ x: elbowX + END_LABEL.slant, y: centres[index] as number }
	]);
	const lines: CumulativeLine[] = endTexts.map(({ key, texts }, index) => {
		// The first baseline that centres the block of text on the leader's end (a line of text reaches 0.8 em above
		// its baseline and 0.2 em below).
		const firstBaseline = (centres[index] as number) - ((texts.length - 1) * lineHeight - 0.6 * fontSize) / 2;
		return {
			key,
			d: stepLine(steps[index] ?? []) ?? '',
			label: {
				x: labelX,
				lines: texts.map((text, line) => ({ key: line, y: firstBaseline + line * lineHeight, text }))
			},
			leader: polyline(leaders[index] ?? []) ?? ''
		};
	});

	// Everything a stated total's label must keep clear of: every marker, and the labels placed so far; the lines and
	// leaders are checked apart, as pieces rather than boxes.
	const obstacles: Obstacle[] = placed.map((point) => ({
		owner: point.total.claimId,
		box: {
			x: point.x - markerRadius,
			y: point.y - markerRadius,
			width: 2 * markerRadius,
			height: 2 * markerRadius
		}
	}));
	const segments = [...lineCorners, ...leaders].flatMap(segmentsOf);
	// Labels are placed newest and largest first, so that the latest totals keep theirs when space runs out.
	const labelOrder = [...placed].sort(
		(a, b) =>
			compareStrings(b.total.date, a.total.date) ||
			b.total.value - a.total.value ||
			compareStrings(a.total.claimId, b.total.claimId)
	);
	const labels = new Map<string, StatedPoint['label']>();
	const labelledValues = new Set<string>();
	for (const point of labelOrder) {
		const text = formatFigure(point.total.value, point.total.qualifier);
		// The same total stated by several people on one day is labelled once.
		const sameValueKey = `${point.total.date}|${text}`;
		if (labelledValues.has(sameValueKey)) continue;
		const label = placeLabel(point.total.claimId, point, text, markerRadius, fontSize, obstacles, segments, {
			left: plot.left,
			right: plot.right,
			top: 0,
			bottom: plot.bottom
		});
		if (label) {
			labels.set(point.total.claimId, label.label);
			obstacles.push({ owner: null, box: label.box });
			labelledValues.add(sameValueKey);
		}
	}

	const points: StatedPoint[] = placed.map(({ total, others, x: pointX, y: pointY }) => {
		const figure = formatFigure(total.value, total.qualifier);
		const date = formatDate(total.date);
		const kyivSum = formatNumber(valueOn(input.kyiv, total.date));
		const party = partyOfSide(total.side);
		const more = others > 0 ? [m.chart_stated_more({ count: others, countText: formatNumber(others) })] : [];
		return {
			key: total.claimId,
			href: total.href,
			x: pointX,
			y: pointY,
			bound: total.qualifier !== 'exact',
			party,
			colour: partyColour(party),
			symbol: partySymbol(party, size.markerArea),
			label: labels.get(total.claimId) ?? null,
			description: [m.chart_stated_mark({ claimant: claimSpeaker(total), figure, date, kyivSum }), ...more].join(' '),
			tooltip: [
				claimSpeaker(total),
				m.chart_stated_tooltip_total({ figure, date }),
				m.chart_stated_tooltip_kyiv({ kyivSum }),
				...more
			]
		};
	});

	return {
		variant: size.variant,
		width,
		height,
		fontSize,
		plot,
		xTicks: timeTicks(x, fontSize, width),
		yTicks: y.ticks(yTickCount).map((value) => ({ value, y: y(value), label: formatNumber(value) })),
		lines,
		points
	};
}

/**
 * The stated totals a chart draws a marker for: of the totals of one party whose markers would fall within `cell`
 * of each other, the latest (and of one day the largest), with how many others it stands for. The number of markers
 * is then bounded by the chart's width, whatever the number of totals; the table lists every one.
 */
export function groupStatedTotals(
	totals: readonly StatedTotal[],
	xOf: (total: StatedTotal) => number,
	cell: number
): { total: StatedTotal; others: number }[] {
	const groups = new Map<string, { total: StatedTotal; others: number }>();
	for (const total of totals) {
		const key = `${total.side}|${Math.floor(xOf(total) / cell)}`;
		const group = groups.get(key);
		if (!group) groups.set(key, { total, others: 0 });
		else {
			group.others += 1;
			const later = compareStrings(total.date, group.total.date);
			if (later > 0 || (later === 0 && total.value > group.total.value)) group.total = total;
		}
	}
	return [...groups.values()].sort(
		(a, b) => compareStrings(a.total.date, b.total.date) || compareStrings(a.total.claimId, b.total.claimId)
	);
}

/** How far a label keeps from a line's middle: half the widest line (the confirmed sum's, 3 units). */
const LINE_MARGIN = 1.5;

/** Something a label must not overlap; `owner` is the stated total whose marker it is, if any. */
interface Obstacle {
	owner: string | null;
	box: Box;
}

/**
 * The first of above, left, right, below and the four corners of the marker where the label fits without overlapping
 * anything else or being crossed by a line (with a margin for the line's width); none, and the figure is left to the
 * tooltip and the table.
 */
function placeLabel(
	owner: string,
	point: { x: number; y: number },
	text: string,
	markerRadius: number,
	fontSize: number,
	obstacles: readonly Obstacle[],
	segments: readonly Segment[],
	bounds: { left: number; right: number; top: number; bottom: number }
): { label: NonNullable<StatedPoint['label']>; box: Box } | null {
	const textWidth = estimateTextWidth(text, fontSize);
	const gap = markerRadius + 3;
	const above = point.y - gap - 1;
	const below = point.y + gap + fontSize * 0.8;
	const candidates: NonNullable<StatedPoint['label']>[] = [
		{ x: point.x, y: above, text, anchor: 'middle' },
		{ x: point.x - gap, y: point.y + fontSize * 0.35, text, anchor: 'end' },
		{ x: point.x + gap, y: point.y + fontSize * 0.35, text, anchor: 'start' },
		{ x: point.x, y: below, text, anchor: 'middle' },
		{ x: point.x - markerRadius, y: above, text, anchor: 'end' },
		{ x: point.x + markerRadius, y: above, text, anchor: 'start' },
		{ x: point.x - markerRadius, y: below, text, anchor: 'end' },
		{ x: point.x + markerRadius, y: below, text, anchor: 'start' }
	];
	for (const candidate of candidates) {
		const left =
			candidate.anchor === 'start'
				? candidate.x
				: candidate.anchor === 'end'
					? candidate.x - textWidth
					: candidate.x - textWidth / 2;
		const box = { x: left, y: candidate.y - fontSize * 0.8, width: textWidth, height: fontSize };
		const inside =
			box.x >= bounds.left &&
			box.x + box.width <= bounds.right &&
			box.y >= bounds.top &&
			box.y + box.height <= bounds.bottom;
		const halo = {
			x: box.x - LINE_MARGIN,
			y: box.y - LINE_MARGIN,
			width: box.width + 2 * LINE_MARGIN,
			height: box.height + 2 * LINE_MARGIN
		};
		if (
			inside &&
			!obstacles.some((other) => other.owner !== owner && boxesOverlap(box, other.box)) &&
			!segments.some((segment) => segmentCrossesBox(segment, halo))
		) {
			return { label: candidate, box };
		}
	}
	return null;
}

/**
 * One sentence comparing the latest stated total with Kyiv's running sum on that day; without a
 * stated total, the three running sums at the end.
 */
export function summarizeCumulative(input: CumulativeInput): string {
	const latest = latestStatedTotal(input.statedTotals);
	if (latest) {
		return m.chart_cumulative_summary({
			date: formatDate(latest.date),
			kyivSum: formatNumber(valueOn(input.kyiv, latest.date)),
			claimant: claimSpeaker(latest),
			stated: formatFigure(latest.value, latest.qualifier)
		});
	}
	const range = cumulativeDateRange(input);
	if (!range) return m.chart_cumulative_empty();
	return m.chart_cumulative_summary_sums({
		date: formatDate(range[1]),
		kyivSum: formatNumber(valueOn(input.kyiv, range[1])),
		moscowSum: formatNumber(valueOn(input.moscow, range[1])),
		confirmedSum: formatNumber(valueOn(input.confirmed, range[1]))
	});
}

/** One row of the running sums' table: the three sums after the rounds of one day. */
export interface CumulativeSumsRow {
	key: string;
	date: string;
	kyiv: string;
	moscow: string;
	confirmed: string;
}

/** The three running sums after the rounds of one day, as numbers. */
export interface DaySums {
	date: string;
	kyiv: number;
	moscow: number;
	confirmed: number;
}

/** The running sums' input, one entry per round date, oldest first like the chart (what the build stores). */
export function daySums(input: Pick<CumulativeInput, SeriesKey>): DaySums[] {
	const dates = [...new Set(SERIES_KEYS.flatMap((key) => input[key].map((point) => point.date)))].sort(compareStrings);
	return dates.map((date) => ({
		date,
		kyiv: valueOn(input.kyiv, date),
		moscow: valueOn(input.moscow, date),
		confirmed: valueOn(input.confirmed, date)
	}));
}

/** Rows of the running sums' table, in the order given (the table's is oldest first, like the chart). */
export function cumulativeSumsTable(days: readonly DaySums[]): CumulativeSumsRow[] {
	return days.map((day) => ({
		key: day.date,
		date: formatDate(day.date),
		kyiv: formatNumber(day.kyiv),
		moscow: formatNumber(day.moscow),
		confirmed: formatNumber(day.confirmed)
	}));
}

/** One row of the stated totals' table. */
export interface StatedTotalRow {
	key: string;
	date: string;
	claimant: string;
	href: string;
	figure: string;
	kyivSum: string;
}

/** Rows of the stated totals' table, each with Kyiv's running sum on its day, in the order given (oldest first). */
export function statedTotalsTable(totals: readonly (StatedTotal & { kyivSum: number })[]): StatedTotalRow[] {
	return totals.map((total) => ({
		key: total.claimId,
		date: formatDate(total.date),
		claimant: claimSpeaker(total),
		href: total.href,
		figure: formatFigure(total.value, total.qualifier),
		kyivSum: formatNumber(total.kyivSum)
	}));
}

/** What the cumulative chart draws, computed on the server so that D3 never ships to the browser: kept per dataset and language. */
export interface CumulativeDrawing {
	summary: string;
	layouts: CumulativeLayout[];
	/** The parties whose stated totals the chart draws, for its legend. */
	statedBy: PartyKey[];
	/** The rows of its tables: a round date each, and a stated total each; a data page pages through the longer. */
	dayCount: number;
	statedCount: number;
	rowCount: number;
	empty: boolean;
}

/** The cumulative chart with the rows of its two tables a page shows. */
export interface CumulativeModel extends CumulativeDrawing {
	sumsTable: CumulativeSumsRow[];
	statedTable: StatedTotalRow[];
}

/** The cumulative chart: summary and a layout per width variant. */
export function cumulativeDrawing(input: CumulativeInput, widths: readonly number[] = MODEL_WIDTHS): CumulativeDrawing {
	const days = new Set(SERIES_KEYS.flatMap((key) => input[key].map((point) => point.date))).size;
	return {
		summary: summarizeCumulative(input),
		layouts: widths.map((width) => roundGeometry(layoutCumulative(input, cumulativeSize(width)))),
		statedBy: [...new Set(input.statedTotals.map((total) => partyOfSide(total.side)))],
		dayCount: days,
		statedCount: input.statedTotals.length,
		rowCount: Math.max(days, input.statedTotals.length),
		empty: days === 0 && input.statedTotals.length === 0
	};
}
