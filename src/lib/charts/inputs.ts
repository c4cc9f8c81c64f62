// Turns the derived round figures and stated totals into the plain inputs the charts draw.
import {
	comparedFigures,
	hasConfirmedPart,
	isConfirmed,
	formatStatedFigure,
	type Confirmation,
	type StatedFigure
} from '../domain/confirmation';
import {
	directions,
	parties,
	populations,
	type Direction,
	type DirectionFigures,
	type Party,
	type PartyFigure,
	type Population
} from '../domain/round-figures';
import { claimSpeaker } from '../format/data-words';
import { m } from '../paraglide/messages.js';
import type { RoundKind } from '../schemas/vocabulary';
import { compareStrings } from './chart-utils';
import type { CumulativeInput, DirectionMark, Discrepancy, StatedTotal, TimelineRound } from './types';

/** What the charts need of a figure: its number, who stated it (named in every language) and the claim it comes from. */
export type ChartFigure = Pick<
	StatedFigure,
	'claimId' | 'side' | 'number' | 'qualifier' | 'scope' | 'part' | 'claimant' | 'claimantNameUk' | 'claimantNameRu'
>;

/**
 * What the charts need of one direction of a round: its status and figures, without the words of its explanation, so
 * that one stored copy serves every language.
 */
export interface ChartDirection {
	confirmation: Pick<Confirmation, 'status' | 'confirmedNumber' | 'range' | 'disputedScope'> & {
		figures: ChartFigure[];
	};
	byParty: Record<Party, Pick<PartyFigure, 'number' | 'qualifier'> | null>;
}

/** What the chart inputs need of a round. */
export interface ChartRound {
	id: string;
	date: string;
	kind: RoundKind;
	population: Population;
	figures: Record<Population, Record<Direction, ChartDirection>>;
}

function chartDirection({ confirmation, byParty }: DirectionFigures): ChartDirection {
	return {
		confirmation: {
			status: confirmation.status,
			confirmedNumber: confirmation.confirmedNumber,
			range: confirmation.range,
			disputedScope: confirmation.disputedScope,
			figures: confirmation.figures.map(
				({ claimId, side, number, qualifier, scope, part, claimant, claimantNameUk, claimantNameRu }) => ({
					claimId,
					side,
					number,
					qualifier,
					scope,
					// A part of the day's returns is never compared as a whole, in the chart as in the status.
					...(part ? { part } : {}),
					claimant,
					claimantNameUk,
					claimantNameRu
				})
			)
		},
		byParty: Object.fromEntries(
			parties.map((party) => {
				const figure = byParty[party];
				return [party, figure && { number: figure.number, qualifier: figure.qualifier }];
			})
		) as ChartDirection['byParty']
	};
}

/** A derived round cut down to what the charts read of it (what the build stores for them, see queries/charts.ts). */
export function chartRoundOf(
	round: Omit<ChartRound, 'figures'> & { figures: Record<Population, Record<Direction, DirectionFigures>> }
): ChartRound {
	return {
		id: round.id,
		date: round.date,
		kind: round.kind,
		population: round.population,
		figures: Object.fromEntries(
			populations.map((population) => [
				population,
				Object.fromEntries(
					directions.map((direction) => [direction, chartDirection(round.figures[population][direction])])
				)
			])
		) as ChartRound['figures']
	};
}

/** The label a figure's speaker goes by: the capitals for the parties, the claimant's name otherwise. */
export function speakerOf(figure: ChartFigure): string {
	if (figure.side === 'ukraine') return m.party_ukraine();
	if (figure.side === 'russia') return m.party_russia();
	return claimSpeaker(figure);
}

/** The mark for one direction: the confirmed figure, the disputed range, or the highest announced figure. */
export function directionMark(figures: ChartDirection): DirectionMark | null {
	const { confirmation, byParty } = figures;
	if (confirmation.status === 'no_figure') return null;
	const base = { status: confirmation.status };
	// Kept, undrawn, so that the chart's table says a combined figure exists rather than "no figure".
	if (confirmation.status === 'combined_only') return { ...base, value: 0, low: 0, high: 0, bound: false };
	if (isConfirmed(confirmation.status) && confirmation.confirmedNumber !== null) {
		const value = confirmation.confirmedNumber;
		return { ...base, value, low: value, high: value, bound: false };
	}
	if (confirmation.status === 'disputed' && confirmation.range) {
		return {
			...base,
			value: confirmation.range.high,
			low: confirmation.range.low,
			high: confirmation.range.high,
			bound: false
		};
	}
	// Announced: the parties' own figure first; failing that, the highest figure anyone gave.
	const partyFigures = [byParty.ukraine, byParty.russia].filter((figure) => figure !== null);
	const best =
		partyFigures.sort((a, b) => b.number - a.number)[0] ??
		[...confirmation.figures].sort((a, b) => (b.number ?? 0) - (a.number ?? 0))[0];
	if (!best || best.number === null || best.qualifier === null) return null;
	return { ...base, value: best.number, low: best.number, high: best.number, bound: best.qualifier !== 'exact' };
}

/** One event on the timeline of a population, in no language: what its row and its marks are made of. */
export interface TimelineEntry {
	id: string;
	date: string;
	kind: RoundKind;
	toUkraine: DirectionMark | null;
	toRussia: DirectionMark | null;
}

/** The events on the timeline of one population, oldest first; agreements are not events of their own. */
export function timelineEntries(rounds: readonly ChartRound[], population: Population): TimelineEntry[] {
	return rounds
		.filter((round) => round.kind !== 'agreement' && round.population === population)
		.map((round) => ({
			id: round.id,
			date: round.date,
			kind: round.kind,
			toUkraine: directionMark(round.figures[population].to_ukraine),
			toRussia: directionMark(round.figures[population].to_russia)
		}))
		.filter((round) => round.toUkraine !== null || round.toRussia !== null)
		.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id));
}

/** A timeline entry with its link and its accessible name (`label`, in the reader's language). */
export function timelineRound(entry: TimelineEntry, label: string): TimelineRound {
	return {
		id: entry.id,
		date: entry.date,
		href: `/rounds/${entry.id}`,
		label,
		toUkraine: entry.toUkraine,
		toRussia: entry.toRussia
	};
}

/** What one event adds to each running sum of people returned to Ukraine (stored with it, see chart-tables.ts). */
export function runningSumsOf(round: ChartRound): { kyiv: number; moscow: number; confirmed: number } {
	const { confirmation, byParty } = round.figures.people.to_ukraine;
	return {
		kyiv: byParty.ukraine?.qualifier === 'exact' ? byParty.ukraine.number : 0,
		moscow: byParty.russia?.qualifier === 'exact' ? byParty.russia.number : 0,
		confirmed:
			hasConfirmedPart(confirmation.status) && confirmation.confirmedNumber !== null ? confirmation.confirmedNumber : 0
	};
}

/**
 * Running sums of people returned to Ukraine: Kyiv's own exact figures, Moscow's own exact
 * figures, and the confirmed figures, one point per round date; plus the totals officials stated.
 */
export function cumulativeInput(rounds: readonly ChartRound[], statedTotals: StatedTotal[]): CumulativeInput {
	const ordered = rounds
		.filter((round) => round.kind !== 'agreement')
		.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
	const sums = { kyiv: 0, moscow: 0, confirmed: 0 };
	const series: CumulativeInput = { kyiv: [], moscow: [], confirmed: [], statedTotals };
	for (const round of ordered) {
		const added = runningSumsOf(round);
		for (const key of ['kyiv', 'moscow', 'confirmed'] as const) {
			sums[key] += added[key];
			const points = series[key];
			const last = points[points.length - 1];
			if (last && last.date === round.date) last.value = sums[key];
			else points.push({ date: round.date, value: sums[key] });
		}
	}
	return series;
}

/** A round and direction whose figures differ, in no language: the figures with their speakers' names in each. */
export interface DisputeEntry {
	roundId: string;
	date: string;
	kind: RoundKind;
	direction: Direction;
	population: Population;
	low: number;
	high: number;
	/**
	 * The figures compared in the dispute, of the scope it is about (everyone returned, or only servicemen, or only
	 * civilians): a sub-count stated beside the totals is not a rival total, so it is left out; a voice that gave only
	 * its servicemen and civilians figures is counted by their sum, as the status rules count it.
	 */
	figures: DisputedFigure[];
}

/** A figure of a dispute; `sumOf` holds the servicemen and civilians figures a sum was added up from. */
export type DisputedFigure = ChartFigure & {
	number: number;
	qualifier: NonNullable<ChartFigure['qualifier']>;
	sumOf?: readonly ChartFigure[];
};

const DIRECTION_ORDER: Record<Direction, number> = { to_ukraine: 0, to_russia: 1 };

/** Every round and direction whose figures differ, newest first (of one day, returns to Ukraine first), as the table lists them. */
export function disputeEntries(rounds: readonly ChartRound[]): DisputeEntry[] {
	const result: DisputeEntry[] = [];
	for (const round of rounds) {
		if (round.kind === 'agreement') continue;
		for (const direction of directions) {
			const { confirmation } = round.figures[round.population][direction];
			if (confirmation.status !== 'disputed' || !confirmation.range) continue;
			result.push({
				roundId: round.id,
				date: round.date,
				kind: round.kind,
				direction,
				population: round.population,
				low: confirmation.range.low,
				high: confirmation.range.high,
				figures: comparedFigures(confirmation.figures, confirmation.disputedScope ?? 'all')
			});
		}
	}
	return result.sort(
		(a, b) =>
			compareStrings(b.date, a.date) ||
			DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] ||
			compareStrings(a.roundId, b.roundId)
	);
}

/**
 * "10 servicemen + 2 civilians", "175 in the exchange + 22 servicemen outside the exchange": what a sum was added up
 * from, as the status explanations say it.
 */
function sumParts(parts: readonly ChartFigure[]): string {
	return parts
		.flatMap((part) =>
			part.number === null || part.qualifier === null
				? []
				: [formatStatedFigure({ ...part, number: part.number, qualifier: part.qualifier })]
		)
		.join(' + ');
}

/** A dispute in the reader's language: its row's `label`, each figure's speaker and what they counted. */
export function discrepancyOf(
	entry: DisputeEntry,
	countedDetail: (claimId: string) => string,
	label: string
): Discrepancy {
	return {
		roundId: entry.roundId,
		date: entry.date,
		href: `/rounds/${entry.roundId}`,
		label,
		direction: entry.direction,
		population: entry.population,
		low: entry.low,
		high: entry.high,
		figures: entry.figures.map((figure) => ({
			speaker: speakerOf(figure),
			side: figure.side,
			value: figure.number,
			qualifier: figure.qualifier,
			counted: figure.sumOf ? sumParts(figure.sumOf) : countedDetail(figure.claimId)
		}))
	};
}
