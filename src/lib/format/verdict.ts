// A statement's verdict in words, and the record it points to: the same sentence on the pages, in the downloads and the API.
import {
	SUPPORT_WINDOW_DAYS,
	type ClaimRef,
	type OfferDelivery,
	type Speaker,
	type Verdict
} from '../domain/claim-context';
import type { DirectionTotal, Party } from '../domain/round-figures';
import type { ClaimantSide, Counted, Qualifier } from '../schemas/vocabulary';
import { m } from '../paraglide/messages.js';
import { claimSpeaker } from './data-words';
import { formatDate, formatFigure, formatNumber, sideLabel, statementLabel } from './figures';

/** How a verdict is shown: neutral facts, a caution (nobody supports it), or support from another side. */
export type VerdictTone = 'neutral' | 'caution' | 'supported';

/** The offer's own figure, for "of 1,200 per side offered". */
export interface OfferedFigure {
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
}

const who = (claim: ClaimRef) => m.verdict_who({ claimant: claimSpeaker(claim), side: sideLabel(claim.side) });

function whoList(claims: readonly ClaimRef[]): string {
	const first = claims[0];
	if (!first) return '';
	return claims.length === 1
		? who(first)
		: m.verdict_who_more({ who: who(first), count: formatNumber(claims.length - 1) });
}

const days = { days: SUPPORT_WINDOW_DAYS, daysText: formatNumber(SUPPORT_WINDOW_DAYS) };

/** "Kyiv's own total", "Moscow's own total" or "UAE Ministry of Foreign Affairs's own total". */
function owner(side: ClaimantSide, speaker: Speaker): string {
	if (side === 'ukraine') return m.verdict_owner_ukraine();
	if (side === 'russia') return m.verdict_owner_russia();
	return m.verdict_owner_other({ claimant: claimSpeaker(speaker) });
}

function ownTotal(verdict: Extract<Verdict, { kind: 'own_total' }>): string {
	const whose = owner(verdict.side, verdict.speaker);
	if (!verdict.comparable) return m.verdict_own_total_uncompared({ owner: whose });
	if (verdict.nearest) {
		return m.verdict_own_total_nearest({
			owner: whose,
			other: who(verdict.nearest),
			date: formatDate(verdict.nearest.statedOn)
		});
	}
	return m.verdict_own_total_alone({ owner: whose, ...days });
}

const partyName = (party: Party) => (party === 'ukraine' ? m.party_ukraine() : m.party_russia());

/** "331 by Moscow's figures", "185 by Kyiv's figures (given for 1 of them)" or "no figure from Kyiv". */
function partyDelivered(total: DirectionTotal, party: Party, rounds: number): string {
	const own = total.byParty[party];
	if (own.rounds === 0) return m.verdict_delivered_party_none({ party: partyName(party) });
	const inputs = { sum: formatNumber(own.sum), party: partyName(party), rounds: formatNumber(own.rounds) };
	return own.rounds === rounds ? m.verdict_delivered_party(inputs) : m.verdict_delivered_party_partial(inputs);
}

/** What was delivered in the directions the offer speaks of, by Kyiv's and by Moscow's figures. */
export function deliveredText(delivery: OfferDelivery, counted: Counted): string {
	const rounds = delivery.rounds.length;
	const direction = (total: DirectionTotal, place: string) =>
		m.verdict_delivered_direction({
			parties: m.verdict_delivered_and({
				first: partyDelivered(total, 'ukraine', rounds),
				second: partyDelivered(total, 'russia', rounds)
			}),
			place
		});
	const toUkraine = direction(delivery.toUkraine, m.verdict_place_ukraine());
	const toRussia = direction(delivery.toRussia, m.verdict_place_russia());
	if (counted.endsWith('_to_ukraine')) return toUkraine;
	if (counted.endsWith('_to_russia')) return toRussia;
	return m.verdict_delivered_then({ first: toUkraine, second: toRussia });
}

function offerFollowed(delivery: OfferDelivery, offered: OfferedFigure): string {
	const count = delivery.rounds.length;
	const inputs = {
		count,
		countText: formatNumber(count),
		date: formatDate(delivery.lastDate),
		delivered: deliveredText(delivery, offered.counted)
	};
	// "Of 1,200 offered" only where the offer is a figure for the same direction(s) as the sums.
	if (offered.number === null || offered.qualifier === null || offered.counted === 'other') {
		return m.verdict_offer_followed(inputs);
	}
	const figure = formatFigure(offered.number, offered.qualifier);
	return m.verdict_offer_followed_of({
		...inputs,
		offered: delivery.perSide ? m.verdict_offered_per_side({ figure }) : figure
	});
}

/** The verdict as one sentence. `offered` is the statement's own figure (used for offers). */
export function verdictText(verdict: Verdict, offered: OfferedFigure): string {
	switch (verdict.kind) {
		case 'round_report':
			return m.verdict_round_report({ date: formatDate(verdict.round.date) });
		case 'supported':
			return verdict.answeredBy
				? m.verdict_supported_answered({ who: whoList(verdict.by), answerer: who(verdict.answeredBy) })
				: m.verdict_supported({ who: whoList(verdict.by) });
		case 'own_total':
			return ownTotal(verdict);
		case 'own_total_differs':
			return m.verdict_own_total_differs({
				owner: owner(verdict.side, verdict.speaker),
				other: whoList(verdict.others)
			});
		case 'unsupported_allegation':
			return m.verdict_unsupported_allegation();
		case 'answered_allegation':
			return m.verdict_answered_allegation({ answerer: who(verdict.answeredBy) });
		case 'follow_up': {
			const inputs = { claimant: claimSpeaker(verdict.of), date: formatDate(verdict.of.statedOn) };
			return verdict.supported ? m.verdict_follow_up(inputs) : m.verdict_follow_up_unsupported(inputs);
		}
		case 'offer_followed':
			return offerFollowed(verdict.delivery, offered);
		case 'offer_before_round':
			return m.verdict_offer_before_round({ date: formatDate(verdict.round.date) });
		case 'offer_unlinked':
			return m.verdict_offer_unlinked();
		case 'rebuttal':
			return m.verdict_rebuttal({
				claimant: claimSpeaker(verdict.of),
				statement: statementLabel(verdict.of.statement).toLowerCase(),
				date: formatDate(verdict.of.statedOn)
			});
		case 'rebuttal_unlinked':
			return m.verdict_rebuttal_unlinked();
	}
}

/** The record a verdict points to (who answered, who supports, the round), or null. */
export function verdictHref(verdict: Verdict): string | null {
	switch (verdict.kind) {
		case 'round_report':
		case 'offer_before_round':
			return `/rounds/${verdict.round.id}`;
		case 'supported':
			return `/claims/${verdict.by[0]!.id}`;
		case 'own_total_differs':
			return `/claims/${verdict.others[0]!.id}`;
		case 'own_total':
			return verdict.nearest && `/claims/${verdict.nearest.id}`;
		case 'answered_allegation':
			return `/claims/${verdict.answeredBy.id}`;
		case 'follow_up':
		case 'rebuttal':
			return `/claims/${verdict.of.id}`;
		default:
			return null;
	}
}

/** How the verdict is styled: only a statement nobody else supports is set apart, and never as an error. */
export function verdictTone(verdict: Verdict): VerdictTone {
	if (verdict.kind === 'supported') return 'supported';
	if (
		verdict.kind === 'unsupported_allegation' ||
		verdict.kind === 'answered_allegation' ||
		(verdict.kind === 'follow_up' && !verdict.supported)
	)
		return 'caution';
	return 'neutral';
}
