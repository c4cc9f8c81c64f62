// What the record says next to a statement outside a round: the sums of rounds up to its date, and whether anyone else supports it.
import type { ClaimantSide, Counted, Qualifier, StatementKind } from '../schemas/vocabulary';
import { isConsistentWith } from './confirmation';
import { totalsByDirection, type DirectionTotal, type Population, type RoundForTotals } from './round-figures';

/** The population a running total can be compared with, or null when the record has no comparable sum. */
export function comparablePopulation(counted: Counted): Population | null {
	if (counted.startsWith('people_')) return 'people';
	if (counted.startsWith('bodies_')) return 'bodies';
	return null;
}

/** A round as the record sums need it. */
export interface DatedRound extends RoundForTotals {
	date: string;
	mediators: string[];
}

/** The sums of the record for rounds up to a date (and, for a mediator's total, the rounds it mediated). */
export interface RecordSums {
	upTo: string;
	population: Population;
	/** The mediator whose rounds were summed, when the statement is a mediator's own running total. */
	mediator: string | null;
	rounds: number;
	toUkraine: DirectionTotal;
	toRussia: DirectionTotal;
}

/**
 * The record's sums to set beside a running total stated on `date`: every round up to and
 * including that day, or for a mediator's statement only the rounds crediting that mediator
 * (a mediator counts the exchanges it mediated). Null when what the total counts has no
 * counterpart among round figures (servicemen only, people held, ...).
 */
export function recordSumsUpTo(
	rounds: readonly DatedRound[],
	claim: { counted: Counted; statedOn: string; side: ClaimantSide; claimant: string }
): RecordSums | null {
	const population = comparablePopulation(claim.counted);
	if (population === null) return null;
	const mediator =
		claim.side === 'mediator'
			? ([...new Set(rounds.flatMap((round) => round.mediators))].find((name) => claim.claimant.includes(name)) ?? null)
			: null;
	const included = rounds.filter(
		(round) =>
			round.kind !== 'agreement' &&
			round.date <= claim.statedOn &&
			(mediator === null || round.mediators.includes(mediator))
	);
	const totals = totalsByDirection(included)[population];
	return {
		upTo: claim.statedOn,
		population,
		mediator,
		rounds: included.length,
		toUkraine: totals.to_ukraine,
		toRussia: totals.to_russia
	};
}

/** The least a statement must carry to be compared with others. */
export interface ComparableClaim {
	id: string;
	statedOn: string;
	side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
}

/** How far apart (in days) two statements may be made and still speak of the same thing. */
export const SUPPORT_WINDOW_DAYS = 30;

function daysBetween(a: string, b: string): number {
	return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * The statements that support a claim: made by a different side, counting the same thing, within
 * {@link SUPPORT_WINDOW_DAYS} days, with a figure consistent with the claim's (an exact figure must
 * match exactly; a bound must hold for the other's exact figure). Rebuttals never support. A claim
 * without a figure has nothing to support.
 */
export function supportingClaims<T extends ComparableClaim>(claim: ComparableClaim, candidates: readonly T[]): T[] {
	const { number, qualifier } = claim;
	if (number === null || qualifier === null) return [];
	return candidates.filter((other) => {
		if (other.id === claim.id || other.side === claim.side || other.statement === 'rebuttal') return false;
		if (other.counted !== claim.counted || other.number === null || other.qualifier === null) return false;
		if (daysBetween(other.statedOn, claim.statedOn) > SUPPORT_WINDOW_DAYS) return false;
		if (qualifier === 'exact' && other.qualifier === 'exact') return other.number === number;
		if (qualifier === 'exact') return isConsistentWith(other, number);
		if (other.qualifier === 'exact') return isConsistentWith(claim, other.number);
		return false;
	});
}

/** Whether a statement stands on its claimant's word alone: nobody else supports it and it carries a figure. */
export function isUnverified(claim: ComparableClaim, supporting: readonly ComparableClaim[]): boolean {
	return claim.number !== null && supporting.length === 0;
}
