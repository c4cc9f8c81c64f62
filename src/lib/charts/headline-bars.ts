// Layout of the small chart beside each headline: each party's official total, each party's sum of its own round figures and the confirmed part, as bars on one scale.
import { scaleLinear } from 'd3-scale';
import { PARTY, partyColour, type MarkerShape, type PartyKey } from '../design/tokens';
import type { DirectionHeadline } from '../domain/headline';
import { formatFigure, formatNumber } from '../format/figures';
import { m } from '../paraglide/messages.js';
import type { Qualifier } from '../schemas/vocabulary';
import { estimateTextWidth, roundGeometry } from './chart-utils';

/** Which way the true figure may lie from a bound: beyond it ("at least", "more than") or below it ("up to"). */
export type BoundDirection = 'larger' | 'smaller';

/** The way a figure stated with `qualifier` may differ from it, or null for an exact figure or an "about". */
export function boundDirection(qualifier: Qualifier): BoundDirection | null {
	if (qualifier === 'at_least' || qualifier === 'more_than') return 'larger';
	if (qualifier === 'up_to') return 'smaller';
	return null;
}

/** One bar: how it is drawn says what it is (a party's colour and shape, or the confirmed status's solid bar). */
export interface HeadlineBar {
	key: string;
	label: { x: number; y: number; text: string };
	bar: { x: number; y: number; width: number; height: number };
	/**
	 * A bound's bar is open at its end (the outline has no right-hand side), so it does not claim to stop at the
	 * figure; null for a bar drawn as a closed box.
	 */
	openOutline: string | null;
	/** A bound's arrow after the bar's end: to the right when the figure may be larger, to the left when smaller. */
	bound: { direction: BoundDirection; d: string } | null;
	value: { x: number; y: number; text: string };
	/** A party's marker at the end of its bars, hollow for a bound; none for the confirmed part. */
	marker: { x: number; y: number; shape: MarkerShape; hollow: boolean } | null;
	colour: string;
	/** An official total is outlined (a statement), a sum of round figures solid. */
	kind: 'official' | 'sum' | 'confirmed';
}

export interface HeadlineBarsLayout {
	width: number;
	height: number;
	fontSize: number;
	bars: HeadlineBar[];
	/** The ways the bounds drawn may lie, in the order the key below the chart explains them. */
	bounds: BoundDirection[];
}

/** The room a bound's arrow takes after the bar's marker. */
const ARROW = { start: 6, end: 18 };

const WIDTH = 320;
const ROW = 18;
const FONT_SIZE = 11;
/** The least room kept for the labels: the longest English one, "Moscow: official total", fits. */
const MIN_LABEL_WIDTH = 150;
/** Space between a label's end and its bar. */
const LABEL_GAP = 8;

const partyOf = { ukraine: 'kyiv', russia: 'moscow' } as const satisfies Record<string, PartyKey>;

/**
 * The bars of one direction's headline, on one scale from zero: the figures the card states in words, drawn so that
 * their sizes can be compared at a glance. Nothing is drawn for a figure the card does not have.
 */
export function layoutHeadlineBars(headline: DirectionHeadline): HeadlineBarsLayout {
	const rows: {
		key: string;
		text: string;
		value: number;
		shown: string;
		party: PartyKey | null;
		kind: HeadlineBar['kind'];
		bound: BoundDirection | null;
	}[] = [];
	for (const side of ['ukraine', 'russia'] as const) {
		const official = headline.official[side];
		if (official) {
			rows.push({
				key: `official-${side}`,
				text: m.headline_bar_official({ party: side === 'ukraine' ? m.party_ukraine() : m.party_russia() }),
				value: official.number,
				shown: formatFigure(official.number, official.qualifier),
				party: partyOf[side],
				kind: 'official',
				bound: boundDirection(official.qualifier)
			});
		}
	}
	for (const side of ['ukraine', 'russia'] as const) {
		const sum = headline.totals.byParty[side].sum;
		rows.push({
			key: `sum-${side}`,
			text: m.headline_bar_sum({ party: side === 'ukraine' ? m.party_ukraine() : m.party_russia() }),
			value: sum,
			shown: formatNumber(sum),
			party: partyOf[side],
			kind: 'sum',
			bound: null
		});
	}
	if (!headline.noneConfirmedBecause) {
		rows.push({
			key: 'confirmed',
			text: m.headline_bar_confirmed(),
			value: headline.totals.confirmed,
			shown: formatNumber(headline.totals.confirmed),
			party: null,
			kind: 'confirmed',
			bound: null
		});
	}
	const widest = Math.max(0, ...rows.map((row) => estimateTextWidth(row.shown, FONT_SIZE)));
	// A language whose labels run longer moves the bars' start, never writes a label over its bar.
	const labelWidth = Math.max(
		MIN_LABEL_WIDTH,
		...rows.map((row) => Math.ceil(estimateTextWidth(row.text, FONT_SIZE)) + LABEL_GAP)
	);
	const anyBound = rows.some((row) => row.bound !== null);
	const x = scaleLinear()
		.domain([0, Math.max(1, ...rows.map((row) => row.value))])
		.range([labelWidth, WIDTH - widest - 14 - (anyBound ? ARROW.end : 0)]);
	const bars = rows.map((row, index): HeadlineBar => {
		const y = index * ROW + 3;
		const end = x(row.value);
		const bar = { x: labelWidth, y: y + 2, width: Math.max(1, end - labelWidth), height: 9 };
		const middle = bar.y + bar.height / 2;
		const [from, to] = row.bound === 'smaller' ? [ARROW.end, ARROW.start] : [ARROW.start, ARROW.end];
		const head = row.bound === 'smaller' ? 4 : -4;
		return {
			key: row.key,
			label: { x: 0, y: y + 10, text: row.text },
			bar,
			openOutline: row.bound ? `M${end},${bar.y}H${bar.x}V${bar.y + bar.height}H${end}` : null,
			bound: row.bound
				? {
						direction: row.bound,
						d: `M${end + from},${middle}H${end + to}M${end + to + head},${middle - 3.5}L${end + to},${middle}L${end + to + head},${middle + 3.5}`
					}
				: null,
			value: { x: end + 10 + (row.bound ? ARROW.end : 0), y: y + 10, text: row.shown },
			marker: row.party ? { x: end, y: y + 6.5, shape: PARTY[row.party].shape, hollow: row.bound !== null } : null,
			colour: row.party ? partyColour(row.party) : 'var(--confirmed)',
			kind: row.kind
		};
	});
	const bounds = (['larger', 'smaller'] as const).filter((direction) => rows.some((row) => row.bound === direction));
	return roundGeometry({ width: WIDTH, height: rows.length * ROW + 4, fontSize: FONT_SIZE, bars, bounds });
}
