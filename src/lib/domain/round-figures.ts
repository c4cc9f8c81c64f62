// Per-round, per-direction figures and their confirmation, and the totals per direction built from them.
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../schemas/vocabulary';
import type { Speaker } from '../format/data-words';
import {
	comparedFigures,
	deriveConfirmation,
	hasConfirmedPart,
	type Confirmation,
	type FigurePart,
	type FigureScope,
	type StatedFigure
} from './confirmation';

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
export interface ClaimFigure extends Speaker {
	id: string;
	claimantSide: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	/** True when every source of the claim is a copy (mirror, aggregator, re-post): shown, never confirming. */
	onlyCopies?: boolean;
	/** Per direction, the part of the day's returns the figure counts (data/decisions/figure-parts.csv); whole if absent. */
	parts?: Partial<Record<Direction, FigurePart>>;
}

/** Where a counted value puts a figure: its population, the directions it speaks for, and its scope. */
interface Placement {
	population: Population;
	directions: readonly Direction[];
	scope: FigureScope;
}

const both = directions;

/**
 * Which `counted` values state a figure for one population and direction, and for which scope. A figure stated for
 * both directions at once ("390 for 390") is a figure for each direction. A sum of both directions ("780 exchanged")
 * has no placement: it is a combined figure, shown as such and never halved.
 */
export const placements: Partial<Record<Counted, Placement>> = {
	people_to_ukraine: { population: 'people', directions: ['to_ukraine'], scope: 'all' },
	people_to_russia: { population: 'people', directions: ['to_russia'], scope: 'all' },
	people_each_way: { population: 'people', directions: both, scope: 'all' },
	military_to_ukraine: { population: 'people', directions: ['to_ukraine'], scope: 'military' },
	military_to_russia: { population: 'people', directions: ['to_russia'], scope: 'military' },
	military_each_way: { population: 'people', directions: both, scope: 'military' },
	civilians_to_ukraine: { population: 'people', directions: ['to_ukraine'], scope: 'civilians' },
	civilians_to_russia: { population: 'people', directions: ['to_russia'], scope: 'civilians' },
	bodies_to_ukraine: { population: 'bodies', directions: ['to_ukraine'], scope: 'all' },
	bodies_to_russia: { population: 'bodies', directions: ['to_russia'], scope: 'all' },
	bodies_each_way: { population: 'bodies', directions: both, scope: 'all' }
};

/** Figures for both directions of one population added together. */
export const combinedCounted: Record<Population, readonly Counted[]> = {
	people: ['people_both_ways'],
	bodies: []
};

/** The `counted` values that give a figure (of any scope) for one population in one direction. */
export function countedFor(population: Population, direction: Direction): Counted[] {
	return Object.entries(placements)
		.filter(([, placement]) => placement.population === population && placement.directions.includes(direction))
		.map(([counted]) => counted as Counted);
}

/** The derived figures of one population in one direction of one round. */
export interface DirectionFigures {
	confirmation: Confirmation;
	/** Each party's figure for the direction (see {@link partyFigure}); null when it gave none. */
	byParty: Record<Party, PartyFigure | null>;
}

/** One figure a party's own figure is made of. */
export interface FigureComponent {
	scope: FigureScope;
	/** The part of the day's returns the component counts, when the party's figure adds up parts; whole if absent. */
	part?: FigurePart;
	number: number;
	qualifier: Qualifier;
	claimIds: string[];
}

/** A party's figure for one direction of one round, with how it was derived. */
export interface PartyFigure {
	number: number;
	qualifier: Qualifier;
	/** True when the party stated more than one different figure for a scope used; `number` then uses the highest. */
	varies: boolean;
	/** What the figure counts: everyone returned (stated, or servicemen + civilians added up), or one sub-count only. */
	scope: FigureScope;
	/** Set when the party gave a figure for only one part of the day's returns, which is then its figure. */
	part?: FigurePart;
	/**
	 * `stated`: the party's own figure; `sum`: the sum of its servicemen and civilians figures, or of its figures for the
	 * part of the day's returns inside the exchange and the part outside it.
	 */
	derivation: 'stated' | 'sum';
	components: FigureComponent[];
	/** Every claim the figure rests on. */
	claimIds: string[];
}

/** A statement's figure placed in one direction, with its scope, or a combined or other statement's figure. */
function statedFigure(claim: ClaimFigure, scope: FigureScope, direction?: Direction): StatedFigure {
	const part = direction ? claim.parts?.[direction] : undefined;
	return {
		...(part && part !== 'whole' ? { part } : {}),
		claimId: claim.id,
		claimant: claim.claimant,
		claimantNameUk: claim.claimantNameUk,
		claimantNameRu: claim.claimantNameRu,
		side: claim.claimantSide,
		number: claim.number,
		qualifier: claim.qualifier,
		scope,
		onlyCopies: claim.onlyCopies ?? false
	};
}

/**
 * Only reports of what happened in the round count: offers, plans announced in advance and
 * allegations attached to a round are shown but never confirm or dispute its outcome.
 */
function figuresFor(claims: readonly ClaimFigure[], population: Population, direction: Direction) {
	const reports: StatedFigure[] = [];
	const others: StatedFigure[] = [];
	for (const claim of claims) {
		const placement = placements[claim.counted];
		if (!placement || placement.population !== population || !placement.directions.includes(direction)) continue;
		(claim.statement === 'report' ? reports : others).push(statedFigure(claim, placement.scope, direction));
	}
	const combined = claims
		.filter((claim) => claim.statement === 'report' && combinedCounted[population].includes(claim.counted))
		.map((claim) => statedFigure(claim, 'all'));
	return { reports, others, combined };
}

type Numbered = StatedFigure & { number: number; qualifier: Qualifier };

/**
 * A party's own figure for one scope: its exact figure, or the highest of its exact figures if it gave several
 * (flagged as `varies`), or, when it gave only bounds, the highest bound with its qualifier.
 */
function scopeFigure(figures: readonly StatedFigure[], party: Party, scope: FigureScope) {
	const own = figures.filter(
		(figure): figure is Numbered =>
			figure.side === party &&
			(figure.scope ?? 'all') === scope &&
			(figure.part ?? 'whole') === 'whole' &&
			figure.number !== null &&
			figure.qualifier !== null
	);
	if (own.length === 0) return null;
	const exact = own.filter((figure) => figure.qualifier === 'exact');
	const pool = exact.length > 0 ? exact : own;
	const highest = pool.reduce((best, figure) => (figure.number > best.number ? figure : best));
	return {
		number: highest.number,
		qualifier: highest.qualifier,
		varies: new Set(pool.map((figure) => figure.number)).size > 1,
		claimIds: pool.filter((figure) => figure.number === highest.number).map((figure) => figure.claimId)
	};
}

/**
 * The qualifier of a sum of two figures, or null when the parts bound it in opposite directions (an "at least" and
 * an "up to" say nothing about their sum).
 */
export function sumQualifier(a: Qualifier, b: Qualifier): Qualifier | null {
	const parts = new Set([a, b]);
	parts.delete('exact');
	if (parts.size === 0) return 'exact';
	if ([...parts].every((q) => q === 'at_least' || q === 'more_than'))
		return parts.has('more_than') ? 'more_than' : 'at_least';
	if (parts.size === 1) return [...parts][0] ?? null;
	return null;
}

/**
 * A party's figure for one direction, in this order: its figure for everyone returned when it gave one; otherwise
 * the sum of its servicemen and civilians figures when it gave both (and they can be added); otherwise its one
 * sub-count, named as such. A figure stated for both directions at once counts for each direction at its scope.
 * The sums of the totals use only exact figures; bounds are shown, never added.
 */
export function partyFigure(figures: readonly StatedFigure[], party: Party): PartyFigure | null {
	const everyone = scopeFigure(figures, party, 'all');
	const component = (scope: FigureScope, figure: NonNullable<typeof everyone>): FigureComponent => ({
		scope,
		number: figure.number,
		qualifier: figure.qualifier,
		claimIds: figure.claimIds
	});
	if (everyone) {
		return { ...everyone, scope: 'all', derivation: 'stated', components: [component('all', everyone)] };
	}
	const sumOfParts = comparedFigures(figures, 'all').find((figure) => figure.side === party && figure.sumOf);
	if (sumOfParts?.sumOf?.every((part) => part.part !== undefined)) {
		const parts = sumOfParts.sumOf.flatMap((part) =>
			part.number === null || part.qualifier === null
				? []
				: [
						{
							scope: part.scope ?? 'all',
							...(part.part ? { part: part.part } : {}),
							number: part.number,
							qualifier: part.qualifier,
							claimIds: [part.claimId]
						}
					]
		);
		return {
			number: sumOfParts.number,
			qualifier: 'exact',
			varies: false,
			scope: 'all',
			derivation: 'sum',
			components: parts,
			claimIds: parts.flatMap((part) => part.claimIds)
		};
	}
	const military = scopeFigure(figures, party, 'military');
	const civilians = scopeFigure(figures, party, 'civilians');
	const qualifier = military && civilians ? sumQualifier(military.qualifier, civilians.qualifier) : null;
	if (military && civilians && qualifier) {
		return {
			number: military.number + civilians.number,
			qualifier,
			varies: military.varies || civilians.varies,
			scope: 'all',
			derivation: 'sum',
			components: [component('military', military), component('civilians', civilians)],
			claimIds: [...military.claimIds, ...civilians.claimIds]
		};
	}
	const [scope, only] = military
		? (['military', military] as const)
		: civilians
			? (['civilians', civilians] as const)
			: [];
	if (!scope || !only) return partAlone(figures, party);
	return { ...only, scope, derivation: 'stated', components: [component(scope, only)] };
}

/**
 * A party that gave only a figure for one part of the day's returns: that figure, named with its part (it is not the
 * party's figure for everyone returned); the highest if it gave several, exact ones first.
 */
function partAlone(figures: readonly StatedFigure[], party: Party): PartyFigure | null {
	const own = figures.filter(
		(figure): figure is Numbered =>
			figure.side === party && figure.part !== undefined && figure.number !== null && figure.qualifier !== null
	);
	const exact = own.filter((figure) => figure.qualifier === 'exact');
	const pool = exact.length > 0 ? exact : own;
	const [first] = pool;
	if (!first) return null;
	const highest = pool.reduce((best, figure) => (figure.number > best.number ? figure : best), first);
	const scope = highest.scope ?? 'all';
	return {
		number: highest.number,
		qualifier: highest.qualifier,
		varies: new Set(pool.map((figure) => figure.number)).size > 1,
		scope,
		part: highest.part,
		derivation: 'stated',
		components: [
			{ scope, part: highest.part, number: highest.number, qualifier: highest.qualifier, claimIds: [highest.claimId] }
		],
		claimIds: [highest.claimId]
	};
}

/** Figures and statuses of one round, for both populations and both directions. */
export function roundFigures(claims: readonly ClaimFigure[]): Record<Population, Record<Direction, DirectionFigures>> {
	const result = {} as Record<Population, Record<Direction, DirectionFigures>>;
	for (const population of populations) {
		result[population] = {} as Record<Direction, DirectionFigures>;
		for (const direction of directions) {
			const { reports, others, combined } = figuresFor(claims, population, direction);
			result[population][direction] = {
				confirmation: deriveConfirmation(reports, { combined, otherStatements: others }),
				byParty: { ukraine: partyFigure(reports, 'ukraine'), russia: partyFigure(reports, 'russia') }
			};
		}
	}
	return result;
}

/** The sum for one direction: confirmed, and each party's own. */
export interface DirectionTotal {
	/**
	 * Sum of what two sides stated alike, over the rounds where some part is confirmed: the whole figure, or for a
	 * partly confirmed round the sub-counts both gave (servicemen, say).
	 */
	confirmed: number;
	confirmedRounds: number;
	/** Of `confirmedRounds`, those where only a part (a sub-count) is confirmed. */
	partlyConfirmedRounds: number;
	/** Each party's sum of its own exact figures (see {@link partyFigure}), and over how many rounds. */
	byParty: Record<Party, { sum: number; rounds: number }>;
	/** Rounds with any figure at all in this direction. */
	roundsWithFigures: number;
	/** Rounds whose headline is this population (people for exchanges, bodies for repatriations). */
	rounds: number;
	/** Of those, the rounds with no figure for this direction, and those with only a figure for both directions. */
	roundsWithoutFigure: number;
	roundsCombinedOnly: number;
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
				partlyConfirmedRounds: 0,
				byParty: { ukraine: { sum: 0, rounds: 0 }, russia: { sum: 0, rounds: 0 } },
				roundsWithFigures: 0,
				rounds: 0,
				roundsWithoutFigure: 0,
				roundsCombinedOnly: 0
			};
			for (const round of rounds) {
				if (round.kind === 'agreement') continue;
				const { confirmation, byParty } = round.figures[population][direction];
				const hasFigure = confirmation.status !== 'no_figure' && confirmation.status !== 'combined_only';
				if (hasFigure) total.roundsWithFigures += 1;
				if (headlinePopulation(round.kind) === population) {
					total.rounds += 1;
					if (confirmation.status === 'no_figure') total.roundsWithoutFigure += 1;
					if (confirmation.status === 'combined_only') total.roundsCombinedOnly += 1;
				}
				if (hasConfirmedPart(confirmation.status) && confirmation.confirmedNumber !== null) {
					total.confirmed += confirmation.confirmedNumber;
					total.confirmedRounds += 1;
					if (confirmation.status === 'partly_confirmed') total.partlyConfirmedRounds += 1;
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
