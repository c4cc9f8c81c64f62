// Derives whether one count in one round is confirmed, corroborated, merely announced or disputed, from who stated which figure.
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import type { ClaimantSide, Qualifier } from '../schemas/vocabulary';

/** One claim's figure for the thing being counted, as the claimant stated it. */
export interface StatedFigure {
	claimId: string;
	/** Who made the statement, e.g. "Russian Ministry of Defence", "UAE Ministry of Foreign Affairs". */
	claimant: string;
	side: ClaimantSide;
	/** `null`: a statement without a figure (withheld, rebuttal). */
	number: number | null;
	/** `null` if and only if `number` is `null`. */
	qualifier: Qualifier | null;
}

/** How far the claims about one count agree; see {@link deriveConfirmation} for the rules. */
export const confirmationStatuses = [
	'no_figure',
	'announced',
	'corroborated',
	'third_party_confirmed',
	'disputed'
] as const;
export type ConfirmationStatus = (typeof confirmationStatuses)[number];

/** The derived status of one count in one round, with the evidence and a sentence explaining it. */
export interface Confirmation {
	status: ConfirmationStatus;
	/** Set only for `corroborated` and `third_party_confirmed`. */
	confirmedNumber: number | null;
	/** For `disputed`: the lowest and highest number involved in the conflict; otherwise `null`. */
	range: { low: number; high: number } | null;
	/** The input figures that carry a number, sorted by number, then side, then claimant. */
	figures: StatedFigure[];
	/** One plain-English sentence a reader understands. */
	explanation: string;
}

/**
 * How far (in percent of the stated figure, inclusive) an exact number may lie from an "about M"
 * figure and still be consistent with it: "about 100" is consistent with 90 to 110.
 */
export const ABOUT_TOLERANCE_PERCENT = 10;

/** Whether a status counts as confirmed, i.e. more than one party's word for it. */
export function isConfirmed(status: ConfirmationStatus): boolean {
	return status === 'corroborated' || status === 'third_party_confirmed';
}

/** A figure known to carry a number (and therefore a qualifier). */
type NumberedFigure = StatedFigure & { number: number; qualifier: Qualifier };

/**
 * Whether a stated figure is consistent with the exact number `n`:
 * exact M ⇔ n === M; at_least M ⇔ n >= M; more_than M ⇔ n > M ("more than 1,000" does not confirm
 * 1,000); up_to M ⇔ n <= M; about M ⇔ |n − M| <= {@link ABOUT_TOLERANCE_PERCENT}% of M (inclusive).
 * A statement without a figure contradicts no number, so it is consistent with every `n`.
 */
export function isConsistentWith(figure: Pick<StatedFigure, 'number' | 'qualifier'>, n: number): boolean {
	if (figure.number === null) return true;
	const stated = figure.number;
	switch (requireQualifier(figure)) {
		case 'exact':
			return n === stated;
		case 'at_least':
			return n >= stated;
		case 'more_than':
			return n > stated;
		case 'up_to':
			return n <= stated;
		case 'about':
			// Multiplied out instead of comparing with 0.1 * M, so that floating-point rounding cannot move the boundary.
			return Math.abs(n - stated) * 100 <= ABOUT_TOLERANCE_PERCENT * Math.abs(stated);
	}
}

/**
 * Derives the confirmation status of one thing counted in one round (e.g. "people returned to
 * Ukraine in the exchange of 30 Dec 2024") from the claims about it. These rules are the
 * product's definition of "confirmed":
 *
 * 1. Figures with `number === null` are ignored. If no figure has a number: `no_figure`.
 * 2. "Parties" are the sides `ukraine` and `russia`; "third parties" are `mediator` and
 *    `international`. `independent` (media summaries) never confirms anything, but its exact
 *    figures can create a dispute like anyone else's.
 * 3. Consistency of a qualified figure with an exact number N is {@link isConsistentWith}.
 * 4. `disputed`: there are two or more distinct exact numbers, OR there is exactly one exact number
 *    N and some non-exact figure is inconsistent with N. (With several exact numbers, a non-exact
 *    figure takes part in the conflict when it is inconsistent with at least one of them.)
 *    `range` = min and max over the exact numbers plus the numbers of the inconsistent non-exact
 *    figures. `confirmedNumber` is null.
 * 5. Exactly one distinct exact number N and no inconsistency:
 *    - `corroborated` when both a ukraine and a russia claimant stated exactly N and no third party
 *      stated exactly N;
 *    - `third_party_confirmed` when a mediator/international claimant stated exactly N and at least
 *      one party (ukraine or russia) stated exactly N (this includes the case where both parties
 *      AND a third party agree);
 *    - otherwise `announced` (one side only, or one party plus only independent media, or a third
 *      party alone, or several claimants of the same side).
 *    `confirmedNumber` = N for `corroborated` and `third_party_confirmed`.
 * 6. No exact figure at all, only qualified ones: `announced` (bounds only; never confirmed, never
 *    disputed: two bounds cannot contradict an exact figure that does not exist).
 *
 * @throws if a figure has a number but no qualifier, which the claim schema rules out.
 */
export function deriveConfirmation(figures: readonly StatedFigure[]): Confirmation {
	const numbered = sortFigures(figures.filter(hasNumber));
	if (numbered.length === 0) {
		return {
			status: 'no_figure',
			confirmedNumber: null,
			range: null,
			figures: [],
			explanation: m.explain_no_figure()
		};
	}

	const exactFigures = numbered.filter((figure) => figure.qualifier === 'exact');
	const exactNumbers = [...new Set(exactFigures.map((figure) => figure.number))];
	const [onlyExactNumber] = exactNumbers;
	if (onlyExactNumber === undefined) {
		return {
			status: 'announced',
			confirmedNumber: null,
			range: null,
			figures: numbered,
			explanation: m.explain_bounds_only({ who: describeWhoReportedWhat(numbered) })
		};
	}

	const conflictingBounds = numbered.filter(
		(figure) => figure.qualifier !== 'exact' && exactNumbers.some((n) => !isConsistentWith(figure, n))
	);
	if (exactNumbers.length > 1 || conflictingBounds.length > 0) {
		return describeDispute(numbered, exactFigures, conflictingBounds, exactNumbers.length);
	}

	// From here on every exact figure states the same number, onlyExactNumber.
	const sidesStatingIt = new Set(exactFigures.map((figure) => figure.side));
	const partiesStatingIt = PARTY_SIDES.filter((side) => sidesStatingIt.has(side));
	const thirdPartyStatesIt = THIRD_PARTY_SIDES.some((side) => sidesStatingIt.has(side));
	const formatted = formatNumber(onlyExactNumber);

	if (thirdPartyStatesIt && partiesStatingIt.length > 0) {
		const thirdPartyLabels = speakerLabels(exactFigures.filter((figure) => isThirdParty(figure.side)));
		const [onlyParty] = partiesStatingIt;
		const explanation =
			partiesStatingIt.length === 1 && onlyParty !== undefined
				? m.explain_third_party_matching({
						thirdParties: joinList(thirdPartyLabels),
						number: formatted,
						party: partyLabel(onlyParty)
					})
				: m.explain_all_reported({
						speakers: joinList([partyLabel('ukraine'), partyLabel('russia'), ...thirdPartyLabels]),
						number: formatted
					});
		return {
			status: 'third_party_confirmed',
			confirmedNumber: onlyExactNumber,
			range: null,
			figures: numbered,
			explanation
		};
	}

	if (partiesStatingIt.length === 2) {
		return {
			status: 'corroborated',
			confirmedNumber: onlyExactNumber,
			range: null,
			figures: numbered,
			explanation: m.explain_corroborated({
				kyiv: partyLabel('ukraine'),
				moscow: partyLabel('russia'),
				number: formatted
			})
		};
	}

	return {
		status: 'announced',
		confirmedNumber: null,
		range: null,
		figures: numbered,
		explanation: describeAnnouncement(numbered, exactFigures, formatted)
	};
}

const PARTY_SIDES = ['ukraine', 'russia'] as const;
const THIRD_PARTY_SIDES = ['mediator', 'international'] as const;
type PartySide = (typeof PARTY_SIDES)[number];

/** Parties are named by their capitals, so that several Ukrainian (or Russian) offices read as one voice. */
function partyLabel(side: PartySide): string {
	return side === 'ukraine' ? m.party_ukraine() : m.party_russia();
}

/** Sort order of sides: the parties first, then third parties, then media. */
const SIDE_ORDER: Record<ClaimantSide, number> = {
	ukraine: 0,
	russia: 1,
	mediator: 2,
	international: 3,
	independent: 4
};

const QUALIFIED_FIGURES: Record<Qualifier, (inputs: { number: string }) => string> = {
	exact: m.qualifier_exact,
	at_least: m.qualifier_at_least,
	more_than: m.qualifier_more_than,
	about: m.qualifier_about,
	up_to: m.qualifier_up_to
};

const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(n: number): string {
	const locale = getLocale();
	let format = numberFormats.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale);
		numberFormats.set(locale, format);
	}
	return format.format(n);
}

function formatFigure(figure: NumberedFigure): string {
	return QUALIFIED_FIGURES[figure.qualifier]({ number: formatNumber(figure.number) });
}

function hasNumber(figure: StatedFigure): figure is NumberedFigure {
	if (figure.number === null) return false;
	requireQualifier(figure);
	return true;
}

function requireQualifier(figure: Pick<StatedFigure, 'number' | 'qualifier'>): Qualifier {
	if (figure.qualifier === null) {
		throw new Error(
			`A figure of ${figure.number} has no qualifier; stated numbers must say whether they are exact or a bound.`
		);
	}
	return figure.qualifier;
}

function isParty(side: ClaimantSide): side is PartySide {
	return side === 'ukraine' || side === 'russia';
}

function isThirdParty(side: ClaimantSide): boolean {
	return side === 'mediator' || side === 'international';
}

function speakerLabel(figure: StatedFigure): string {
	return isParty(figure.side) ? partyLabel(figure.side) : figure.claimant;
}

/** Compares strings by code unit rather than locale, so that the order is the same on every machine. */
function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function compareBySpeaker(a: StatedFigure, b: StatedFigure): number {
	return SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || compareStrings(a.claimant, b.claimant);
}

function sortFigures(figures: NumberedFigure[]): NumberedFigure[] {
	// Array.prototype.sort is stable, so full ties keep their input order.
	return [...figures].sort((a, b) => a.number - b.number || compareBySpeaker(a, b));
}

/** Distinct speaker labels in side order (Kyiv, Moscow, third parties, media). */
function speakerLabels(figures: readonly StatedFigure[]): string[] {
	return [...new Set([...figures].sort(compareBySpeaker).map(speakerLabel))];
}

/** "a", "a and b", "a, b and c"; with `serialComma`, "a, b, and c" (used when items contain "and" themselves). */
function joinList(items: readonly string[], serialComma = false): string {
	const last = items[items.length - 1];
	if (items.length <= 1 || last === undefined) return items.join('');
	if (items.length === 2 && !serialComma) return m.list_pair({ first: items[0] ?? '', last });
	const head = items.slice(0, -1).join(m.list_separator());
	return serialComma ? m.list_many_serial({ items: head, last }) : m.list_many({ items: head, last });
}

/** "Kyiv reported 206 and 207, and Moscow reported more than 300": one clause per speaker label. */
function describeWhoReportedWhat(figures: readonly NumberedFigure[]): string {
	const valuesBySpeaker = new Map<string, string[]>();
	// Sorted by label rather than claimant, so that one party's numbers come out in ascending order whoever stated them.
	const bySpeakerThenNumber = [...figures].sort(
		(a, b) =>
			SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || compareStrings(speakerLabel(a), speakerLabel(b)) || a.number - b.number
	);
	for (const figure of bySpeakerThenNumber) {
		const label = speakerLabel(figure);
		const values = valuesBySpeaker.get(label) ?? [];
		const value = formatFigure(figure);
		if (!values.includes(value)) values.push(value);
		valuesBySpeaker.set(label, values);
	}
	const clauses = [...valuesBySpeaker].map(([label, values]) =>
		m.explain_clause({ speaker: label, values: joinList(values) })
	);
	const someSpeakerGaveSeveral = [...valuesBySpeaker.values()].some((values) => values.length > 1);
	return joinList(clauses, someSpeakerGaveSeveral);
}

function describeDispute(
	numbered: NumberedFigure[],
	exactFigures: NumberedFigure[],
	conflictingBounds: NumberedFigure[],
	distinctExactCount: number
): Confirmation {
	const involved = sortFigures([...exactFigures, ...conflictingBounds]);
	const involvedNumbers = involved.map((figure) => figure.number);
	const range = { low: Math.min(...involvedNumbers), high: Math.max(...involvedNumbers) };
	const whoReportedWhat = describeWhoReportedWhat(involved);
	// The gap between an exact figure and a bound has no meaningful size, so only disputes between exact figures quote one.
	const explanation =
		conflictingBounds.length > 0
			? m.explain_dispute_bounds({ who: whoReportedWhat })
			: (distinctExactCount > 2 ? m.explain_dispute_gap_up_to : m.explain_dispute_gap)({
					who: whoReportedWhat,
					gap: formatNumber(range.high - range.low)
				});
	return { status: 'disputed', confirmedNumber: null, range, figures: numbered, explanation };
}

function describeAnnouncement(numbered: NumberedFigure[], statedExactly: NumberedFigure[], formatted: string): string {
	const [onlyFigure] = numbered;
	if (numbered.length === 1 && onlyFigure !== undefined) {
		return m.explain_only_one({ speaker: speakerLabel(onlyFigure), number: formatted });
	}
	const accountable = speakerLabels(statedExactly.filter((figure) => figure.side !== 'independent'));
	const media = speakerLabels(statedExactly.filter((figure) => figure.side === 'independent'));
	// Media repeating a figure is not a confirmation, so it is named as a repetition rather than as a second source.
	const reported =
		accountable.length > 0
			? media.length > 0
				? m.explain_reported_repeated({ speakers: joinList(accountable), number: formatted, media: joinList(media) })
				: m.explain_reported({ speakers: joinList(accountable), number: formatted })
			: m.explain_reported({ speakers: joinList(media), number: formatted });
	const aPartyStatedIt = statedExactly.some((figure) => isParty(figure.side));
	return aPartyStatedIt
		? m.explain_unconfirmed_by_other_side({ reported })
		: m.explain_unconfirmed_by_parties({ reported, kyiv: partyLabel('ukraine'), moscow: partyLabel('russia') });
}
