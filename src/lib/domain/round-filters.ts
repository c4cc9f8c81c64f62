// Filtering, sorting and paging the rounds list, as pure functions of the list and the query.
import type { ConfirmationStatus } from './confirmation';
import type { Direction, DirectionFigures, Population } from './round-figures';
import type { RoundKind } from '../schemas/vocabulary';
import type { RoundSort } from '../schemas/round-filters';

/** What filtering needs of a round. */
export interface FilterableRound {
	id: string;
	date: string;
	kind: RoundKind;
	mediators: string[];
	population: Population;
	figures: Record<Population, Record<Direction, DirectionFigures>>;
}

export interface RoundQuery {
	year?: number;
	kind?: RoundKind;
	status?: ConfirmationStatus;
	mediator?: string;
	sort: RoundSort;
	page: number;
}

/** Rows per page of the rounds list. */
export const ROUNDS_PAGE_SIZE = 25;

function statuses(round: FilterableRound): ConfirmationStatus[] {
	const figures = round.figures[round.population];
	return [figures.to_ukraine.confirmation.status, figures.to_russia.confirmation.status];
}

/** The largest gap between disputed figures in either direction (0 when nothing is disputed). */
export function largestGap(round: FilterableRound): number {
	const figures = round.figures[round.population];
	return Math.max(
		0,
		...[figures.to_ukraine, figures.to_russia].map(({ confirmation }) =>
			confirmation.range ? confirmation.range.high - confirmation.range.low : 0
		)
	);
}

/**
 * The events (not agreements) matching every given filter; a status matches when either
 * direction has it. Sorted by date (newest or oldest first) or by the largest gap.
 */
export function matchRounds<T extends FilterableRound>(rounds: readonly T[], query: Omit<RoundQuery, 'page'>): T[] {
	const matching = rounds.filter(
		(round) =>
			round.kind !== 'agreement' &&
			(query.year === undefined || round.date.startsWith(String(query.year))) &&
			(query.kind === undefined || round.kind === query.kind) &&
			(query.status === undefined || statuses(round).includes(query.status)) &&
			(query.mediator === undefined || round.mediators.includes(query.mediator))
	);
	const byDate = (a: T, b: T) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
	return [...matching].sort((a, b) => {
		if (query.sort === 'date_asc') return byDate(a, b);
		if (query.sort === 'gap_desc') return largestGap(b) - largestGap(a) || byDate(b, a);
		return byDate(b, a);
	});
}

/** {@link matchRounds}, then one page of {@link ROUNDS_PAGE_SIZE} rows (a page past the end shows the last). */
export function queryRounds<T extends FilterableRound>(rounds: readonly T[], query: RoundQuery) {
	const sorted = matchRounds(rounds, query);
	const pageCount = Math.max(1, Math.ceil(sorted.length / ROUNDS_PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	return {
		total: sorted.length,
		page,
		pageCount,
		rounds: sorted.slice((page - 1) * ROUNDS_PAGE_SIZE, page * ROUNDS_PAGE_SIZE)
	};
}

/** The choices the filter form offers: the years and mediators present in the data. */
export function filterChoices(rounds: readonly FilterableRound[]) {
	const events = rounds.filter((round) => round.kind !== 'agreement');
	return {
		years: [...new Set(events.map((round) => Number(round.date.slice(0, 4))))].sort((a, b) => b - a),
		mediators: [...new Set(events.flatMap((round) => round.mediators))].sort()
	};
}
