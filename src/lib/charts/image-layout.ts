// Layout of the standalone images: a chart with its title, legend and source, and a round's social card; pure and unit-tested.
import type { PartyKey } from '../design/tokens';
import { estimateTextWidth, type Box } from './chart-utils';
import type { LegendItem, LegendSwatchKind } from './legend';

/** The images' one font, bundled with the server (see src/lib/server/images/render.ts), so that text renders alike everywhere. */
export const IMAGE_FONT_FAMILY = 'DejaVu Sans';

/** A line of text at its baseline. */
export interface TextLine {
	key: number;
	x: number;
	y: number;
	text: string;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (by the same estimate the charts use for their labels), at
 * spaces. Past `maxLines`, the last line kept ends with an ellipsis. A single word wider than the line keeps a line
 * of its own.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, maxLines = Infinity): string[] {
	const fits = (line: string) => estimateTextWidth(line, fontSize) <= maxWidth;
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept.at(-1) ?? '';
	while (last.includes(' ') && !fits(`${last} …`)) last = last.slice(0, last.lastIndexOf(' '));
	kept[kept.length - 1] = `${last} …`;
	return kept;
}

/** Lines of text from `top`, one every `lineHeight`, each at its baseline. */
function textLines(lines: readonly string[], x: number, top: number, fontSize: number, lineHeight: number): TextLine[] {
	// The baseline sits about one font size below the top of the line box, with the leading split above and below.
	const baseline = top + (lineHeight - fontSize) / 2 + fontSize * 0.85;
	return lines.map((text, index) => ({ key: index, x, y: baseline + index * lineHeight, text }));
}

/** The width of every image of a chart, in pixels. */
export const CHART_IMAGE_WIDTH = 1200;

const CHART_IMAGE = {
	padding: 48,
	title: { fontSize: 34, lineHeight: 42 },
	summary: { fontSize: 22, lineHeight: 30 },
	legend: { fontSize: 19, rowHeight: 34, swatchScale: 1.4, labelGap: 10, itemGap: 32 },
	footer: { fontSize: 18, lineHeight: 26 },
	gap: 18
} as const;

/** The swatch's drawing box in the legend (see LegendSwatch.svelte), before scaling. */
const SWATCH = { width: 28, height: 18 };

/** A legend entry in an image: its swatch, scaled from its 28 × 18 box, and its label. */
export interface ImageLegendEntry {
	swatch: LegendSwatchKind;
	/** The transform that places and scales the swatch's box. */
	transform: string;
	label: TextLine;
}

/** Where everything in a chart's image goes. */
export interface ChartImageLayout {
	width: number;
	height: number;
	fontSizes: { title: number; summary: number; legend: number; footer: number };
	title: TextLine[];
	summary: TextLine[];
	legend: ImageLegendEntry[];
	/** Where the chart's own SVG is drawn, scaled from its viewBox. */
	plot: Box;
	/** The rule above the source line. */
	ruleY: number;
	source: TextLine[];
}

/** What a chart's image shows, in words, and the size of the chart's viewBox. */
export interface ChartImageInput {
	title: string;
	summary: string;
	legend: readonly LegendItem[];
	plotSize: { width: number; height: number };
	/** The source line and the dataset line, in that order. */
	source: readonly string[];
}

/** Lays out a chart's image: title, summary and legend above the chart, the source below, all in one column. */
export function layoutChartImage(input: ChartImageInput): ChartImageLayout {
	const { padding, title, summary, legend, footer, gap } = CHART_IMAGE;
	const width = CHART_IMAGE_WIDTH;
	const column = width - 2 * padding;
	let top = padding;

	const titleLines = textLines(
		wrapText(input.title, title.fontSize, column),
		padding,
		top,
		title.fontSize,
		title.lineHeight
	);
	top += titleLines.length * title.lineHeight + gap / 2;
	const summaryLines = textLines(
		wrapText(input.summary, summary.fontSize, column),
		padding,
		top,
		summary.fontSize,
		summary.lineHeight
	);
	top += summaryLines.length * summary.lineHeight + gap;

	// Legend entries side by side, wrapping to a new row when the next one would run past the column.
	const swatchWidth = SWATCH.width * legend.swatchScale;
	const swatchHeight = SWATCH.height * legend.swatchScale;
	const entries: ImageLegendEntry[] = [];
	let x = padding;
	let row = 0;
	for (const item of input.legend) {
		const entryWidth = swatchWidth + legend.labelGap + estimateTextWidth(item.label, legend.fontSize);
		if (x > padding && x + entryWidth > padding + column) {
			x = padding;
			row += 1;
		}
		const rowTop = top + row * legend.rowHeight;
		const swatchTop = rowTop + (legend.rowHeight - swatchHeight) / 2;
		entries.push({
			swatch: item.swatch,
			transform: `translate(${x},${swatchTop}) scale(${legend.swatchScale})`,
			label: {
				key: 0,
				x: x + swatchWidth + legend.labelGap,
				y: rowTop + legend.rowHeight / 2 + legend.fontSize * 0.35,
				text: item.label
			}
		});
		x += entryWidth + legend.itemGap;
	}
	top += (entries.length > 0 ? row + 1 : 0) * legend.rowHeight + gap;

	const plot = {
		x: padding,
		y: top,
		width: column,
		height: (column * input.plotSize.height) / input.plotSize.width
	};
	top += plot.height + gap * 1.5;
	const ruleY = top;
	top += gap / 2;
	const source = textLines(input.source, padding, top, footer.fontSize, footer.lineHeight);
	top += source.length * footer.lineHeight;

	return {
		width,
		height: Math.ceil(top + padding * 0.75),
		fontSizes: {
			title: title.fontSize,
			summary: summary.fontSize,
			legend: legend.fontSize,
			footer: footer.fontSize
		},
		title: titleLines,
		summary: summaryLines,
		legend: entries,
		plot,
		ruleY,
		source
	};
}

/** The size social networks show a large card at. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

const CARD = {
	padding: 56,
	site: { fontSize: 24, lineHeight: 32 },
	heading: { fontSize: 50, lineHeight: 60 },
	facts: { fontSize: 24, lineHeight: 32 },
	columnGap: 48,
	direction: { fontSize: 24, lineHeight: 32 },
	figure: { fontSize: 64, lineHeight: 76 },
	status: { fontSize: 30, lineHeight: 40, maxLines: 2 },
	speakers: { fontSize: 22, lineHeight: 30 },
	footer: { fontSize: 20, lineHeight: 28 }
} as const;

/** How a direction's status is drawn on a card: in the colour the charts give it. */
export type CardTone = 'confirmed' | 'announced' | 'disputed' | 'none';

/**
 * One statement of who reported what on a card: its words, led by the marker of each party it speaks of (the party's
 * shape and colour from the design tokens, as every chart and legend draws them), hollow when the figure is a bound.
 */
export interface CardSpeaker {
	text: string;
	parties: PartyKey[];
	bound: boolean;
}

/** One direction of a round on its card, with every text already formatted. */
export interface CardDirection {
	key: string;
	heading: string;
	/** The headline figure, or null when nobody gave one. */
	figure: string | null;
	status: string;
	/** The party whose figure the status speaks of, drawn before it (hollow when the figure is a bound); null for none. */
	statusParty: { party: PartyKey; bound: boolean } | null;
	tone: CardTone;
	/** Who reported what, one entry per speaker and figure. */
	speakers: CardSpeaker[];
}

/** A party's marker on a card, centred on (x, y). */
export interface CardMarker {
	key: number;
	x: number;
	y: number;
	party: PartyKey;
	hollow: boolean;
}

/** A block of text set with party markers: the text runs and the markers, each where it is drawn. */
export interface MarkedText {
	lines: TextLine[];
	markers: CardMarker[];
}

/** A marker is as wide as this share of the font size, and keeps this share of it clear after it. */
const MARKER_SIZE = 0.75;
const MARKER_GAP = 0.35;

/** d3-shape's symbol area of a card's marker at `fontSize`: its square would be about `MARKER_SIZE` of the font. */
export function cardMarkerArea(fontSize: number): number {
	return (fontSize * MARKER_SIZE) ** 2;
}

/** Bold text runs about a tenth wider than the estimate, which is made for regular text. */
const BOLD_WIDTH = 1.1;

/**
 * Sets `entries` as a list within `width`: each entry on a line of its own, led by its markers, its words wrapped at
 * spaces and its further lines indented to its words. Past `maxLines`, the words left are dropped and the last line
 * ends with an ellipsis. Widths are the charts' estimate (see `estimateTextWidth`), a tenth wider for `bold` text.
 */
export function setMarkedText(
	entries: readonly CardSpeaker[],
	x: number,
	top: number,
	width: number,
	text: { fontSize: number; lineHeight: number; bold?: boolean },
	maxLines = Infinity
): MarkedText {
	const { fontSize, lineHeight } = text;
	const measure = (words: string) => estimateTextWidth(words, fontSize) * (text.bold ? BOLD_WIDTH : 1);
	const right = x + width;
	const lines: TextLine[] = [];
	const markers: CardMarker[] = [];
	const baseline = (row: number) => top + (lineHeight - fontSize) / 2 + fontSize * 0.85 + row * lineHeight;
	let truncated = false;
	entries: for (const entry of entries) {
		if (lines.length >= maxLines) {
			truncated = true;
			break;
		}
		const row = lines.length;
		entry.parties.forEach((party, index) => {
			markers.push({
				key: markers.length,
				x: x + fontSize * ((MARKER_SIZE + MARKER_GAP) * index + MARKER_SIZE / 2),
				y: baseline(row) - fontSize * 0.35,
				party,
				hollow: entry.bound
			});
		});
		const indent = x + entry.parties.length * fontSize * (MARKER_SIZE + MARKER_GAP);
		let run: TextLine | null = null;
		for (const word of entry.text.split(/\s+/).filter(Boolean)) {
			if (run && indent + measure(`${run.text} ${word}`) <= right) {
				run.text += ` ${word}`;
				continue;
			}
			if (lines.length >= maxLines) {
				truncated = true;
				break entries;
			}
			run = { key: lines.length, x: indent, y: baseline(lines.length), text: word };
			lines.push(run);
		}
	}
	const last = lines.at(-1);
	if (truncated && last) {
		while (last.text.includes(' ') && last.x + measure(`${last.text} …`) > right) {
			last.text = last.text.slice(0, last.text.lastIndexOf(' '));
		}
		last.text += ' …';
	}
	return { lines, markers };
}

/** What a round's card says. */
export interface RoundCardInput {
	site: string;
	heading: string;
	/** Kyiv's exchange number and the mediators, when known. */
	facts: string | null;
	directions: CardDirection[];
	footer: string;
}

/** Where everything on a round's card goes. */
export interface RoundCardLayout {
	width: number;
	height: number;
	fontSizes: {
		site: number;
		heading: number;
		facts: number;
		direction: number;
		figure: number;
		status: number;
		speakers: number;
		footer: number;
	};
	site: TextLine[];
	heading: TextLine[];
	facts: TextLine[];
	columns: {
		key: string;
		tone: CardTone;
		heading: TextLine[];
		figure: TextLine[];
		/** The figure's font size: the card's, or smaller where the figure would not fit the column at that size. */
		figureFontSize: number;
		status: MarkedText;
		speakers: MarkedText;
	}[];
	/** d3-shape's symbol areas of the markers before a status and before a speaker's words. */
	markerAreas: { status: number; speakers: number };
	ruleY: number;
	footer: TextLine[];
}

/** Lays out a round's card: the site, the round's heading and facts, a column per direction, the dataset line. */
export function layoutRoundCard(input: RoundCardInput): RoundCardLayout {
	const { padding, site, heading, facts, columnGap, direction, figure, status, speakers, footer } = CARD;
	const width = CARD_SIZE.width;
	const column = width - 2 * padding;
	let top = padding - 8;

	const siteLines = textLines([input.site], padding, top, site.fontSize, site.lineHeight);
	top += site.lineHeight + 8;
	const headingLines = textLines(
		wrapText(input.heading, heading.fontSize, column / BOLD_WIDTH, 2),
		padding,
		top,
		heading.fontSize,
		heading.lineHeight
	);
	top += headingLines.length * heading.lineHeight;
	const factLines = input.facts
		? textLines(wrapText(input.facts, facts.fontSize, column, 1), padding, top, facts.fontSize, facts.lineHeight)
		: [];
	top += factLines.length * facts.lineHeight + 28;

	const footerTop = CARD_SIZE.height - padding + 8 - footer.lineHeight;
	const columnWidth = (column - columnGap * (input.directions.length - 1)) / Math.max(1, input.directions.length);
	const columns = input.directions.map((entry, index) => {
		const x = padding + index * (columnWidth + columnGap);
		let y = top;
		const headingText = textLines(
			wrapText(entry.heading, direction.fontSize, columnWidth, 1),
			x,
			y,
			direction.fontSize,
			direction.lineHeight
		);
		y += direction.lineHeight + 4;
		// The figure is never cut short: a long one ("more than 1,000") is set smaller to fit the column.
		const figureSize = entry.figure
			? Math.min(figure.fontSize, Math.floor(columnWidth / (estimateTextWidth(entry.figure, 1) * BOLD_WIDTH)))
			: figure.fontSize;
		const figureText = entry.figure
			? textLines([entry.figure], x, y + (figure.fontSize - figureSize) / 2, figureSize, figure.lineHeight)
			: [];
		y += figureText.length * figure.lineHeight;
		const statusText = setMarkedText(
			[
				{
					text: entry.status,
					parties: entry.statusParty ? [entry.statusParty.party] : [],
					bound: entry.statusParty?.bound ?? false
				}
			],
			x,
			y,
			columnWidth,
			{ ...status, bold: true },
			status.maxLines
		);
		y += statusText.lines.length * status.lineHeight + 6;
		// As many lines of who reported what as fit above the rule over the footer.
		const speakerText = setMarkedText(
			entry.speakers,
			x,
			y,
			columnWidth,
			speakers,
			Math.floor((footerTop - 20 - y) / speakers.lineHeight)
		);
		return {
			key: entry.key,
			tone: entry.tone,
			heading: headingText,
			figure: figureText,
			figureFontSize: figureSize,
			status: statusText,
			speakers: speakerText
		};
	});

	return {
		width,
		height: CARD_SIZE.height,
		fontSizes: {
			site: site.fontSize,
			heading: heading.fontSize,
			facts: facts.fontSize,
			direction: direction.fontSize,
			figure: figure.fontSize,
			status: status.fontSize,
			speakers: speakers.fontSize,
			footer: footer.fontSize
		},
		site: siteLines,
		heading: headingLines,
		facts: factLines,
		columns,
		markerAreas: { status: cardMarkerArea(status.fontSize), speakers: cardMarkerArea(speakers.fontSize) },
		ruleY: footerTop - 12,
		footer: textLines(
			wrapText(input.footer, footer.fontSize, column, 1),
			padding,
			footerTop,
			footer.fontSize,
			footer.lineHeight
		)
	};
}
