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
import { allClaims, listStatementsOutsideRounds, offerRoundLinks, type ClaimView } from './claims';
import { listRounds, type RoundListItem } from './rounds';

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

/** The verdict of every claim, with the number of statements supporting it, computed once per dataset. */
const verdicts = memoizedFor((db: DatasetDatabase) => {
	const graph = claimGraph(db);
	const rounds = roundsById(db);
	const result = new Map<string, { verdict: StatementVerdict; supporting: ClaimView[] }>();
	for (const claim of graph.claims) {
		const supporting = claim.statement === 'report' ? [] : supportingIn(claim, graph.index);
		const attached = claim.roundId ? (rounds.get(claim.roundId) ?? null) : null;
		const verdict = deriveVerdict({
			claim,
			answers: claim.respondsTo ? (graph.byId.get(claim.respondsTo) ?? null) : null,
			responses: graph.responses.get(claim.id) ?? [],
			supporting,
			otherTotals: claim.statement === 'running_total' ? otherSidesTotals(claim, graph.index) : [],
			round: attached && { id: attached.id, date: attached.date, kind: attached.kind },
			delivery: deliveryOf(db, claim)
		});
		result.set(claim.id, {
			verdict: { verdict, text: verdictText(verdict, claim), href: verdictHref(verdict), tone: verdictTone(verdict) },
			supporting
		});
	}
	return result;
});

/** The verdict of one claim (every claim has one), or null for an unknown id. */
export function verdictOf(db: DatasetDatabase, id: string): StatementVerdict | null {
	return verdicts(db).get(id)?.verdict ?? null;
}

/** Running totals, offers, allegations and rebuttals, newest first, with their verdicts. */
export const listStatements = memoizedFor((db: DatasetDatabase): StatementListItem[] => {
	const all = verdicts(db);
	const { responses } = claimGraph(db);
	return listStatementsOutsideRounds(db).map((claim) => {
		const { verdict, supporting } = all.get(claim.id)!;
		return {
			...claim,
			supportCount: supporting.length,
			responseCount: responses.get(claim.id)?.length ?? 0,
			verdict
		};
	});
});

/** One claim with what the record says next to it, or null. */
export function statementContext(db: DatasetDatabase, id: string): StatementContext | null {
	const graph = claimGraph(db);
	const claim = graph.byId.get(id);
	const judged = verdicts(db).get(id);
	if (!claim || !judged) return null;
	const thread = threadOf(id, graph.byId);
	const inThread = new Set(
		[...thread.answers, ...thread.responses.map(({ claim: answer }) => answer)].map((c) => c.id)
	);
	return {
		claim,
		verdict: judged.verdict,
		sums: claim.statement === 'running_total' ? recordSumsUpTo(listRounds(db), claim) : null,
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
	return listStatements(db)
		.filter((claim) => Math.abs(Date.parse(`${claim.statedOn}T00:00:00Z`) - day) <= NEARBY_DAYS * 86_400_000)
		.reverse();
}
