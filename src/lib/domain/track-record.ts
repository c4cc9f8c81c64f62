// A claimant's track record: for each round figure they reported, whether another side gave the same figure, a different one, only a figure counting something else, or none.
import type { FigureScope } from './confirmation';
import { combinedCounted, placements, populations, type Direction, type Population } from './round-figures';
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../schemas/vocabulary';

/**
 * What the other sides said about one of the claimant's figures, best first:
 * - `same`: another side gave the same number with the same qualifier, counting the same thing;
 * - `different`: others gave a figure counting the same thing, but none the same;
 * - `other_scope`: others gave figures for the round in this direction, but only counting something else (servicemen
 *   only, civilians only, both directions added up), so nothing is compared;
 * - `none`: no other side gave a figure for it.
 */
export const trackOutcomes = ['same', 'different', 'other_scope', 'none'] as const;
export type TrackOutcome = (typeof trackOutcomes)[number];

/** The direction of a figure, or both directions added up ("780 exchanged"). */
export type TrackDirection = Direction | 'both_ways';

/** The minimum a claim must carry for a track record. */
export interface TrackClaim {
	id: string;
	roundId: string | null;
	claimantId: string;
	/** The claimant's name in English, Ukrainian and Russian. */
	claimantName: string;
	claimantNameUk: string;
	claimantNameRu: string;
	side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	/** Known only from copies of pages: never compared (it can neither agree nor differ on the record's word). */
	onlyCopies: boolean;
}

export interface TrackRound {
	id: string;
	date: string;
	kind: RoundKind;
}

/** Another side's figure counting the same thing, or (for `other_scope`) something else in the same round. */
export interface OtherFigure {
	claimId: string;
	claimantId: string;
	claimantName: string;
	claimantNameUk: string;
	claimantNameRu: string;
	side: ClaimantSide;
	number: number;
	qualifier: Qualifier;
	scope: FigureScope;
	direction: TrackDirection;
}

/** One figure the claimant reported for a round, and what the other sides said. */
export interface TrackRow {
	round: TrackRound;
	claimId: string;
	population: Population;
	direction: TrackDirection;
	scope: FigureScope;
	number: number;
	qualifier: Qualifier;
	outcome: TrackOutcome;
	/** Other sides' figures counting the same thing: the same first, then the different ones. */
	compared: (OtherFigure & { same: boolean })[];
	/** For `other_scope`: what the other sides gave instead. */
	otherScope: OtherFigure[];
}

/** Sides whose figures a track record compares with: the parties, mediators and international bodies, never media. */
const comparedSides: readonly ClaimantSide[] = ['ukraine', 'russia', 'mediator', 'international'];

interface Placed {
	population: Population;
	direction: TrackDirection;
	scope: FigureScope;
}

/** Where a report's figure stands: one entry per direction it speaks for (a figure each way is one for each). */
function placed(counted: Counted): Placed[] {
	const placement = placements[counted];
	if (placement) return placement.directions.map((direction) => ({ ...placement, direction }));
	const population = populations.find((candidate) => combinedCounted[candidate].includes(counted));
	return population ? [{ population, direction: 'both_ways', scope: 'all' }] : [];
}

type NumberedClaim = TrackClaim & { roundId: string; number: number; qualifier: Qualifier };

function isRoundFigure(claim: TrackClaim): claim is NumberedClaim {
	return claim.statement === 'report' && claim.roundId !== null && claim.number !== null && claim.qualifier !== null;
}

const directionOrder: readonly TrackDirection[] = ['to_ukraine', 'to_russia', 'both_ways'];
const scopeOrder: readonly FigureScope[] = ['all', 'military', 'civilians'];

/**
 * The track record of one claimant, newest round first: every figure they reported for a round (reports only; offers,
 * running totals and allegations belong to no round's count), compared like with like, as the confirmation rule does:
 * with figures of the same population, direction and scope given by another side (Kyiv, Moscow, a mediator or an
 * international body; media and the claimant's own side are not another side), leaving out figures known only from
 * copies. `claims` must hold every claim of the rounds concerned.
 */
export function trackRecord(
	claimantId: string,
	claims: readonly TrackClaim[],
	rounds: readonly TrackRound[]
): TrackRow[] {
	const roundById = new Map(rounds.map((round) => [round.id, round]));
	const own = claims.filter((claim): claim is NumberedClaim => claim.claimantId === claimantId && isRoundFigure(claim));
	const rows: TrackRow[] = [];
	for (const claim of own) {
		const round = roundById.get(claim.roundId);
		if (!round) continue;
		const others = claims
			.filter(
				(other): other is NumberedClaim =>
					isRoundFigure(other) &&
					other.roundId === claim.roundId &&
					other.side !== claim.side &&
					comparedSides.includes(other.side) &&
					!other.onlyCopies
			)
			.flatMap((other) =>
				placed(other.counted).map((place): OtherFigure & { population: Population } => ({
					claimId: other.id,
					claimantId: other.claimantId,
					claimantName: other.claimantName,
					claimantNameUk: other.claimantNameUk,
					claimantNameRu: other.claimantNameRu,
					side: other.side,
					number: other.number,
					qualifier: other.qualifier,
					population: place.population,
					scope: place.scope,
					direction: place.direction
				}))
			);
		for (const place of placed(claim.counted)) {
			const samePopulation = others.filter((other) => other.population === place.population);
			const compared = samePopulation
				.filter((other) => other.direction === place.direction && other.scope === place.scope)
				.map(({ population, ...other }) => ({
					...other,
					same: other.number === claim.number && other.qualifier === claim.qualifier
				}))
				.sort((a, b) => Number(b.same) - Number(a.same) || a.number - b.number || a.claimId.localeCompare(b.claimId));
			// A sum of both directions is set beside any direction's figure; a direction's, beside its own direction only.
			const otherScope =
				compared.length > 0
					? []
					: samePopulation
							.filter((other) =>
								place.direction === 'both_ways'
									? other.direction !== 'both_ways'
									: other.direction === place.direction || other.direction === 'both_ways'
							)
							.map(({ population, ...other }) => other);
			rows.push({
				round,
				claimId: claim.id,
				population: place.population,
				direction: place.direction,
				scope: place.scope,
				number: claim.number,
				qualifier: claim.qualifier,
				outcome: compared.some((other) => other.same)
					? 'same'
					: compared.length > 0
						? 'different'
						: otherScope.length > 0
							? 'other_scope'
							: 'none',
				compared,
				otherScope
			});
		}
	}
	return rows.sort(
		(a, b) =>
			b.round.date.localeCompare(a.round.date) ||
			a.round.id.localeCompare(b.round.id) ||
			directionOrder.indexOf(a.direction) - directionOrder.indexOf(b.direction) ||
			scopeOrder.indexOf(a.scope) - scopeOrder.indexOf(b.scope) ||
			a.claimId.localeCompare(b.claimId)
	);
}

/** How many of the claimant's figures had each outcome, and in how many rounds. */
export function trackSummary(rows: readonly TrackRow[]): { outcomes: Record<TrackOutcome, number>; rounds: number } {
	const outcomes = Object.fromEntries(trackOutcomes.map((outcome) => [outcome, 0])) as Record<TrackOutcome, number>;
	for (const row of rows) outcomes[row.outcome] += 1;
	return { outcomes, rounds: new Set(rows.map((row) => row.round.id)).size };
}
