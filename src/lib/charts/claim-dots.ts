// Layout of the small chart on a round's page: one row per direction, one dot per stated figure.
import { scaleLinear } from 'd3-scale';
import type { StatedFigure } from '../domain/confirmation';

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
	/** Whether the label goes to the left of the dot, to stay inside the chart near its right edge. */
	labelLeft: boolean;
	/** Marker shape by kind of speaker, so that the chart does not rely on colour. */
	shape: 'circle' | 'square' | 'diamond';
}

export interface ClaimDotsLayout {
	width: number;
	height: number;
	ticks: { value: number; x: number }[];
	rows: { key: string; label: string; y: number; dots: ClaimDot[] }[];
}

/** Two layouts, as for the overview's charts: the narrow one keeps text readable on a phone. */
export const CLAIM_DOTS_WIDTHS = { wide: 640, narrow: 340 } as const;
const margin = { top: 12, right: 16, bottom: 28, left: 90 };
/** Each distinct (speaker, figure) pair gets a line of its own, so that labels never overlap. */
const lineHeight = 18;
const rowPadding = 10;

/**
 * Positions the stated figures of each row on a shared horizontal scale from zero. Repeats of the
 * same figure by the same speaker (several pages, several officials of one side) are drawn once.
 */
export function layoutClaimDots(
	rows: readonly ClaimDotRow[],
	speakerOf: (figure: StatedFigure) => string,
	width: number = CLAIM_DOTS_WIDTHS.wide
): ClaimDotsLayout {
	const values = rows.flatMap((row) => row.figures.map((figure) => figure.number ?? 0));
	const x = scaleLinear()
		.domain([0, Math.max(1, ...values)])
		.nice()
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
		const dots = figures.map((figure, index): ClaimDot => ({
			claimId: figure.claimId,
			x: x(figure.number),
			y: rowTop + index * lineHeight + lineHeight / 2,
			value: figure.number,
			speaker: speakerOf(figure),
			bound: figure.qualifier !== 'exact',
			labelLeft: x(figure.number) > width * 0.55,
			shape:
				figure.side === 'ukraine' || figure.side === 'russia'
					? 'circle'
					: figure.side === 'independent'
						? 'diamond'
						: 'square'
		}));
		const height = Math.max(1, figures.length) * lineHeight + 2 * rowPadding;
		const y = top + height / 2;
		top += height;
		return { key: row.key, label: row.label, y, dots };
	});
	return {
		width,
		height: top + margin.bottom,
		ticks: x.ticks(5).map((value) => ({ value, x: x(value) })),
		rows: laidOut
	};
}
