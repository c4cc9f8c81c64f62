// The overview's answer to "how many have come home?": each side's latest official total, the sums of the rounds on record, and the confirmed part.
import type { ClaimantSide, Counted, Qualifier } from '../schemas/vocabulary';
import type { Speaker } from '../format/data-words';
import { parties, type Direction, type DirectionTotal, type Party } from './round-figures';

/** A running total stated by someone, as the headline needs it. */
export interface RunningTotal extends Speaker {
	claimId: string;
	side: ClaimantSide;
	statedOn: string;
	counted: Counted;
	/** What the total counts, in English, Ukrainian and Russian. */
	countedDetail: string;
	countedDetailUk: string;
	countedDetailRu: string;
	number: number;
	qualifier: Qualifier;
}

/** What the overview says of one direction of living people. */
export interface DirectionHeadline {
	direction: Direction;
	/** Each party's latest official running total of everyone returned in this direction, or null when it gave none. */
	official: Record<Party, RunningTotal | null>;
	totals: DirectionTotal;
	/** Why nothing is confirmed, when nothing is: nobody else gave a figure, or no two sides' figures match. */
	noneConfirmedBecause: 'no_other_side_figures' | 'no_matching_figures' | null;
}

const everyoneReturned: Record<Direction, Counted> = { to_ukraine: 'people_to_ukraine', to_russia: 'people_to_russia' };

/**
 * A party's latest running total of everyone returned in a direction: the latest date wins; on one day an exact
 * figure wins over a bound, then the earlier claim id (a stable choice, never the larger number).
 */
export function latestOfficialTotal(
	totals: readonly RunningTotal[],
	party: Party,
	direction: Direction
): RunningTotal | null {
	const candidates = totals.filter((total) => total.side === party && total.counted === everyoneReturned[direction]);
	let latest: RunningTotal | null = null;
	for (const total of candidates) {
		if (
			!latest ||
			total.statedOn > latest.statedOn ||
			(total.statedOn === latest.statedOn && (total.qualifier === 'exact') > (latest.qualifier === 'exact')) ||
			(total.statedOn === latest.statedOn &&
				(total.qualifier === 'exact') === (latest.qualifier === 'exact') &&
				total.claimId < latest.claimId)
		) {
			latest = total;
		}
	}
	return latest;
}

/** Why a direction has nothing confirmed, or null when something is. */
export function noneConfirmedReason(total: DirectionTotal): DirectionHeadline['noneConfirmedBecause'] {
	if (total.confirmedRounds > 0) return null;
	const partiesWithFigures = parties.filter((party) => total.byParty[party].rounds > 0);
	return partiesWithFigures.length < 2 ? 'no_other_side_figures' : 'no_matching_figures';
}

/** The headline of each direction of living people, from the running totals on record and the rounds' totals. */
export function directionHeadlines(
	runningTotals: readonly RunningTotal[],
	totals: Record<Direction, DirectionTotal>
): DirectionHeadline[] {
	return (['to_ukraine', 'to_russia'] as const).map((direction) => ({
		direction,
		official: {
			ukraine: latestOfficialTotal(runningTotals, 'ukraine', direction),
			russia: latestOfficialTotal(runningTotals, 'russia', direction)
		},
		totals: totals[direction],
		noneConfirmedBecause: noneConfirmedReason(totals[direction])
	}));
}
