// Layout of the small chart on a round's page: one row per direction, one dot per stated figure.
import { scaleLinear } from 'd3-scale';
import { PARTY, partyColour, partyOfSide, type MarkerShape, type PartyKey } from '../design/tokens';
import type { StatedFigure } from '../domain/confirmation';
import { formatNumber } from '../format/figures';
import { m } from '../paraglide/messages.js';
import { estimateTextWidth } from './chart-utils';
import { horizontalTickCount } from './sizing';

export interface ClaimDotRow {
	key: string;
	label: string;
	figures: StatedFigure[];
}

export interface ClaimDot {
	claimId: string;
	x: number;
	y: number;
	value: number;
	speaker: string;
	bound: boolean;
	/**
	 * "Kyiv 150 (servicemen)": who, the figure, and what it counts; beside the dot, or on a line of its own above it.
	 * `lines` are what is written, each at its baseline: the whole text, or, where it is wider than the chart, the
	 * speaker on one line and the figure on the next.
	 */
	label: { x: number; y: number; text: string; anchor: 'start' | 'end'; lines: { text: string; y: number }[] };
	/** The speaker's party: its shape and colour come from the design tokens, so that no chart relies on colour. */
	party: PartyKey;
	shape: MarkerShape;
	colour: string;
}

export interface ClaimDotsLayout {
	width: number;
	height: number;
	ticks: { value: number; x: number }[];
	rows: { key: string; label: { x: number; y: number; text: string }; dots: ClaimDot[] }[];
}

/** Two layouts, as for the overview's charts: the narrow one keeps text readable on a phone. */
export const CLAIM_DOTS_WIDTHS = { wide: 640, narrow: 340 } as const;
/** The labels' font size (ClaimDots.svelte draws them at 12 px). */
export const CLAIM_DOTS_FONT_SIZE = 12;
const fontSize = CLAIM_DOTS_FONT_SIZE;
/** Each distinct (speaker, figure) pair gets a line of its own (two where its label fits beside the dot on neither side). */
const lineHeight = 18;
const rowPadding = 10;

/**
 * What a figure counts, in a word or two: servicemen, civilians or everyone, and for a figure of one part of the day's
 * returns that part ("in the exchange", "servicemen, outside the exchange"), so that a part is never read as a whole.
 */
export function scopeWord(figure: StatedFigure): string {
	const part =
		figure.part === 'in_exchange'
			? m.chart_part_in_exchange()
			: figure.part === 'outside_exchange'
				? m.chart_part_outside_exchange()
				: null;
	const scope =
		figure.scope === 'military'
			? m.chart_scope_military()
			: figure.scope === 'civilians'
				? m.chart_scope_civilians()
				: part
					? null
					: m.chart_scope_all();
	return [scope, part].filter((word) => word !== null).join(', ');
}

/**
 * A label as lines no wider than `width`: the speaker and the figure on one line when they fit, else the speaker's
 * words wrapped, with the figure on the last line when it fits there and on its own line when not.
 */
export function wrapLabel(speaker: string, shown: string, width: number): string[] {
	const fits = (line: string) => estimateTextWidth(line, fontSize) <= width;
	if (fits(`${speaker} ${shown}`)) return [`${speaker} ${shown}`];
	const lines: string[] = [];
	for (const word of speaker.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	const last = lines.at(-1);
	if (last !== undefined && fits(`${last} ${shown}`)) lines[lines.length - 1] = `${last} ${shown}`;
	else lines.push(shown);
	return lines;
}

/**
 * Positions the stated figures of each row on a shared horizontal scale from zero. Repeats of the same figure by the
 * same speaker (several pages, several officials of one side) are drawn once. A wide chart has the rows' labels to
 * the left; a narrow one above each row, so that the scale has the whole width.
 */
export function layoutClaimDots(
	rows: readonly ClaimDotRow[],
	speakerOf: (figure: StatedFigure) => string,
	width: number = CLAIM_DOTS_WIDTHS.wide
): ClaimDotsLayout {
	const narrow = width < CLAIM_DOTS_WIDTHS.wide;
	const margin = { top: 12, right: 16, bottom: 28, left: narrow ? 12 : 90 };
	const values = rows.flatMap((row) => row.figures.map((figure) => figure.number ?? 0));
	const highest = Math.max(1, ...values);
	const tickCount = horizontalTickCount(width - margin.left - margin.right, highest, fontSize);
	const x = scaleLinear()
		.domain([0, highest])
		.nice(tickCount)
		.range([margin.left, width - margin.right]);
	let top = margin.top;
	const laidOut = rows.map((row) => {
		const distinct = new Map<string, StatedFigure & { number: number }>();
		for (const figure of row.figures) {
			if (figure.number === null) continue;
			const key = `${speakerOf(figure)}|${figure.number}|${figure.qualifier}`;
			if (!distinct.has(key)) distinct.set(key, { ...figure, number: figure.number });
		}
		const figures = [...distinct.values()].sort((a, b) => a.number - b.number);
		const rowTop = top + rowPadding;
		const label = narrow ? { x: 0, y: rowTop + fontSize * 0.8, text: row.label } : { x: 4, y: 0, text: row.label };
		let lineTop = narrow ? rowTop + lineHeight : rowTop;
		const dots = figures.map((figure): ClaimDot => {
			const party = partyOfSide(figure.side);
			const speaker = speakerOf(figure);
			const shown = `${formatNumber(figure.number)} (${scopeWord(figure)})`;
			const text = `${speaker} ${shown}`;
			const textWidth = estimateTextWidth(text, fontSize);
			const dotX = x(figure.number);
			const fitsRight = dotX + 9 + textWidth <= width;
			const fitsLeft = dotX - 9 - textWidth >= margin.left;
			// Beside the dot where it fits, right first; otherwise on lines of their own above the dot, from the left: one
			// line, or, for a label wider than the whole chart (a long speaker's name on a phone), the speaker's words
			// wrapped to the width with the figure after them.
			const ownLine = !fitsRight && !fitsLeft;
			const wrapped = ownLine ? wrapLabel(speaker, shown, width) : [text];
			const linesAbove = ownLine ? wrapped.length : 0;
			const dotY = lineTop + linesAbove * lineHeight + lineHeight / 2;
			const lineWidth = Math.max(...wrapped.map((line) => estimateTextWidth(line, fontSize)));
			const firstY = ownLine ? dotY - linesAbove * lineHeight + 4 : dotY + 4;
			const lines = wrapped.map((line, index) => ({ text: line, y: firstY + index * lineHeight }));
			const dotLabel = ownLine
				? { x: Math.max(0, Math.min(dotX, width - lineWidth)), y: firstY, text, anchor: 'start' as const, lines }
				: fitsRight
					? { x: dotX + 9, y: firstY, text, anchor: 'start' as const, lines }
					: { x: dotX - 9, y: firstY, text, anchor: 'end' as const, lines };
			lineTop += (linesAbove + 1) * lineHeight;
			return {
				claimId: figure.claimId,
				x: dotX,
				y: dotY,
				value: figure.number,
				speaker,
				bound: figure.qualifier !== 'exact',
				label: dotLabel,
				party,
				shape: PARTY[party].shape,
				colour: partyColour(party)
			};
		});
		const height = Math.max(lineTop - rowTop, lineHeight) + 2 * rowPadding;
		if (!narrow) label.y = top + height / 2 + 4;
		top += height;
		return { key: row.key, label, dots };
	});
	return {
		width,
		height: top + margin.bottom,
		ticks: x.ticks(tickCount).map((value) => ({ value, x: x(value) })),
		rows: laidOut
	};
}
