// The totals of each calendar year: the rounds of a year added up per population and direction, as on /rounds?year=….
import {
	totalsByDirection,
	type DirectionTotal,
	type Direction,
	type Population,
	type RoundForTotals
} from './round-figures';

/** A year with the totals of its rounds. */
export interface YearTotals {
	year: number;
	totals: Record<Population, Record<Direction, DirectionTotal>>;
}

/** Each year that has a round (agreements aside), newest first, with the totals of its rounds. */
export function totalsByYear(rounds: readonly (RoundForTotals & { date: string })[]): YearTotals[] {
	const byYear = new Map<number, (RoundForTotals & { date: string })[]>();
	for (const round of rounds) {
		if (round.kind === 'agreement') continue;
		const year = Number(round.date.slice(0, 4));
		byYear.set(year, [...(byYear.get(year) ?? []), round]);
	}
	return [...byYear].sort(([a], [b]) => b - a).map(([year, ofYear]) => ({ year, totals: totalsByDirection(ofYear) }));
}
