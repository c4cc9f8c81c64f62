// Layout, words and table of the discrepancy chart: one dot-range row per round and direction whose stated figures differ.
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatDate, formatFigure, formatNumber } from '../format/figures';
import { m } from '../paraglide/messages.js';
import {
	FONT_SIZE,
	compareStrings,
	roundGeometry,
	estimateTextWidth,
	partySymbol,
	type Margin,
	type Variant
} from './chart-utils';
import { partyColour, partyKeys, partyOfSide, type PartyKey } from '../design/tokens';
import type { Qualifier } from '../schemas/vocabulary';
import { horizontalTickCount, MODEL_WIDTHS, variantOf } from './sizing';
import type { Discrepancy, DiscrepancyFigure } from './types';

export type DiscrepancyPopulation = Discrepancy['population'];
export const DISCREPANCY_POPULATIONS: readonly DiscrepancyPopulation[] = ['people', 'bodies'];

/** The fixed geometry of one variant of the discrepancy chart; the height grows with the number of rows. */
export interface DiscrepancySize {
	variant: Variant;
	width: number;
	/** `left` leaves room for the row labels when they sit beside the rows; `right` for the gap labels. */
	margin: Margin;
	rowHeight: number;
	/** Beside the row on wide charts; above it on narrow ones, where there is no room beside it. */
	labelPlacement: 'left' | 'above';
	/** Height of a panel's heading and of its axis. */
	headingHeight: number;
	axisHeight: number;
	fontSize: number;
	markerArea: number;
}

/**
 * The discrepancy chart's geometry at `width` units: wide, the row labels sit beside the rows; narrow, above them.
 * Its height follows its rows; its ticks follow its width (see sizing.ts).
 */
export function discrepancySize(width: number): DiscrepancySize {
	const variant = variantOf(width);
	const common = { width, headingHeight: 26, axisHeight: 30, fontSize: FONT_SIZE[variant] };
	return variant === 'wide'
		? {
				...common,
				variant,
				margin: { top: 4, right: 84, bottom: 4, left: 176 },
				rowHeight: 28,
				labelPlacement: 'left',
				markerArea: 64
			}
		: {
				...common,
				variant,
				margin: { top: 4, right: 78, bottom: 4, left: 14 },
				rowHeight: 44,
				labelPlacement: 'above',
				markerArea: 56
			};
}

export interface DiscrepancyDot {
	key: string;
	x: number;
	y: number;
	/** Who stated it: the marker takes the party's shape and colour from the design tokens. */
	party: PartyKey;
	/** The party's colour, from the design tokens. */
	colour: string;
	/** A qualified figure ("more than 300") is drawn hollow. */
	bound: boolean;
	/** The marker's path, centred on (0, 0). */
	symbol: string;
}

export interface DiscrepancyRow {
	key: string;
	href: string;
	/** The row's label ("30 Dec 2024, to Ukraine") and where it goes. */
	label: { x: number; y: number; text: string; anchor: 'start' | 'end' };
	/** The y of the range line and the dots. */
	y: number;
	lowX: number;
	highX: number;
	dots: DiscrepancyDot[];
	/** "gap 39", written after the highest figure, or before the lowest where there is no room after it. */
	gap: { x: number; y: number; text: string; anchor: 'start' | 'end' };
	description: string;
	tooltip: string[];
}

export interface DiscrepancyPanel {
	key: DiscrepancyPopulation;
	heading: { x: number; y: number; text: string };
	/** The vertical extent of the gridlines, from the first row to the axis. */
	gridTop: number;
	gridBottom: number;
	axisY: number;
	ticks: { value: number; x: number; label: string }[];
	rows: DiscrepancyRow[];
}

export interface DiscrepancyLayout {
	variant: Variant;
	width: number;
	height: number;
	fontSize: number;
	panels: DiscrepancyPanel[];
}

/**
 * Whose marker a figure gets: by its speaker's side when the input says it, otherwise by the speaker's label, which
 * names the parties by their capitals (see `speakerOf` in inputs.ts); anyone else unnamed counts as the media.
 */
export function speakerParty(figure: DiscrepancyFigure): PartyKey {
	if (figure.side) return partyOfSide(figure.side);
	if (figure.speaker === m.party_ukraine()) return 'kyiv';
	if (figure.speaker === m.party_russia()) return 'moscow';
	return 'media';
}

/** Whether every figure in the dispute is exact, so that the gap between them has a size. */
export function hasExactGap(discrepancy: Discrepancy): boolean {
	return discrepancy.figures.every((figure) => figure.qualifier === 'exact');
}

/** "gap 39", or, where a bound is involved and the gap has no size, a note saying so. */
export function gapText(discrepancy: Discrepancy): string {
	return hasExactGap(discrepancy)
		? m.chart_gap({ gap: formatNumber(discrepancy.high - discrepancy.low) })
		: m.chart_gap_bound();
}

/** "30 Dec 2024, to Ukraine". */
export function rowLabel(discrepancy: Discrepancy): string {
	const date = formatDate(discrepancy.date);
	return discrepancy.direction === 'to_ukraine'
		? m.chart_discrepancy_row_to_ukraine({ date })
		: m.chart_discrepancy_row_to_russia({ date });
}

/** The heading of a population's panel. */
export function populationHeading(population: DiscrepancyPopulation): string {
	return population === 'people' ? m.chart_panel_people() : m.chart_panel_bodies();
}

/** The most rows a panel draws: the latest. */
export const ROWS_SHOWN = 6;

const DIRECTION_ORDER: Record<Discrepancy['direction'], number> = { to_ukraine: 0, to_russia: 1 };

/** Newest first; of one day, returns to Ukraine before returns to Russia. */
export function sortDiscrepancies<T extends Pick<Discrepancy, 'date' | 'direction' | 'roundId'>>(
	discrepancies: readonly T[]
): T[] {
	return [...discrepancies].sort(
		(a, b) =>
			compareStrings(b.date, a.date) ||
			DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] ||
			compareStrings(a.roundId, b.roundId)
	);
}

/** The distinct figures of a dispute: the same figure repeated by one speaker is drawn and said once. */
export function distinctFigures(discrepancy: Discrepancy): DiscrepancyFigure[] {
	const seen = new Set<string>();
	return [...discrepancy.figures]
		.sort((a, b) => a.value - b.value || compareStrings(a.speaker, b.speaker))
		.filter((figure) => {
			const key = `${figure.speaker}|${figure.value}|${figure.qualifier}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

/** "Moscow 150; Kyiv 189". */
function whoSaidWhat(figures: readonly DiscrepancyFigure[]): string {
	return figures
		.map((figure) =>
			m.chart_speaker_figure_inline({ speaker: figure.speaker, figure: formatFigure(figure.value, figure.qualifier) })
		)
		.join('; ');
}

/**
 * Lays out the discrepancy chart for one chart size: a panel per population that has rows, people first, each with
 * the latest of `latest` (at most ROWS_SHOWN are drawn) and the number of all its rows in `counts`.
 */
export function layoutDiscrepancies(
	latest: readonly Discrepancy[],
	counts: Record<DiscrepancyPopulation, number>,
	size: DiscrepancySize
): DiscrepancyLayout {
	const { margin, width, fontSize, rowHeight } = size;
	const sorted = sortDiscrepancies(latest);
	const panels: DiscrepancyPanel[] = [];
	let top = margin.top;
	for (const population of DISCREPANCY_POPULATIONS) {
		const total = counts[population];
		// The latest rows only, so that the chart's weight does not grow with the data; the table has every row.
		const rows = sorted.filter((discrepancy) => discrepancy.population === population).slice(0, ROWS_SHOWN);
		if (total === 0 || rows.length === 0) continue;
		const heading = {
			x: size.labelPlacement === 'left' ? 0 : margin.left,
			y: top + fontSize + 4,
			text:
				total > rows.length
					? m.chart_panel_latest({
							panel: populationHeading(population),
							shown: formatNumber(rows.length),
							total: formatNumber(total)
						})
					: populationHeading(population)
		};
		const rowsTop = top + size.headingHeight;
		const band = scaleBand<string>()
			.domain(rows.map(rowKey))
			.range([rowsTop, rowsTop + rows.length * rowHeight]);
		// Each population has its own scale from zero: bodies run to the thousands, people to the hundreds.
		const highest = Math.max(1, max(rows, (row) => row.high) ?? 0);
		const tickCount = horizontalTickCount(width - margin.left - margin.right, highest, fontSize);
		const x = scaleLinear()
			.domain([0, highest])
			.nice(tickCount)
			.range([margin.left, width - margin.right]);
		const laidOut = rows.map((discrepancy): DiscrepancyRow => {
			const rowTop = band(rowKey(discrepancy)) ?? rowsTop;
			const labelText = rowLabel(discrepancy);
			const lineY =
				size.labelPlacement === 'left'
					? rowTop + rowHeight / 2
					: rowTop + fontSize + 4 + (rowHeight - fontSize - 4) / 2;
			const label =
				size.labelPlacement === 'left'
					? { x: margin.left - 12, y: lineY + fontSize * 0.35, text: labelText, anchor: 'end' as const }
					: { x: margin.left, y: rowTop + fontSize + 2, text: labelText, anchor: 'start' as const };
			const figures = distinctFigures(discrepancy);
			const dots = stackDots(figures, x, lineY, size.markerArea, discrepancy);
			const gap = gapText(discrepancy);
			const afterHighest = x(discrepancy.high) + 10;
			const gapFits = afterHighest + estimateTextWidth(gap, fontSize) <= width;
			const direction = discrepancy.direction === 'to_ukraine' ? m.chart_to_ukraine() : m.chart_to_russia();
			const said = whoSaidWhat(figures);
			return {
				key: rowKey(discrepancy),
				href: discrepancy.href,
				label,
				y: lineY,
				lowX: x(discrepancy.low),
				highX: x(discrepancy.high),
				dots,
				gap: {
					x: gapFits ? afterHighest : x(discrepancy.low) - 10,
					y: lineY + fontSize * 0.35,
					text: gap,
					anchor: gapFits ? 'start' : 'end'
				},
				description: m.chart_discrepancy_mark({ round: discrepancy.label, direction, figures: said, gap }),
				tooltip: [
					discrepancy.label,
					direction,
					...figures.map((figure) =>
						m.chart_speaker_figure({ speaker: figure.speaker, figure: formatFigure(figure.value, figure.qualifier) })
					),
					gap
				]
			};
		});
		const rowsBottom = rowsTop + rows.length * rowHeight;
		panels.push({
			key: population,
			heading,
			gridTop: rowsTop,
			gridBottom: rowsBottom,
			axisY: rowsBottom + fontSize + 6,
			ticks: x.ticks(tickCount).map((value) => ({ value, x: x(value), label: formatNumber(value) })),
			rows: laidOut
		});
		top = rowsBottom + size.axisHeight;
	}
	return { variant: size.variant, width, height: top + margin.bottom, fontSize, panels };
}

function rowKey(discrepancy: Discrepancy): string {
	return `${discrepancy.roundId}-${discrepancy.population}-${discrepancy.direction}`;
}

/** One dot per distinct figure; figures at the same value are stacked a little apart so that each marker shows. */
function stackDots(
	figures: readonly DiscrepancyFigure[],
	x: (value: number) => number,
	lineY: number,
	markerArea: number,
	discrepancy: Discrepancy
): DiscrepancyDot[] {
	const spacing = Math.sqrt(markerArea) * 1.1 + 2;
	const countAt = new Map<number, number>();
	for (const figure of figures) countAt.set(figure.value, (countAt.get(figure.value) ?? 0) + 1);
	const seenAt = new Map<number, number>();
	return figures.map((figure) => {
		const count = countAt.get(figure.value) ?? 1;
		const index = seenAt.get(figure.value) ?? 0;
		seenAt.set(figure.value, index + 1);
		const party = speakerParty(figure);
		return {
			key: `${rowKey(discrepancy)}-${figure.speaker}-${figure.value}-${figure.qualifier}`,
			x: x(figure.value),
			y: lineY + (index - (count - 1) / 2) * spacing,
			party,
			colour: partyColour(party),
			bound: figure.qualifier !== 'exact',
			symbol: partySymbol(party, markerArea)
		};
	});
}

/** What a dispute's facts need of it: when, where, its range, and each figure's qualifier and party. */
export interface DisputeFacts {
	roundId: string;
	date: string;
	direction: Discrepancy['direction'];
	population: DiscrepancyPopulation;
	low: number;
	high: number;
	figures: readonly { qualifier: Qualifier; party: PartyKey }[];
}

/**
 * What the discrepancy chart says of all its rows, in no language and in a few numbers whatever their number (the
 * build stores it, see src/lib/server/db/chart-tables.ts): the rows of each panel, the rounds they belong to, the
 * largest gap between exact figures (the newest, if several share it), the parties that gave a figure, and whether
 * some figure is a bound.
 */
export interface DiscrepancyFacts {
	counts: Record<DiscrepancyPopulation, number>;
	rounds: number;
	largest: { gap: number; date: string } | null;
	parties: PartyKey[];
	hasBounds: boolean;
}

/** The facts of the disputes `disputes`, in any order. */
export function discrepancyFacts(disputes: readonly DisputeFacts[]): DiscrepancyFacts {
	const counts: Record<DiscrepancyPopulation, number> = { people: 0, bodies: 0 };
	const parties = new Set<PartyKey>();
	let largest: DisputeFacts | null = null;
	for (const dispute of sortDiscrepancies(disputes)) {
		counts[dispute.population] += 1;
		for (const figure of dispute.figures) parties.add(figure.party);
		if (!dispute.figures.every((figure) => figure.qualifier === 'exact')) continue;
		if (!largest || dispute.high - dispute.low > largest.high - largest.low) largest = dispute;
	}
	return {
		counts,
		rounds: new Set(disputes.map((dispute) => dispute.roundId)).size,
		largest: largest && { gap: largest.high - largest.low, date: largest.date },
		parties: partyKeys.filter((party) => parties.has(party)),
		hasBounds: disputes.some((dispute) => dispute.figures.some((figure) => figure.qualifier !== 'exact'))
	};
}

/**
 * One sentence: in how many rounds the stated figures differ, and the largest gap between exact
 * figures with its date (the newest, if several share it).
 */
export function summarizeDiscrepancies(facts: DiscrepancyFacts): string {
	if (facts.rounds === 0) return m.chart_discrepancy_empty();
	const count = { count: facts.rounds, countText: formatNumber(facts.rounds) };
	if (!facts.largest) return m.chart_discrepancy_summary_no_gap(count);
	return m.chart_discrepancy_summary({
		...count,
		gap: formatNumber(facts.largest.gap),
		date: formatDate(facts.largest.date)
	});
}

/** One row of the table behind the discrepancy chart. */
export interface DiscrepancyTableRow {
	key: string;
	href: string;
	date: string;
	direction: string;
	/** Every figure as stated, with what its speaker counted. */
	figures: { key: string; text: string }[];
	gap: string;
}

/** Rows of the table behind the discrepancy chart, in the order given (the table's is newest first, like the chart). */
export function discrepancyTable(discrepancies: readonly Discrepancy[]): DiscrepancyTableRow[] {
	return discrepancies.map((discrepancy) => ({
		key: rowKey(discrepancy),
		href: discrepancy.href,
		date: formatDate(discrepancy.date),
		direction: m.chart_direction_population({
			direction: discrepancy.direction === 'to_ukraine' ? m.chart_to_ukraine() : m.chart_to_russia(),
			population: discrepancy.population === 'people' ? m.chart_population_people() : m.chart_population_bodies()
		}),
		figures: [...discrepancy.figures]
			.sort((a, b) => a.value - b.value || compareStrings(a.speaker, b.speaker))
			.map((figure, index) => {
				const stated = { speaker: figure.speaker, figure: formatFigure(figure.value, figure.qualifier) };
				return {
					key: String(index),
					text: figure.counted
						? m.chart_speaker_figure_counted({ ...stated, counted: figure.counted })
						: m.chart_speaker_figure(stated)
				};
			}),
		gap: gapText(discrepancy)
	}));
}

/** What the discrepancy chart draws, computed on the server so that D3 never ships to the browser: kept per dataset and language. */
export interface DiscrepancyDrawing {
	summary: string;
	layouts: DiscrepancyLayout[];
	/** The parties whose figures the chart draws, for its legend. */
	parties: PartyKey[];
	/** Whether some figure is a bound, which is drawn hollow and then needs a legend entry. */
	hasBounds: boolean;
	/** The rows of its table, each a round and direction; a page shows some of them (see queries/charts.ts). */
	rowCount: number;
	empty: boolean;
}

/** The discrepancy chart with the rows of its table a page shows. */
export interface DiscrepancyModel extends DiscrepancyDrawing {
	table: DiscrepancyTableRow[];
}

/** The discrepancy chart: summary and a layout per width variant, from its facts and each panel's latest rows. */
export function discrepancyDrawing(
	facts: DiscrepancyFacts,
	latest: readonly Discrepancy[],
	widths: readonly number[] = MODEL_WIDTHS
): DiscrepancyDrawing {
	const rowCount = facts.counts.people + facts.counts.bodies;
	return {
		summary: summarizeDiscrepancies(facts),
		layouts: widths.map((width) => roundGeometry(layoutDiscrepancies(latest, facts.counts, discrepancySize(width)))),
		parties: facts.parties,
		hasBounds: facts.hasBounds,
		rowCount,
		empty: rowCount === 0
	};
}
