// Helpers shared by the chart layouts: dates, time ticks, label placement and tooltip placement; pure and unit-tested.
import type { ScaleTime } from 'd3-scale';
import { symbol, symbolCircle, symbolCross, symbolDiamond2, symbolSquare, symbolTriangle2 } from 'd3-shape';
import { PARTY, type MarkerShape, type PartyKey } from '../design/tokens';
import { formatShortMonthYear, formatYear } from '../format/locale-formats';

/**
 * Each chart is laid out twice, at the widths of src/lib/charts/sizing.ts. Pages draw the narrow layout once, scaled
 * by its viewBox to the column and at most 32rem wide (see ChartFrame.svelte), so that its text stays readable from
 * 320 px up without any script and the page does not carry the chart twice; the 1200 px images draw the wide one.
 */
export type Variant = 'wide' | 'narrow';

/** The layout a page draws: the one that reads well in any column from a phone's to a desktop's. */
export function pageLayout<T extends { variant: Variant }>(layouts: readonly T[]): T | undefined {
	return layouts.find((layout) => layout.variant === 'narrow');
}

/** Rows per page of a chart's data page, /charts/<name>: the marks link to the page that holds their rows. */
export const DATA_PAGE_SIZE = 50;

/** Font size of the charts' text, in viewBox units; with the viewBox widths below it renders at 11 to 17 px. */
export const FONT_SIZE: Record<Variant, number> = { wide: 13, narrow: 12 };

/** The space around a chart's plotting area, in viewBox units. */
export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** An axis-aligned rectangle in viewBox units, used to keep labels apart. */
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** "2024-12-30" -> the Date at midnight UTC of that day, whatever the machine's time zone. */
export function parseIsoDate(isoDate: string): Date {
	const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day));
}

/** The first day of the calendar quarter that contains `date`. */
export function quarterFloor(date: Date): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1));
}

/** The first day of the next calendar quarter, unless `date` already is the first day of a quarter. */
export function quarterCeil(date: Date): Date {
	const floor = quarterFloor(date);
	return floor.getTime() === date.getTime()
		? floor
		: new Date(Date.UTC(floor.getUTCFullYear(), floor.getUTCMonth() + 3, 1));
}

/** The first days of the quarters from `start` to `end`, both included. */
export function quarterStarts(start: Date, end: Date): Date[] {
	const ticks: Date[] = [];
	for (
		let tick = quarterCeil(start);
		tick.getTime() <= end.getTime();
		tick = new Date(Date.UTC(tick.getUTCFullYear(), tick.getUTCMonth() + 3, 1))
	) {
		ticks.push(tick);
	}
	return ticks;
}

/** A tick of a time axis: `major` ticks carry a label, minor ones only a short line. */
export interface TimeTick {
	key: number;
	x: number;
	label: string;
	major: boolean;
	/** Centred under the tick, unless that would run past the edge of the chart. */
	anchor: 'start' | 'middle' | 'end';
}

/**
 * Quarterly ticks along a time scale. Every quarter is labelled with month and year when there
 * are few enough and the labels fit side by side; otherwise only the new year's quarters are
 * labelled with the year, or every other year's when even those would not fit. Labels that would
 * run past the chart (from 0 to `chartWidth`) are aligned to the tick instead of centred.
 */
export function timeTicks(x: ScaleTime<number, number>, fontSize: number, chartWidth: number): TimeTick[] {
	const [start, end] = x.domain() as [Date, Date];
	const quarters = quarterStarts(start, end);
	const spacing = quarters.length > 1 ? x(quarters[1] as Date) - x(quarters[0] as Date) : Infinity;
	const room = (sample: string) => estimateTextWidth(sample, fontSize) + fontSize;
	// Room for the widest quarter label in the current locale ("Sept 2024", "вер. 2024 р.").
	const widest = quarters.map((date) => formatShortMonthYear(date)).reduce((a, b) => (b.length > a.length ? b : a), '');
	const yearly = quarters.length > 8 || spacing < room(widest);
	const yearStep = yearly && spacing * 4 < room('0000') ? 2 : 1;
	return quarters.map((date) => {
		const major = yearly ? date.getUTCMonth() === 0 && date.getUTCFullYear() % yearStep === 0 : true;
		const label = major ? (yearly ? formatYear(date) : formatShortMonthYear(date)) : '';
		const position = x(date);
		const halfWidth = estimateTextWidth(label, fontSize) / 2;
		const anchor = position - halfWidth < 0 ? 'start' : position + halfWidth > chartWidth ? 'end' : 'middle';
		return { key: date.getTime(), x: position, label, major, anchor };
	});
}

/** Compares strings by code unit rather than locale, so that the order is the same on every machine. */
export function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * An estimate of the width of a line of text, good enough to keep labels from overlapping: 0.6 em a character, 0.7 em
 * a Cyrillic letter, which is wider (in DejaVu Sans, the images' font, about 0.66 em, and 0.75 in bold, where Latin
 * letters take under 0.6).
 */
export function estimateTextWidth(text: string, fontSize: number): number {
	let ems = 0;
	for (const character of text) ems += CYRILLIC.test(character) ? 0.7 : 0.6;
	return ems * fontSize;
}

/** Whether two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A straight piece of a drawn line, from (x1, y1) to (x2, y2). */
export interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/**
 * Whether some part of a segment lies inside a box (Liang–Barsky clipping; a segment along an edge does not count):
 * a label must not sit where a line is drawn through it, whatever its halo.
 */
export function segmentCrossesBox(segment: Segment, box: Box): boolean {
	const dx = segment.x2 - segment.x1;
	const dy = segment.y2 - segment.y1;
	let enter = 0;
	let leave = 1;
	const edges: [number, number][] = [
		[-dx, segment.x1 - box.x],
		[dx, box.x + box.width - segment.x1],
		[-dy, segment.y1 - box.y],
		[dy, box.y + box.height - segment.y1]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q <= 0) return false;
		} else if (p < 0) enter = Math.max(enter, q / p);
		else leave = Math.min(leave, q / p);
	}
	return enter < leave;
}

/**
 * Moves label positions apart so that neighbours are at least `minGap` apart, keeping them
 * between `lower` and `upper` and as near their wanted positions as that allows. Returns the
 * new positions in the input's order.
 */
export function dodge(wanted: readonly number[], minGap: number, lower: number, upper: number): number[] {
	const order = wanted.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value || a.index - b.index);
	const placed = order.map((item) => Math.min(Math.max(item.value, lower), upper));
	for (let i = 1; i < placed.length; i++) {
		placed[i] = Math.max(placed[i] as number, (placed[i - 1] as number) + minGap);
	}
	// If the labels ran past the upper bound, push them back down from the top.
	const last = placed.length - 1;
	if (last >= 0 && (placed[last] as number) > upper) {
		placed[last] = upper;
		for (let i = last - 1; i >= 0; i--) {
			placed[i] = Math.min(placed[i] as number, (placed[i + 1] as number) - minGap);
		}
	}
	const result: number[] = new Array(wanted.length);
	order.forEach((item, rank) => {
		result[item.index] = placed[rank] as number;
	});
	return result;
}

/** An SVG path's data: a moveto first, then commands and numbers only (so a label such as "1.25" is not one). */
const PATH_DATA = /^[Mm][MLHVCSQTAZmlhvcsqtaz\d.,\s-]*$/;

/**
 * A layout with every coordinate rounded to a tenth of a viewBox unit (under a fifth of a pixel in any drawing we
 * make), numbers inside path data included: the page then carries "48.9" where D3 computed "48.95551257253385".
 */
export function roundGeometry<T>(value: T): T {
	if (typeof value === 'number') return (Number.isInteger(value) ? value : Math.round(value * 10) / 10) as T;
	if (typeof value === 'string') {
		return (
			PATH_DATA.test(value) && /\d\.\d{2}/.test(value)
				? value.replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 10) / 10))
				: value
		) as T;
	}
	if (Array.isArray(value)) return value.map((item) => roundGeometry(item)) as T;
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, roundGeometry(item)])) as T;
	}
	return value;
}

/** Which rows of a chart's table a page shows: the latest few (the overview, an embed), or a page of the data page. */
export type TableWindow = { kind: 'latest'; count: number } | { kind: 'page'; page: number; size: number };

/**
 * The rows of a table of `rowCount` rows a window shows, as the offset of the first and how many; `newestFirst` says
 * which end the latest rows are at.
 */
export function windowRange(
	window: TableWindow,
	rowCount: number,
	newestFirst: boolean
): { offset: number; limit: number } {
	if (window.kind === 'latest') {
		const limit = Math.min(window.count, rowCount);
		return { offset: newestFirst ? 0 : rowCount - limit, limit };
	}
	return { offset: (window.page - 1) * window.size, limit: window.size };
}

const SHAPES = {
	circle: symbolCircle,
	square: symbolSquare,
	diamond: symbolDiamond2,
	triangle: symbolTriangle2,
	cross: symbolCross
} as const;

/** A marker's path of `shape`, centred on (0, 0), with the area `area` (as d3-shape's symbol size). */
export function shapePath(shape: MarkerShape, area: number): string {
	return symbol(SHAPES[shape], area)() ?? '';
}

/** A party's marker path, in the party's shape from the design tokens: every chart draws a party's figures so. */
export function partySymbol(party: PartyKey, area: number): string {
	return shapePath(PARTY[party].shape, area);
}
