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
	timeTicks,
	type Box,
	type Margin,
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
	/** The direct label at the line's end, so that the lines can be told apart without colour. */
	label: { x: number; y: number; text: string };
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

/** Lays out the cumulative chart for one chart size. */
export function layoutCumulative(input: CumulativeInput, size: CumulativeSize): CumulativeLayout {
	const { margin, width, height, fontSize } = size;
	const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
	const range = cumulativeDateRange(input) ?? ['2022-01-01', '2022-01-01'];
	const lastDate = range[1];
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

	const drawn = SERIES_KEYS.filter((key) => input[key].length > 0);
	const ends = drawn.map((key) => y(valueOn(input[key], lastDate)));
	// Direct labels sit just above their line's end, right-aligned, moved apart where lines end close together.
	const labelYs = dodge(
		ends.map((endY) => endY - 5),
		fontSize + 2,
		plot.top + fontSize,
		plot.bottom - 4
	);

	// The largest of the shapes (the diamond) reaches 0.63 × √area from its centre.
	const markerRadius = Math.sqrt(size.markerArea) * 0.63;
	// Markers of one party closer than a twentieth of the plot’s width share one: at most twenty per party, whatever the data.
	const cell = Math.max(2 * markerRadius, (plot.right - plot.left) / 20);
	const placed = groupStatedTotals(input.statedTotals, (total) => x(parseIsoDate(total.date)), cell).map(
		({ total, others }) => ({ total, others, x: x(parseIsoDate(total.date)), y: y(total.value) })
	);
	const markerBoxes: Obstacle[] = placed.map((point) => ({
		owner: point.total.claimId,
		box: {
			x: point.x - markerRadius,
			y: point.y - markerRadius,
			width: 2 * markerRadius,
			height: 2 * markerRadius
		}
	}));
	// A direct label keeps clear of the markers and the labels above it: where its place is taken it moves up or down
	// a line at a time, as little as it can, and stays at its place only when nowhere in the plot is free.
	const seriesBoxes: Box[] = [];
	const lines: CumulativeLine[] = drawn.map((key, index) => {
		const text = m.chart_series_end({ series: seriesLabel(key), value: formatNumber(valueOn(input[key], lastDate)) });
		// The direct labels are bold, so a little wider than the estimate for regular text.
		const textWidth = estimateTextWidth(text, fontSize) * 1.1;
		const boxAt = (labelY: number): Box => ({
			x: plot.right - textWidth,
			y: labelY - fontSize,
			width: textWidth,
			height: fontSize + 2
		});
		const wanted = labelYs[index] as number;
		const free = (labelY: number) =>
			labelY - fontSize >= 0 &&
			labelY + 2 <= plot.bottom &&
			![...markerBoxes.map((item) => item.box), ...seriesBoxes].some((other) => boxesOverlap(boxAt(labelY), other));
		const steps = Array.from(
			{ length: 40 },
			(_, step) => ((step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * fontSize) / 2
		);
		const labelY = steps.map((step) => wanted + step).find(free) ?? wanted;
		seriesBoxes.push(boxAt(labelY));
		return {
			key,
			d: stepLine(thinned(stepPoints(input[key], lastDate))) ?? '',
			label: { x: plot.right, y: labelY, text }
		};
	});

	// Everything a stated total's label must keep clear of: the direct labels, every marker, and the labels placed so far.
	const obstacles: Obstacle[] = [
		...seriesBoxes.map((box) => ({ owner: null, box })),
		...placed.map((point) => ({
			owner: point.total.claimId,
			box: {
				x: point.x - markerRadius,
				y: point.y - markerRadius,
				width: 2 * markerRadius,
				height: 2 * markerRadius
			}
		}))
	];
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
		const label = placeLabel(point.total.claimId, point, text, markerRadius, fontSize, obstacles, {
			left: plot.left,
			right: width,
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

/** Something a label must not overlap; `owner` is the stated total whose marker it is, if any. */
interface Obstacle {
	owner: string | null;
	box: Box;
}

/** The first of above, left, right and below the marker where the label fits without overlapping anything else. */
function placeLabel(
	owner: string,
	point: { x: number; y: number },
	text: string,
	markerRadius: number,
	fontSize: number,
	obstacles: readonly Obstacle[],
	bounds: { left: number; right: number; top: number; bottom: number }
): { label: NonNullable<StatedPoint['label']>; box: Box } | null {
	const textWidth = estimateTextWidth(text, fontSize);
	const gap = markerRadius + 3;
	const candidates: NonNullable<StatedPoint['label']>[] = [
		{ x: point.x, y: point.y - gap - 1, text, anchor: 'middle' },
		{ x: point.x - gap, y: point.y + fontSize * 0.35, text, anchor: 'end' },
		{ x: point.x + gap, y: point.y + fontSize * 0.35, text, anchor: 'start' },
		{ x: point.x, y: point.y + gap + fontSize * 0.8, text, anchor: 'middle' }
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
		if (inside && !obstacles.some((other) => other.owner !== owner && boxesOverlap(box, other.box))) {
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

/** The running sums' table, one row per round date, oldest first like the chart. */
export function cumulativeSumsTable(input: CumulativeInput): CumulativeSumsRow[] {
	const dates = [...new Set(SERIES_KEYS.flatMap((key) => input[key].map((point) => point.date)))].sort(compareStrings);
	return dates.map((date) => ({
		key: date,
		date: formatDate(date),
		kyiv: formatNumber(valueOn(input.kyiv, date)),
		moscow: formatNumber(valueOn(input.moscow, date)),
		confirmed: formatNumber(valueOn(input.confirmed, date))
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

/** The stated totals with Kyiv's running sum on the same day, oldest first. */
export function statedTotalsTable(input: CumulativeInput): StatedTotalRow[] {
	return [...input.statedTotals]
		.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.claimId, b.claimId))
		.map((total) => ({
			key: total.claimId,
			date: formatDate(total.date),
			claimant: claimSpeaker(total),
			href: total.href,
			figure: formatFigure(total.value, total.qualifier),
			kyivSum: formatNumber(valueOn(input.kyiv, total.date))
		}));
}

/** Everything the cumulative chart draws, computed on the server so that D3 never ships to the browser. */
export interface CumulativeModel {
	summary: string;
	layouts: CumulativeLayout[];
	sumsTable: CumulativeSumsRow[];
	statedTable: StatedTotalRow[];
	/** The parties whose stated totals the chart draws, for its legend. */
	statedBy: PartyKey[];
	empty: boolean;
}

/** The cumulative chart: summary, a layout per width variant, and the two tables behind it. */
export function cumulativeModel(input: CumulativeInput, widths: readonly number[] = MODEL_WIDTHS): CumulativeModel {
	const sumsTable = cumulativeSumsTable(input);
	const statedTable = statedTotalsTable(input);
	return {
		summary: summarizeCumulative(input),
		layouts: widths.map((width) => roundGeometry(layoutCumulative(input, cumulativeSize(width)))),
		sumsTable,
		statedTable,
		statedBy: [...new Set(input.statedTotals.map((total) => partyOfSide(total.side)))],
		empty: sumsTable.length === 0 && statedTable.length === 0
	};
}
