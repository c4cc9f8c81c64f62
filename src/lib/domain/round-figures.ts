// Per-round, per-direction figures and their confirmation, and the totals per direction built from them.
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../schemas/vocabulary';
import { deriveConfirmation, isConfirmed, type Confirmation, type StatedFigure } from './confirmation';

/** The two directions a person or a body can be returned in. */
export const directions = ['to_ukraine', 'to_russia'] as const;
export type Direction = (typeof directions)[number];

/** Living people, or the bodies of the dead: never added together. */
export const populations = ['people', 'bodies'] as const;
export type Population = (typeof populations)[number];

/** The parties whose own sums the totals show. */
export const parties = ['ukraine', 'russia'] as const;
export type Party = (typeof parties)[number];

/** Body repatriations are read by their body counts; every other kind of round by its people counts. */
export function headlinePopulation(kind: RoundKind): Population {
	return kind === 'bodies_repatriation' ? 'bodies' : 'people';
}

/** The minimum a claim must carry for the figures of its round. */
export interface ClaimFigure {
	id: string;
	claimant: string;
	claimantSide: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
}

/**
 * Which `counted` values state the headline figure of one population in one direction. A figure
 * stated for both directions at once ("390 for 390") is a figure for each direction.
 * Sub-counts (civilians or servicemen only) and sums of both directions are shown on the round's
 * page but are not the headline, so they do not enter the status or the totals.
 */
export const headlineCounted: Record<Population, Record<Direction, readonly Counted[]>> = {
	people: {
		to_ukraine: ['people_to_ukraine', 'people_each_way'],
		to_russia: ['people_to_russia', 'people_each_way']
	},
	bodies: {
		to_ukraine: ['bodies_to_ukraine', 'bodies_each_way'],
		to_russia: ['bodies_to_russia', 'bodies_each_way']
	}
};

/** The derived figures of one population in one direction of one round. */
export interface DirectionFigures {
	confirmation: Confirmation;
	/** Each party's figure as used in its own sum (see {@link partyFigure}); null when it gave none. */
	byParty: Record<Party, PartyFigure | null>;
}

/** A party's figure for one direction of one round. */
export interface PartyFigure {
	number: number;
	qualifier: Qualifier;
	/** True when the party stated more than one different figure; `number` is then the highest. */
	varies: boolean;
}

/**
 * Only reports of what happened in the round count: offers, plans announced in advance and
 * allegations attached to a round are shown but never confirm or dispute its outcome.
 */
function reportFigures(claims: readonly ClaimFigure[], counted: readonly Counted[]): StatedFigure[] {
	return claims
		.filter((claim) => claim.statement === 'report' && counted.includes(claim.counted))
		.map((claim) => ({
			claimId: claim.id,
			claimant: claim.claimant,
			side: claim.claimantSide,
			number: claim.number,
			qualifier: claim.qualifier
		}));
}

/**
 * A party's own figure for a direction: its exact figure, or the highest of its exact figures if
 * it gave several (flagged as `varies`), or, when it gave only bounds, the highest bound with its
 * qualifier. The sums use only exact figures; bounds are shown, never added.
 */
export function partyFigure(figures: readonly StatedFigure[], party: Party): PartyFigure | null {
	const own = figures.filter(
		(figure): figure is StatedFigure & { number: number; qualifier: Qualifier } =>
			figure.side === party && figure.number !== null && figure.qualifier !== null
	);
	if (own.length === 0) return null;
	const exact = own.filter((figure) => figure.qualifier === 'exact');
	const pool = exact.length > 0 ? exact : own;
	const highest = pool.reduce((best, figure) => (figure.number > best.number ? figure : best));
	return {
		number: highest.number,
		qualifier: highest.qualifier,
		varies: new Set(pool.map((figure) => figure.number)).size > 1
	};
}

/** Figures and statuses of one round, for both populations and both directions. */
export function roundFigures(claims: readonly ClaimFigure[]): Record<Population, Record<Direction, DirectionFigures>> {
	const result = {} as Record<Population, Record<Direction, DirectionFigures>>;
	for (const population of populations) {
		result[population] = {} as Record<Direction, DirectionFigures>;
		for (const direction of directions) {
			const figures = reportFigures(claims, headlineCounted[population][direction]);
			result[population][direction] = {
				confirmation: deriveConfirmation(figures),
				byParty: { ukraine: partyFigure(figures, 'ukraine'), russia: partyFigure(figures, 'russia') }
			};
		}
	}
	return result;
}

/** The sum for one direction: confirmed, and each party's own. */
export interface DirectionTotal {
	/** Sum of confirmed figures, over the rounds whose figure is confirmed. */
	confirmed: number;
	confirmedRounds: number;
	/** Each party's sum of its own exact figures, and over how many rounds. */
	byParty: Record<Party, { sum: number; rounds: number }>;
	/** Rounds with any figure at all in this direction. */
	roundsWithFigures: number;
}

/** What the totals need of a round. */
export interface RoundForTotals {
	kind: RoundKind;
	figures: Record<Population, Record<Direction, DirectionFigures>>;
}

/**
 * Totals per population and direction. Agreements are skipped: their stages are rounds of their
 * own and are counted there, so adding the agreement would count the same people twice.
 */
export function totalsByDirection(
	rounds: readonly RoundForTotals[]
): Record<Population, Record<Direction, DirectionTotal>> {
	const totals = {} as Record<Population, Record<Direction, DirectionTotal>>;
	for (const population of populations) {
		totals[population] = {} as Record<Direction, DirectionTotal>;
		for (const direction of directions) {
			const total: DirectionTotal = {
				confirmed: 0,
				confirmedRounds: 0,
				byParty: { ukraine: { sum: 0, rounds: 0 }, russia: { sum: 0, rounds: 0 } },
				roundsWithFigures: 0
			};
			for (const round of rounds) {
				if (round.kind === 'agreement') continue;
				const { confirmation, byParty } = round.figures[population][direction];
				if (confirmation.status !== 'no_figure') total.roundsWithFigures += 1;
				if (isConfirmed(confirmation.status) && confirmation.confirmedNumber !== null) {
					total.confirmed += confirmation.confirmedNumber;
					total.confirmedRounds += 1;
				}
				for (const party of parties) {
					const figure = byParty[party];
					if (figure && figure.qualifier === 'exact') {
						total.byParty[party].sum += figure.number;
						total.byParty[party].rounds += 1;
					}
				}
			}
			totals[population][direction] = total;
		}
	}
	return totals;
}
