// What the record says next to a statement: the sums of rounds up to its date, who supports or answers it, what followed an offer, and the verdict in one line.
import type { ClaimantSide, Counted, Qualifier, StatementKind } from '../schemas/vocabulary';
import type { Speaker } from '../format/data-words';

export type { Speaker };
import { isConsistentWith } from './confirmation';
import {
	headlinePopulation,
	totalsByDirection,
	type DirectionTotal,
	type Population,
	type RoundForTotals
} from './round-figures';

/** The population a running total can be compared with, or null when the record has no comparable sum. */
export function comparablePopulation(counted: Counted): Population | null {
	if (counted.startsWith('people_')) return 'people';
	if (counted.startsWith('bodies_')) return 'bodies';
	return null;
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

/** The events up to a day (of one mediator, or of any): how many, and their totals (see `totalsByDirection`). */
export interface EventSums {
	rounds: number;
	totals: ReturnType<typeof totalsByDirection>;
}

/**
 * The record's sums to set beside a running total stated on `date`: every round up to and
 * including that day, or for a mediator's statement only the rounds crediting that mediator
 * (a mediator counts the exchanges it mediated). Null when what the total counts has no
 * counterpart among round figures (servicemen only, people held, ...). `mediators` are the names
 * rounds credit, newest round first; `sumUpTo` adds up the events (agreements aside) up to a day, of
 * a mediator when one is given (the server adds up each round's stored share in SQL).
 */
export function recordSumsUpTo(
	mediators: readonly string[],
	claim: { counted: Counted; statedOn: string; side: ClaimantSide; claimant: string },
	sumUpTo: (upTo: string, mediator: string | null) => EventSums
): RecordSums | null {
	const population = comparablePopulation(claim.counted);
	if (population === null) return null;
	const mediator = claim.side === 'mediator' ? (mediators.find((name) => claim.claimant.includes(name)) ?? null) : null;
	const sums = sumUpTo(claim.statedOn, mediator);
	const totals = sums.totals[population];
	return {
		upTo: claim.statedOn,
		population,
		mediator,
		rounds: sums.rounds,
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

const DAY_MS = 86_400_000;

function daysBetween(a: string, b: string): number {
	return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;
}

/** The day `days` days after (or, negative, before) an ISO date. */
function shiftDate(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `other` counts something the vocabulary does not name: two such figures are never taken to count the same thing. */
export function isComparableCounted(counted: Counted): boolean {
	return counted !== 'other';
}

/**
 * The statements that support a claim: made by a different side, of the same kind of statement
 * (a running total by a running total, an allegation by an allegation), counting the same named
 * thing, within {@link SUPPORT_WINDOW_DAYS} days, with a figure consistent with the claim's (an
 * exact figure must match exactly; a bound must hold for the other's exact figure). Rebuttals never
 * support. A claim without a figure, or counting `other`, has nothing to support.
 */
export function supportingClaims<T extends ComparableClaim>(claim: ComparableClaim, candidates: readonly T[]): T[] {
	return candidates.filter(
		(other) => supports(other, claim) && daysBetween(other.statedOn, claim.statedOn) <= SUPPORT_WINDOW_DAYS
	);
}

/** Whether `other` supports `claim`, all but the window of days (see {@link supportingClaims}). */
function supports(other: ComparableClaim, claim: ComparableClaim): boolean {
	const { number, qualifier } = claim;
	if (number === null || qualifier === null || !isComparableCounted(claim.counted)) return false;
	if (other.id === claim.id || other.side === claim.side || other.statement === 'rebuttal') return false;
	if (other.statement !== claim.statement) return false;
	if (other.counted !== claim.counted || other.number === null || other.qualifier === null) return false;
	if (qualifier === 'exact' && other.qualifier === 'exact') return other.number === number;
	if (qualifier === 'exact') return isConsistentWith(other, number);
	if (other.qualifier === 'exact') return isConsistentWith(claim, other.number);
	return false;
}

/**
 * Claims by what they count and the kind of statement, each list in date order, so that the
 * statements within a window of days of a date are found by two binary searches instead of a pass
 * over every claim.
 */
export class ClaimIndex<T extends ComparableClaim> {
	private readonly lists = new Map<string, T[]>();

	/** `claims` in any order; within one list, claims of the same day keep the order given. */
	constructor(claims: readonly T[]) {
		for (const claim of claims) {
			const key = indexKey(claim.counted, claim.statement);
			const list = this.lists.get(key) ?? [];
			list.push(claim);
			this.lists.set(key, list);
		}
		for (const list of this.lists.values()) {
			// A stable sort: claims of the same day stay in the order they were given.
			list.sort((a, b) => (a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : 0));
		}
	}

	/** The claims of one kind of statement counting `counted`, stated within `days` days of `date` (inclusive), in date order. */
	near(counted: Counted, statement: StatementKind, date: string, days: number = SUPPORT_WINDOW_DAYS): T[] {
		const list = this.lists.get(indexKey(counted, statement));
		if (!list) return [];
		const from = firstOnOrAfter(list, shiftDate(date, -days));
		const to = firstOnOrAfter(list, shiftDate(date, days + 1));
		return list.slice(from, to);
	}
}

const indexKey = (counted: Counted, statement: StatementKind) => `${counted} ${statement}`;

/** The index of the first claim stated on or after `date` in a date-ordered list. */
function firstOnOrAfter(list: readonly ComparableClaim[], date: string): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (list[middle]!.statedOn < date) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** {@link supportingClaims} over an index: the same result, looking only at the window around the claim. */
export function supportingIn<T extends ComparableClaim>(claim: ComparableClaim, index: ClaimIndex<T>): T[] {
	if (claim.number === null || !isComparableCounted(claim.counted)) return [];
	// The index's window is the support window: only the other conditions are left to check.
	return index.near(claim.counted, claim.statement, claim.statedOn).filter((other) => supports(other, claim));
}

/**
 * Running totals by another side counting the same named thing within {@link SUPPORT_WINDOW_DAYS}
 * days: what a running total can be compared with. Empty means that nobody else's total is on
 * record near it (or, for `other`, that it is compared with nothing).
 */
export function otherSidesTotals<T extends ComparableClaim>(claim: ComparableClaim, index: ClaimIndex<T>): T[] {
	if (!isComparableCounted(claim.counted)) return [];
	return index
		.near(claim.counted, 'running_total', claim.statedOn)
		.filter((other) => other.id !== claim.id && other.side !== claim.side);
}

/** A claim as a thread or a verdict names it. */
export interface ClaimRef extends Speaker {
	id: string;
	side: ClaimantSide;
	statement: StatementKind;
	statedOn: string;
}

/** A claim as the thread needs it: who answers whom. */
export interface ThreadClaim extends ClaimRef {
	respondsTo: string | null;
}

/** How many steps up (what it answers) and down (answers to answers) a thread follows. */
export const THREAD_DEPTH = 5;

/** One answer in a thread, with how many steps it is from the statement (1: a direct answer). */
export interface ThreadAnswer<T> {
	claim: T;
	depth: number;
}

/** A statement's thread: what it answers (nearest first), and every answer below it. */
export interface Thread<T> {
	answers: T[];
	responses: ThreadAnswer<T>[];
}

/**
 * The thread around a statement, following `responds_to` up to {@link THREAD_DEPTH} steps either way:
 * the chain of statements it answers, and the answers to it and to its answers, each in date order
 * under the statement it answers (depth first). A claim is listed once even if the data loops.
 */
export function threadOf<T extends ThreadClaim>(id: string, claims: ReadonlyMap<string, T>): Thread<T> {
	const seen = new Set([id]);
	const answers: T[] = [];
	let current = claims.get(id)?.respondsTo ?? null;
	while (current !== null && answers.length < THREAD_DEPTH && !seen.has(current)) {
		const target = claims.get(current);
		if (!target) break;
		seen.add(current);
		answers.push(target);
		current = target.respondsTo;
	}
	const children = new Map<string, T[]>();
	for (const claim of claims.values()) {
		if (claim.respondsTo === null) continue;
		const list = children.get(claim.respondsTo) ?? [];
		list.push(claim);
		children.set(claim.respondsTo, list);
	}
	const responses: ThreadAnswer<T>[] = [];
	const walk = (parent: string, depth: number) => {
		if (depth > THREAD_DEPTH) return;
		const direct = [...(children.get(parent) ?? [])].sort(byDateThenId);
		for (const child of direct) {
			if (seen.has(child.id)) continue;
			seen.add(child.id);
			responses.push({ claim: child, depth });
			walk(child.id, depth + 1);
		}
	};
	walk(id, 1);
	return { answers, responses };
}

function byDateThenId(a: ClaimRef, b: ClaimRef): number {
	return a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Other statements "on the same subject": by the same claimant (the same name as recorded), of the
 * same kind of statement, made within {@link SUPPORT_WINDOW_DAYS} days either side, in date order.
 * Statements already in the thread are left out so that none is listed twice.
 */
export function sameSubject<T extends ThreadClaim>(
	claim: ThreadClaim,
	candidates: readonly T[],
	exclude: ReadonlySet<string>
): T[] {
	return candidates
		.filter(
			(other) =>
				other.id !== claim.id &&
				!exclude.has(other.id) &&
				other.claimant === claim.claimant &&
				other.statement === claim.statement &&
				daysBetween(other.statedOn, claim.statedOn) <= SUPPORT_WINDOW_DAYS
		)
		.sort(byDateThenId);
}

/** A round as an offer's delivery lists it. */
export interface LinkedRound extends RoundForTotals {
	id: string;
	date: string;
	/** Why the round counts as carried out under the offer: a stage of its agreement, or the reason in the data. */
	reason: string | null;
}

/**
 * The population an offer is measured in (bodies for an offer of bodies, living people for any other)
 * and whether its figure is per side ("1,200 for 1,200").
 */
export function offerDirections(counted: Counted): { population: Population; perSide: boolean } {
	return {
		population: counted.startsWith('bodies_') ? 'bodies' : 'people',
		perSide: counted.endsWith('_each_way')
	};
}

/** What followed an offer: the rounds carried out under it and what each side says they delivered. */
export interface OfferDelivery {
	population: Population;
	/** The offer's figure is per side ("1,200 for 1,200"). */
	perSide: boolean;
	rounds: { id: string; date: string; reason: string | null }[];
	/** The day of the last linked round. */
	lastDate: string;
	toUkraine: DirectionTotal;
	toRussia: DirectionTotal;
}

/**
 * The delivery of an offer over the rounds linked to it, counting only rounds of the offer's
 * population (an agreement's stages that returned bodies are not deliveries of an offer of people).
 * Null when no such round is linked.
 */
export function offerDelivery(offer: { counted: Counted }, linked: readonly LinkedRound[]): OfferDelivery | null {
	const directions = offerDirections(offer.counted);
	const rounds = [...linked]
		.filter((round) => round.kind !== 'agreement' && headlinePopulation(round.kind) === directions.population)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	if (rounds.length === 0) return null;
	const totals = totalsByDirection(rounds)[directions.population];
	return {
		...directions,
		rounds: rounds.map(({ id, date, reason }) => ({ id, date, reason })),
		lastDate: rounds[rounds.length - 1]!.date,
		toUkraine: totals.to_ukraine,
		toRussia: totals.to_russia
	};
}

/** The machine-readable kinds of verdict (the `verdict` column of the downloads). */
export const verdictKinds = [
	'round_report',
	'supported',
	'own_total',
	'own_total_differs',
	'unsupported_allegation',
	'answered_allegation',
	'follow_up',
	'offer_followed',
	'offer_before_round',
	'offer_unlinked',
	'rebuttal',
	'rebuttal_unlinked'
] as const;
export type VerdictKind = (typeof verdictKinds)[number];

/** A round as a verdict names it. */
export interface RoundRef {
	id: string;
	date: string;
	kind: RoundForTotals['kind'];
}

/** What the record says about one statement, in a form the pages, the exports and the tests share. */
export type Verdict =
	| { kind: 'round_report'; round: RoundRef }
	| { kind: 'supported'; by: ClaimRef[]; answeredBy: ClaimRef | null }
	| {
			kind: 'own_total';
			side: ClaimantSide;
			speaker: Speaker;
			/** False when it counts `other`: it is then compared with nothing. */
			comparable: boolean;
			/** Another side's total of the same thing on another day within the window, the closest in time. */
			nearest: ClaimRef | null;
	  }
	| { kind: 'own_total_differs'; side: ClaimantSide; speaker: Speaker; others: ClaimRef[] }
	| { kind: 'unsupported_allegation' }
	| { kind: 'answered_allegation'; answeredBy: ClaimRef }
	| { kind: 'follow_up'; of: ClaimRef; supported: boolean }
	| { kind: 'offer_followed'; delivery: OfferDelivery }
	| { kind: 'offer_before_round'; round: RoundRef }
	| { kind: 'offer_unlinked' }
	| { kind: 'rebuttal'; of: ClaimRef }
	| { kind: 'rebuttal_unlinked' };

const speakerOf = (claim: Speaker): Speaker => ({
	claimant: claim.claimant,
	claimantNameUk: claim.claimantNameUk,
	claimantNameRu: claim.claimantNameRu
});

/** Everything the verdict of one statement is derived from. */
export interface VerdictInput {
	claim: ClaimRef & { respondsTo: string | null; counted: Counted };
	/** The statement it answers, when it answers one. */
	answers: ClaimRef | null;
	/** Direct answers to it. */
	responses: readonly ClaimRef[];
	/** Statements by another side that agree with its figure ({@link supportingClaims}). */
	supporting: readonly ClaimRef[];
	/** For a running total: other sides' totals of the same thing near its date ({@link otherSidesTotals}). */
	otherTotals: readonly ClaimRef[];
	/** The round it is attached to, if any. */
	round: RoundRef | null;
	/** For an offer: what followed it, when any round is linked to it. */
	delivery: OfferDelivery | null;
}

/**
 * The verdict on a statement: what the record says about it, by kind of statement.
 * - a report belongs to a round, whose page compares it with the other sides' figures;
 * - a rebuttal answers the statement it responds to;
 * - an offer is set against the rounds carried out under it, else the round it announced, else nothing;
 * - a statement answering an earlier one by the same side follows it up;
 * - a figure another side agrees with is supported, by whom;
 * - a running total nobody else supports is its claimant's own: another side's different total of the
 *   same day is named; otherwise the nearest other side's total within the window (of another day, so
 *   the two may differ only because time passed), or that there is none;
 * - an allegation nobody supports is unsupported, and says who answered it when someone did.
 */
export function deriveVerdict(input: VerdictInput): Verdict {
	const { claim, answers, responses, supporting, otherTotals, round, delivery } = input;
	if (claim.statement === 'report' && round) return { kind: 'round_report', round };
	if (claim.statement === 'rebuttal')
		return answers ? { kind: 'rebuttal', of: answers } : { kind: 'rebuttal_unlinked' };
	if (claim.statement === 'offer') {
		if (delivery) return { kind: 'offer_followed', delivery };
		if (round && round.kind !== 'agreement') return { kind: 'offer_before_round', round };
		return { kind: 'offer_unlinked' };
	}
	if (answers && answers.side === claim.side)
		return { kind: 'follow_up', of: answers, supported: supporting.length > 0 };
	const answeredBy = responses.find((response) => response.side !== claim.side) ?? null;
	if (supporting.length > 0) return { kind: 'supported', by: [...supporting], answeredBy };
	if (claim.statement === 'running_total') {
		const sameDay = otherTotals.filter((other) => other.statedOn === claim.statedOn);
		if (sameDay.length > 0)
			return { kind: 'own_total_differs', side: claim.side, speaker: speakerOf(claim), others: sameDay };
		const nearest =
			[...otherTotals].sort(
				(a, b) =>
					daysBetween(a.statedOn, claim.statedOn) - daysBetween(b.statedOn, claim.statedOn) || byDateThenId(a, b)
			)[0] ?? null;
		return {
			kind: 'own_total',
			side: claim.side,
			speaker: speakerOf(claim),
			comparable: isComparableCounted(claim.counted),
			nearest
		};
	}
	return answeredBy ? { kind: 'answered_allegation', answeredBy } : { kind: 'unsupported_allegation' };
}
