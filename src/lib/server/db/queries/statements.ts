// Statements with what the record says next to them: verdicts, threads, sums of rounds, support, and what followed an offer.
import {
	ClaimIndex,
	deriveVerdict,
	offerDelivery,
	otherSidesTotals,
	recordSumsUpTo,
	sameSubject,
	supportingIn,
	threadOf,
	type LinkedRound,
	type OfferDelivery,
	type RecordSums,
	type ThreadAnswer,
	type Verdict
} from '../../../domain/claim-context';
import { verdictHref, verdictText, verdictTone, type VerdictTone } from '../../../format/verdict';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor } from '../prepared';
import { allClaims, offerRoundLinks, type ClaimView } from './claims';
import type { MediatorWords } from '../../../format/data-words';
import { listRounds, mediatorWordsOf, type RoundListItem } from './rounds';

/** A verdict with its sentence, the record it points to and how it is styled: the same everywhere it is shown. */
export interface StatementVerdict {
	verdict: Verdict;
	text: string;
	href: string | null;
	tone: VerdictTone;
}

/** A statement in the list, with its verdict and how many support and answer it. */
export interface StatementListItem extends ClaimView {
	supportCount: number;
	responseCount: number;
	verdict: StatementVerdict;
}

/** A round carried out under an offer, with why it counts as such. */
export interface DeliveryRound {
	round: RoundListItem;
	reason: string | null;
}

/** A statement with everything the record says next to it. */
export interface StatementContext {
	claim: ClaimView;
	verdict: StatementVerdict;
	/** For a running total: the sums of rounds up to its date. */
	sums: RecordSums | null;
	/** The mediator whose rounds `sums` adds up, with its names in each language (none when it sums every round). */
	sumsMediator: MediatorWords | null;
	/** Statements by another side that agree with it. */
	supporting: ClaimView[];
	/** What it answers, nearest first, and every answer below it (see `threadOf`). */
	thread: { answers: ClaimView[]; responses: ThreadAnswer<ClaimView>[] };
	/** Other statements of the same kind by the same claimant within the window (see `sameSubject`). */
	sameSubject: ClaimView[];
	/** For an offer: the rounds carried out under it and what they delivered. */
	delivery: (OfferDelivery & { linked: DeliveryRound[] }) | null;
	/** The round it is attached to, if any. */
	round: RoundListItem | null;
}

/** Every claim once, with the lookups the verdicts need: by id, by what it counts and date, and its answers. */
const claimGraph = memoizedFor((db: DatasetDatabase) => {
	const claims = allClaims(db);
	const responses = new Map<string, ClaimView[]>();
	for (const claim of claims) {
		if (claim.respondsTo === null) continue;
		const list = responses.get(claim.respondsTo) ?? [];
		list.push(claim);
		responses.set(claim.respondsTo, list);
	}
	return { claims, byId: new Map(claims.map((claim) => [claim.id, claim])), index: new ClaimIndex(claims), responses };
});

const roundsById = memoizedFor((db: DatasetDatabase) => new Map(listRounds(db).map((round) => [round.id, round])));

/** The offers of data/decisions/offer-rounds.csv, each with its rounds and reasons. */
const linksByOffer = memoizedFor((db: DatasetDatabase) => {
	const links = new Map<string, DeliveryRound[]>();
	const rounds = roundsById(db);
	for (const link of offerRoundLinks(db)) {
		const round = rounds.get(link.roundId);
		if (!round) continue;
		const list = links.get(link.offerId) ?? [];
		list.push({ round, reason: link.reason });
		links.set(link.offerId, list);
	}
	return links;
});

/**
 * The rounds carried out under an offer: for an offer stating an agreement's terms, the agreement's
 * stages (its rounds by `parent_id`); for any offer, the rounds data/decisions/offer-rounds.csv links to it.
 */
function roundsUnderOffer(db: DatasetDatabase, claim: ClaimView): DeliveryRound[] {
	if (claim.statement !== 'offer') return [];
	const attached = claim.roundId ? roundsById(db).get(claim.roundId) : undefined;
	const stages =
		attached?.kind === 'agreement'
			? listRounds(db)
					.filter((round) => round.parentId === attached.id)
					.map((round) => ({ round, reason: null }))
			: [];
	return [...stages, ...(linksByOffer(db).get(claim.id) ?? [])];
}

function deliveryOf(db: DatasetDatabase, claim: ClaimView): StatementContext['delivery'] {
	const linked = roundsUnderOffer(db, claim);
	const delivery = offerDelivery(
		claim,
		linked.map(({ round, reason }): LinkedRound => ({ ...round, reason }))
	);
	if (!delivery) return null;
	// In the delivery's order (oldest first), without the rounds it leaves out (another population).
	const byId = new Map(linked.map((link) => [link.round.id, link]));
	return { ...delivery, linked: delivery.rounds.map((round) => byId.get(round.id)!) };
}

/** A claim's verdict and the statements that support it. */
interface Judgement {
	verdict: StatementVerdict;
	supporting: ClaimView[];
}

/**
 * Each claim's judgement, computed the first time it is asked for and kept per dataset: a round's page needs those of
 * the few statements around it, so the first render after a new dataset version does not judge every claim first.
 */
const judgements = memoizedFor((): Map<string, Judgement> => new Map());

function judge(db: DatasetDatabase, claim: ClaimView): Judgement {
	const kept = judgements(db).get(claim.id);
	if (kept) return kept;
	const graph = claimGraph(db);
	const supporting = claim.statement === 'report' ? [] : supportingIn(claim, graph.index);
	const attached = claim.roundId ? (roundsById(db).get(claim.roundId) ?? null) : null;
	const verdict = deriveVerdict({
		claim,
		answers: claim.respondsTo ? (graph.byId.get(claim.respondsTo) ?? null) : null,
		responses: graph.responses.get(claim.id) ?? [],
		supporting,
		otherTotals: claim.statement === 'running_total' ? otherSidesTotals(claim, graph.index) : [],
		round: attached && { id: attached.id, date: attached.date, kind: attached.kind },
		delivery: deliveryOf(db, claim)
	});
	const judged = {
		verdict: { verdict, text: verdictText(verdict, claim), href: verdictHref(verdict), tone: verdictTone(verdict) },
		supporting
	};
	judgements(db).set(claim.id, judged);
	return judged;
}

/** The verdict of one claim (every claim has one), or null for an unknown id. */
export function verdictOf(db: DatasetDatabase, id: string): StatementVerdict | null {
	const claim = claimGraph(db).byId.get(id);
	return claim ? judge(db, claim).verdict : null;
}

/** Whether a claim is a statement of its own (listed on /claims): anything but a report of a round's outcome. */
const isStatement = (claim: ClaimView) => claim.roundId === null || claim.statement !== 'report';

function toListItem(db: DatasetDatabase, claim: ClaimView): StatementListItem {
	const { verdict, supporting } = judge(db, claim);
	return {
		...claim,
		supportCount: supporting.length,
		responseCount: claimGraph(db).responses.get(claim.id)?.length ?? 0,
		verdict
	};
}

/**
 * Running totals, offers, allegations and rebuttals, newest first, with their verdicts: the claims of the graph (oldest
 * first, then by id), not read and built again.
 */
export const listStatements = memoizedFor((db: DatasetDatabase): StatementListItem[] =>
	claimGraph(db)
		.claims.filter(isStatement)
		.reverse()
		.map((claim) => toListItem(db, claim))
);

/** One claim with what the record says next to it, or null. */
export function statementContext(db: DatasetDatabase, id: string): StatementContext | null {
	const graph = claimGraph(db);
	const claim = graph.byId.get(id);
	if (!claim) return null;
	const judged = judge(db, claim);
	const thread = threadOf(id, graph.byId);
	const inThread = new Set(
		[...thread.answers, ...thread.responses.map(({ claim: answer }) => answer)].map((c) => c.id)
	);
	const sums = claim.statement === 'running_total' ? recordSumsUpTo(listRounds(db), claim) : null;
	return {
		claim,
		verdict: judged.verdict,
		sums,
		sumsMediator: sums?.mediator ? mediatorWordsOf(db, [sums.mediator]) : null,
		supporting: judged.supporting,
		thread,
		sameSubject: claim.statement === 'report' ? [] : sameSubject(claim, graph.claims, inThread),
		delivery: deliveryOf(db, claim),
		round: claim.roundId ? (roundsById(db).get(claim.roundId) ?? null) : null
	};
}

/** How many days around a round's date a statement counts as made "around" it. */
export const NEARBY_DAYS = 3;

/** Statements outside rounds made within {@link NEARBY_DAYS} days of a date, oldest first. */
export function statementsNear(db: DatasetDatabase, date: string): StatementListItem[] {
	const day = Date.parse(`${date}T00:00:00Z`);
	const from = new Date(day - NEARBY_DAYS * 86_400_000).toISOString().slice(0, 10);
	const to = new Date(day + NEARBY_DAYS * 86_400_000).toISOString().slice(0, 10);
	// The graph's claims are in date order: the first made on or after `from`, by bisection, then on to `to`.
	const { claims } = claimGraph(db);
	let low = 0;
	let high = claims.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (claims[middle]!.statedOn < from) low = middle + 1;
		else high = middle;
	}
	const near: StatementListItem[] = [];
	for (let index = low; index < claims.length && claims[index]!.statedOn <= to; index += 1) {
		const claim = claims[index]!;
		if (isStatement(claim)) near.push(toListItem(db, claim));
	}
	return near;
}
