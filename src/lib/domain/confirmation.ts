// Derives whether one count in one round is confirmed, corroborated, merely announced or disputed, from who stated which figure.
import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { formatNumber } from '../format/locale-formats';
import type { ClaimantSide, Qualifier } from '../schemas/vocabulary';
import { claimSpeaker, type Speaker } from '../format/data-words';

/**
 * What a figure counts within its direction: everyone returned (`all`), or a sub-count of servicemen or of civilians.
 * Figures are compared only with figures of the same scope.
 */
export const figureScopes = ['all', 'military', 'civilians'] as const;
export type FigureScope = (typeof figureScopes)[number];

/**
 * Which of a day's returns a figure counts: all of them (`whole`), or only one part of them, those inside the exchange
 * ("175 for 175") or those handed over outside it (wounded returned beside the exchange). A part is never compared
 * with a whole as a rival total; a voice that gave one figure for each part is counted by their sum.
 */
export const figureParts = ['whole', 'in_exchange', 'outside_exchange'] as const;
export type FigurePart = (typeof figureParts)[number];

/** One claim's figure for the thing being counted, as the claimant stated it. */
export interface StatedFigure extends Speaker {
	claimId: string;
	side: ClaimantSide;
	/** `null`: a statement without a figure (withheld, rebuttal). */
	number: number | null;
	/** `null` if and only if `number` is `null`. */
	qualifier: Qualifier | null;
	/** What the figure counts within its direction; `all` when omitted. */
	scope?: FigureScope;
	/** Which of the day's returns the figure counts; `whole` when omitted. */
	part?: FigurePart;
	/** For a figure we add up from one side's own sub-counts or parts: the figures it is the sum of. */
	sumOf?: readonly StatedFigure[];
	/** Known only from copies of a page (mirrors, aggregators, re-posts): it can dispute, but never confirm. */
	onlyCopies?: boolean;
}

/** How far the claims about one count agree; see {@link deriveConfirmation} for the rules. */
export const confirmationStatuses = [
	'no_figure',
	'combined_only',
	'announced',
	'scope_differs',
	'partly_confirmed',
	'corroborated',
	'third_party_confirmed',
	'disputed'
] as const;
export type ConfirmationStatus = (typeof confirmationStatuses)[number];

/** The derived status of one count in one round, with the evidence and a sentence explaining it. */
export interface Confirmation {
	status: ConfirmationStatus;
	/**
	 * The number two sides stated alike: for `corroborated` and `third_party_confirmed` the figure they agree on, for
	 * `partly_confirmed` the sum of the sub-counts they agree on; otherwise `null`.
	 */
	confirmedNumber: number | null;
	/** What `confirmedNumber` counts; `null` when it is `null`. */
	confirmedScope: FigureScope | null;
	/** For `disputed`: the lowest and highest number involved in the conflict; otherwise `null`. */
	range: { low: number; high: number } | null;
	/** For `disputed`: the scope on which the figures conflict. */
	disputedScope: FigureScope | null;
	/** The input figures that carry a number, sorted by number, then side, then claimant. */
	figures: StatedFigure[];
	/** Figures for both directions added together, which are never split or compared with one direction's. */
	combined: StatedFigure[];
	/** One plain-English sentence a reader understands. */
	explanation: string;
}

/**
 * How far (in percent of the stated figure, inclusive) an exact number may lie from an "about M"
 * figure and still be consistent with it: "about 100" is consistent with 90 to 110.
 */
export const ABOUT_TOLERANCE_PERCENT = 10;

/** Whether a status means that the whole figure was stated alike by two sides. */
export function isConfirmed(status: ConfirmationStatus): boolean {
	return status === 'corroborated' || status === 'third_party_confirmed';
}

/** Whether a status carries a confirmed number (the whole figure or a sub-count of it). */
export function hasConfirmedPart(status: ConfirmationStatus): boolean {
	return isConfirmed(status) || status === 'partly_confirmed';
}

/** A figure known to carry a number (and therefore a qualifier). */
export type NumberedFigure = StatedFigure & { number: number; qualifier: Qualifier };

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

/** Context for {@link deriveConfirmation} beyond the direction's own figures. */
export interface ConfirmationContext {
	/** Figures for both directions together ("386 exchanged"), named when they are all there is. */
	combined?: readonly StatedFigure[];
	/** Figures of statements that are not reports (offers, plans, allegations), named when no report gives a figure. */
	otherStatements?: readonly StatedFigure[];
}

/**
 * Derives the confirmation status of one thing counted in one round (e.g. "people returned to
 * Ukraine in the exchange of 30 Dec 2024") from the reports about it. These rules are the
 * product's definition of "confirmed":
 *
 * 1. Figures with `number === null` are ignored. "Voices" are sides: `ukraine` (Kyiv), `russia` (Moscow),
 *    `mediator`, `international` and `independent` (media). Several officials of one side are one voice.
 * 2. Figures are compared only within one scope: everyone returned, servicemen, civilians. A side that gave
 *    servicemen and civilians but no figure for everyone also has their sum as its figure for everyone.
 *    A figure for one part of the day's returns (only those in the exchange, or only those handed over outside it) is
 *    never compared: a side that gave one exact figure for each part is counted by their sum (of their scope when both
 *    share one, otherwise of everyone returned), and a part alone is named beside the comparison.
 * 3. Within a scope, a voice whose own figures differ (two exact numbers, or a bound its own exact number breaks)
 *    contradicts itself: it is named, and neither confirms nor disputes anyone.
 * 4. `disputed` when, within one scope, two other voices give different exact numbers, or one's bound is
 *    inconsistent ({@link isConsistentWith}) with another's exact number. `range` spans the figures involved.
 * 5. Within a scope, an exact number stated alike by Kyiv and Moscow is corroborated; by a mediator or
 *    international body and at least one party it is third-party confirmed. Media never confirm, and neither does
 *    a figure known only from copies of pages (mirrors, aggregators, re-posts).
 *    - agreed on everyone returned, or on the only scope anyone gave: `corroborated` / `third_party_confirmed`;
 *    - agreed on a sub-count while other scopes have figures too: `partly_confirmed` (the agreed sub-counts).
 * 6. `scope_differs`: two or more voices gave figures, but only for different scopes, so nothing is compared.
 * 7. `announced`: otherwise, when any figure exists (one voice, bounds only, or voices that contradict themselves).
 * 8. `combined_only`: no figure for this direction, but a figure for both directions together.
 * 9. `no_figure`: no number at all.
 *
 * @throws if a figure has a number but no qualifier, which the claim schema rules out.
 */
export function deriveConfirmation(figures: readonly StatedFigure[], context: ConfirmationContext = {}): Confirmation {
	const numbered = sortFigures(figures.filter(hasNumber));
	const combined = sortFigures((context.combined ?? []).filter(hasNumber));
	const base = {
		confirmedNumber: null,
		confirmedScope: null,
		range: null,
		disputedScope: null,
		figures: numbered,
		combined
	};
	if (numbered.length === 0) {
		if (combined.length > 0) {
			return {
				...base,
				status: 'combined_only',
				explanation: m.explain_combined_only({ who: describeWhoReportedWhat(combined) })
			};
		}
		const others = sortFigures((context.otherStatements ?? []).filter(hasNumber));
		return {
			...base,
			status: 'no_figure',
			explanation:
				others.length > 0
					? m.explain_no_figure_other_statements({ who: describeWhoReportedWhat(others) })
					: m.explain_no_figure()
		};
	}

	const wholes = wholeFigures(numbered);
	const analyses = figureScopes
		.map((scope) => analyseScope(scope, withSums(scope, wholes)))
		.filter((analysis) => analysis.figures.length > 0);

	const conflict = analyses.find((analysis) => analysis.conflict !== null);
	if (conflict?.conflict) {
		const dispute = describeDispute(conflict.scope, conflict.conflict);
		return {
			...base,
			...dispute,
			explanation: withUncompared(dispute.explanation, numbered, conflict.scope, conflict.conflict)
		};
	}

	const agreed = analyses.filter((analysis) => analysis.agreement !== null);
	const agreedOnAll = agreed.find((analysis) => analysis.scope === 'all');
	const onlyScope = analyses.length === 1 ? analyses[0] : undefined;
	const full = agreedOnAll ?? (onlyScope && onlyScope.agreement ? onlyScope : undefined);
	if (full?.agreement) {
		return {
			...base,
			status: full.agreement.thirdParty ? 'third_party_confirmed' : 'corroborated',
			confirmedNumber: full.agreement.number,
			confirmedScope: full.scope,
			explanation: describeAgreement(full.scope, full.agreement)
		};
	}
	if (agreed.length > 0) {
		const agreedScopes = new Set(agreed.map((analysis) => analysis.scope));
		const rest = numbered.filter((figure) => !agreedScopes.has(scopeOf(figure)) || !isWhole(figure));
		return {
			...base,
			status: 'partly_confirmed',
			confirmedNumber: agreed.reduce((sum, analysis) => sum + (analysis.agreement?.number ?? 0), 0),
			confirmedScope: agreed.length === 1 ? (agreed[0]?.scope ?? null) : 'all',
			explanation: m.explain_partly_confirmed({
				agreed: joinList(
					agreed.map((analysis) =>
						analysis.agreement ? describeAgreement(analysis.scope, analysis.agreement, false) : ''
					)
				),
				others: describeWhoReportedWhat(rest)
			})
		};
	}

	const accountable = wholes.filter((figure) => figure.side !== 'independent');
	const accountableVoices = new Set(accountable.map((figure) => figure.side));
	const scopesOfVoices = new Map<ClaimantSide, Set<FigureScope>>();
	for (const figure of accountable) {
		scopesOfVoices.set(figure.side, (scopesOfVoices.get(figure.side) ?? new Set()).add(scopeOf(figure)));
	}
	const shareAScope = [...scopesOfVoices.values()].some((scopes, index, all) =>
		all.some((other, otherIndex) => otherIndex !== index && [...scopes].some((scope) => other.has(scope)))
	);
	if (accountableVoices.size > 1 && !shareAScope) {
		const stated = numbered.filter((figure) => figure.side !== 'independent');
		return { ...base, status: 'scope_differs', explanation: describeScopeDifference(stated) };
	}

	const selfContradicting = [...new Set(analyses.flatMap((analysis) => analysis.selfContradicting))];
	return {
		...base,
		status: 'announced',
		explanation:
			selfContradicting.length > 0
				? describeSelfContradiction(numbered, selfContradicting)
				: describeAnnouncement(numbered)
	};
}

/** What two or more voices agree on within one scope. */
interface Agreement {
	number: number;
	/** The figures that state it, of the voices that agree. */
	figures: NumberedFigure[];
	thirdParty: boolean;
}

/** A conflict within one scope: the figures involved and whether a bound takes part. */
interface Conflict {
	involved: NumberedFigure[];
	boundsInvolved: boolean;
	distinctExactCount: number;
}

interface ScopeAnalysis {
	scope: FigureScope;
	figures: NumberedFigure[];
	selfContradicting: ClaimantSide[];
	conflict: Conflict | null;
	agreement: Agreement | null;
}

function scopeOf(figure: StatedFigure): FigureScope {
	return figure.scope ?? 'all';
}

function isWhole(figure: StatedFigure): boolean {
	return (figure.part ?? 'whole') === 'whole';
}

/**
 * The figures that count a whole day's returns: each voice's own, and for a voice that gave one exact figure for the
 * part inside the exchange and one for the part outside it, their sum (marked with the parts it adds up). Parts alone
 * are left out, so that no part is compared with a whole as if they were rival totals.
 */
function wholeFigures(numbered: readonly NumberedFigure[]): NumberedFigure[] {
	const sums: NumberedFigure[] = [];
	for (const side of new Set(numbered.map((figure) => figure.side))) {
		const inside = onlyExactPart(numbered, side, 'in_exchange');
		const outside = onlyExactPart(numbered, side, 'outside_exchange');
		if (!inside || !outside) continue;
		const scope = scopeOf(inside) === scopeOf(outside) ? scopeOf(inside) : 'all';
		if (numbered.some((figure) => figure.side === side && isWhole(figure) && scopeOf(figure) === scope)) continue;
		sums.push(sumOfTwo(inside, outside, scope));
	}
	return [...numbered.filter(isWhole), ...sums];
}

/** One voice's two exact figures added up, as a figure of `scope` marked with what it adds up. */
function sumOfTwo(first: NumberedFigure, second: NumberedFigure, scope: FigureScope): NumberedFigure {
	return {
		claimId: `${first.claimId}+${second.claimId}`,
		claimant: first.claimant,
		claimantNameUk: first.claimantNameUk,
		claimantNameRu: first.claimantNameRu,
		side: first.side,
		number: first.number + second.number,
		qualifier: 'exact',
		scope,
		sumOf: [first, second]
	};
}

/** A voice's one exact figure for one part of the day's returns, or undefined when it gave none or several. */
function onlyExactPart(numbered: readonly NumberedFigure[], side: ClaimantSide, part: FigurePart) {
	const own = numbered.filter((figure) => figure.side === side && figure.part === part);
	const [first] = own;
	if (!first || own.some((f) => f.qualifier !== 'exact' || f.number !== first.number || scopeOf(f) !== scopeOf(first)))
		return undefined;
	return first;
}

/**
 * The figures of one scope; for `all`, each voice that gave no figure for everyone but one exact figure for
 * servicemen and one for civilians also gets their sum, marked with what it adds up.
 */
function withSums(scope: FigureScope, numbered: readonly NumberedFigure[]): NumberedFigure[] {
	const own = numbered.filter((figure) => scopeOf(figure) === scope);
	if (scope !== 'all') return own;
	const sums: NumberedFigure[] = [];
	for (const side of new Set(numbered.map((figure) => figure.side))) {
		if (own.some((figure) => figure.side === side)) continue;
		const military = onlyExact(numbered, side, 'military');
		const civilians = onlyExact(numbered, side, 'civilians');
		if (!military || !civilians) continue;
		sums.push(sumOfTwo(military, civilians, 'all'));
	}
	return [...own, ...sums];
}

/**
 * The figures compared within `scope`, as the rules compare them: for everyone returned, a voice that gave only its
 * servicemen and civilians figures is counted by their sum (whose `sumOf` names the two); a voice that gave the part
 * of the day's returns inside the exchange and the part outside it is counted by their sum; a part alone is left out.
 */
export function comparedFigures(figures: readonly StatedFigure[], scope: FigureScope): NumberedFigure[] {
	return withSums(scope, wholeFigures(figures.filter(hasNumber)));
}

/** A voice's one exact figure in a scope, or undefined when it gave none or several different ones. */
function onlyExact(numbered: readonly NumberedFigure[], side: ClaimantSide, scope: FigureScope) {
	const own = numbered.filter((figure) => figure.side === side && scopeOf(figure) === scope);
	const exact = own.filter((figure) => figure.qualifier === 'exact');
	const [first] = exact;
	if (!first || exact.some((figure) => figure.number !== first.number)) return undefined;
	if (own.some((figure) => !isConsistentWith(figure, first.number))) return undefined;
	return first;
}

/** One voice's figures in one scope: the exact numbers it gave, and whether they hold together. */
interface Voice {
	side: ClaimantSide;
	figures: NumberedFigure[];
	exactNumbers: number[];
	/** Its figures hold together: at most one exact number, and no bound of its own that breaks it. */
	coherent: boolean;
}

function voicesOf(figures: readonly NumberedFigure[]): Voice[] {
	const bySide = new Map<ClaimantSide, NumberedFigure[]>();
	for (const figure of figures) bySide.set(figure.side, [...(bySide.get(figure.side) ?? []), figure]);
	return [...bySide].map(([side, own]) => {
		const exactNumbers = [...new Set(own.filter((f) => f.qualifier === 'exact').map((f) => f.number))];
		const [exact] = exactNumbers;
		const coherent = exactNumbers.length <= 1 && (exact === undefined || own.every((f) => isConsistentWith(f, exact)));
		return { side, figures: own, exactNumbers, coherent };
	});
}

/**
 * The figures by which two voices conflict, or none. Two voices with exact numbers conflict when no number of one
 * is a number of the other (so a voice whose own figures differ still conflicts with a third figure it never gave);
 * a voice with bounds only conflicts when each of the other's exact numbers breaks one of its bounds.
 */
function conflictBetween(a: Voice, b: Voice): NumberedFigure[] {
	const exactOf = (voice: Voice) => voice.figures.filter((figure) => figure.qualifier === 'exact');
	if (a.exactNumbers.length > 0 && b.exactNumbers.length > 0) {
		return a.exactNumbers.some((n) => b.exactNumbers.includes(n)) ? [] : [...exactOf(a), ...exactOf(b)];
	}
	const [boundsOnly, exact] = a.exactNumbers.length === 0 ? [a, b] : [b, a];
	if (exact.exactNumbers.length === 0) return [];
	const breaking = boundsOnly.figures.filter((bound) => exact.exactNumbers.some((n) => !isConsistentWith(bound, n)));
	const everyNumberBreaksOne = exact.exactNumbers.every((n) =>
		boundsOnly.figures.some((bound) => !isConsistentWith(bound, n))
	);
	return everyNumberBreaksOne ? [...breaking, ...exactOf(exact)] : [];
}

function analyseScope(scope: FigureScope, figures: NumberedFigure[]): ScopeAnalysis {
	const voices = voicesOf(figures);
	const selfContradicting = voices.filter((voice) => !voice.coherent).map((voice) => voice.side);

	const involved = new Set<NumberedFigure>();
	voices.forEach((voice, index) => {
		for (const other of voices.slice(index + 1))
			for (const figure of conflictBetween(voice, other)) involved.add(figure);
	});
	if (involved.size > 0) {
		const list = sortFigures([...involved]);
		return {
			scope,
			figures,
			selfContradicting,
			conflict: {
				involved: list,
				boundsInvolved: list.some((figure) => figure.qualifier !== 'exact'),
				distinctExactCount: new Set(list.filter((f) => f.qualifier === 'exact').map((f) => f.number)).size
			},
			agreement: null
		};
	}

	// No conflict: the coherent voices that gave an exact number all gave the same one. A voice heard only through
	// copies of pages is shown, but cannot be one of the two that confirm a figure.
	const stating = voices.filter(
		(voice) =>
			voice.coherent &&
			voice.exactNumbers.length === 1 &&
			voice.figures.some((figure) => figure.qualifier === 'exact' && !figure.onlyCopies)
	);
	const accountable: ClaimantSide[] = stating.map((voice) => voice.side).filter((side) => side !== 'independent');
	const parties = accountable.filter(isParty);
	const thirdParty = accountable.some(isThirdParty);
	const [number] = stating[0]?.exactNumbers ?? [];
	const agreed = number !== undefined && (parties.length === 2 || (parties.length >= 1 && thirdParty));
	return {
		scope,
		figures,
		selfContradicting,
		conflict: null,
		agreement: agreed
			? {
					number,
					figures: figures.filter((figure) => figure.qualifier === 'exact' && accountable.includes(figure.side)),
					thirdParty
				}
			: null
	};
}

const PARTY_SIDES = ['ukraine', 'russia'] as const;
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

type ScopeMessage = (inputs: { number: string; count: number; qualifier: Qualifier }) => string;

/**
 * What a figure counts. Each message takes the qualifier and the count apart from the formatted number, because in
 * Ukrainian and Russian the noun's case follows both ("понад 1 000 військовослужбовців", "21 військовослужбовець",
 * "около 21 военнослужащего").
 */
const SCOPE_MESSAGES: Record<FigureScope, ScopeMessage> = {
	all: m.scope_all,
	military: m.scope_military,
	civilians: m.scope_civilians
};

/**
 * Scoped figures already worded, by locale, scope, qualifier and number. The generated messages make a new
 * `Intl.PluralRules` at every call (about 0.4 s of a build at a hundred times the real data, which words the same few
 * thousand figures again and again); past `SCOPED_FIGURES_LIMIT` entries the memory starts again, so that it stays bounded.
 */
const scopedFigures = new Map<string, string>();
const SCOPED_FIGURES_LIMIT = 10_000;

/** What a part of the day's returns adds to a figure: "175 in the exchange", "22 servicemen outside the exchange". */
const PART_MESSAGES: Record<Exclude<FigurePart, 'whole'>, (inputs: { figure: string }) => string> = {
	in_exchange: m.figure_part_in_exchange,
	outside_exchange: m.figure_part_outside_exchange
};

/** A figure named with the part of the day's returns it counts: "175 in the exchange"; a whole figure unchanged. */
export function withPart(figure: string, part: FigurePart = 'whole'): string {
	return part === 'whole' ? figure : PART_MESSAGES[part]({ figure });
}

/** "185 servicemen", "more than 1 civilian", "205 people in all": a figure with its qualifier and what it counts. */
export function scopedFigure(scope: FigureScope, number: number, qualifier: Qualifier): string {
	const key = `${getLocale()} ${scope} ${qualifier} ${number}`;
	let worded = scopedFigures.get(key);
	if (worded === undefined) {
		if (scopedFigures.size >= SCOPED_FIGURES_LIMIT) scopedFigures.clear();
		worded = SCOPE_MESSAGES[scope]({ number: formatNumber(number), count: number, qualifier });
		scopedFigures.set(key, worded);
	}
	return worded;
}

/** A figure as read aloud: its qualifier, and what it counts when that is not everyone returned. */
export function formatStatedFigure(figure: NumberedFigure, nameEveryone = false): string {
	const qualified = QUALIFIED_FIGURES[figure.qualifier]({ number: formatNumber(figure.number) });
	const scope = scopeOf(figure);
	const part = figure.part ?? 'whole';
	const scoped =
		scope !== 'all' || (nameEveryone && part === 'whole')
			? scopedFigure(scope, figure.number, figure.qualifier)
			: qualified;
	if (part !== 'whole') return withPart(scoped, part);
	return figure.sumOf
		? m.figure_sum_of({
				figure: scoped,
				parts: figure.sumOf.map((part) => formatStatedFigure(part as NumberedFigure)).join(' + ')
			})
		: scoped;
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
	return isParty(figure.side) ? partyLabel(figure.side) : claimSpeaker(figure);
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

interface ListWords {
	pair: (inputs: { first: string; last: string }) => string;
	many: (inputs: { items: string; last: string }) => string;
	manySerial: (inputs: { items: string; last: string }) => string;
	separator: () => string;
}

/** Words joining names or figures: "a, b and c". */
const ITEM_LIST: ListWords = {
	pair: m.list_pair,
	many: m.list_many,
	manySerial: m.list_many_serial,
	separator: m.list_separator
};

/**
 * Words joining whole clauses ("Kyiv reported 206, and Moscow reported 300"): English joins them like items, while
 * Ukrainian and Russian, whose clauses are "Київ — 206", separate them with semicolons.
 */
const CLAUSE_LIST: ListWords = {
	pair: m.clause_list_pair,
	many: m.clause_list_many,
	manySerial: m.clause_list_many_serial,
	separator: m.clause_list_separator
};

/** "a", "a and b", "a, b and c"; with `serialComma`, "a, b, and c" (used when items contain "and" themselves). */
function joinList(items: readonly string[], serialComma = false, words: ListWords = ITEM_LIST): string {
	const last = items[items.length - 1];
	if (items.length <= 1 || last === undefined) return items.join('');
	if (items.length === 2 && !serialComma) return words.pair({ first: items[0] ?? '', last });
	const head = items.slice(0, -1).join(words.separator());
	return serialComma ? words.manySerial({ items: head, last }) : words.many({ items: head, last });
}

/**
 * "Kyiv reported 206 and 207, and Moscow reported more than 300": one clause per speaker label. Figures of several
 * scopes name what each counts, everyone returned included.
 */
function describeWhoReportedWhat(figures: readonly NumberedFigure[], alwaysNameScope = false): string {
	const nameEveryone = alwaysNameScope || new Set(figures.map(scopeOf)).size > 1;
	const valuesBySpeaker = new Map<string, string[]>();
	// Sorted by label rather than claimant, so that one party's numbers come out in ascending order whoever stated them.
	const bySpeakerThenNumber = [...figures].sort(
		(a, b) =>
			SIDE_ORDER[a.side] - SIDE_ORDER[b.side] ||
			compareStrings(speakerLabel(a), speakerLabel(b)) ||
			figureScopes.indexOf(scopeOf(a)) - figureScopes.indexOf(scopeOf(b)) ||
			a.number - b.number
	);
	for (const figure of bySpeakerThenNumber) {
		const label = speakerLabel(figure);
		const values = valuesBySpeaker.get(label) ?? [];
		const value = formatStatedFigure(figure, nameEveryone);
		if (!values.includes(value)) values.push(value);
		valuesBySpeaker.set(label, values);
	}
	const clauses = [...valuesBySpeaker].map(([label, values]) =>
		m.explain_clause({ speaker: label, values: joinList(values) })
	);
	const someSpeakerGaveSeveral = [...valuesBySpeaker.values()].some((values) => values.length > 1);
	return joinList(clauses, someSpeakerGaveSeveral, CLAUSE_LIST);
}

/**
 * A dispute's sentence, with the figures of other scopes stated beside it, which the rules do not compare ("…: the
 * figures differ by 22; not in the comparison, as they count only part of those returned: Moscow reported 22
 * servicemen"): so that a gap between totals is never read without the sub-counts a voice gave beside its total
 * (Moscow's 175 in the exchange and 22 wounded outside it, against Kyiv's 197). A sub-count already shown inside one of
 * the dispute's sums is not repeated.
 */
function withUncompared(
	explanation: string,
	numbered: readonly NumberedFigure[],
	scope: FigureScope,
	conflict: Conflict
): string {
	const inSums = new Set(conflict.involved.flatMap((figure) => (figure.sumOf ?? []).map((part) => part.claimId)));
	const others = numbered.filter(
		(figure) => (scopeOf(figure) !== scope || !isWhole(figure)) && !inSums.has(figure.claimId)
	);
	if (others.length === 0) return explanation;
	const parts = { dispute: explanation.replace(/\.$/, ''), who: describeWhoReportedWhat(others, true) };
	return scope === 'all' || others.some((figure) => !isWhole(figure))
		? m.explain_dispute_also_parts(parts)
		: m.explain_dispute_also_other(parts);
}

/** A conflict within one scope; the gap is quoted only between exact figures of one scope. */
function describeDispute(scope: FigureScope, conflict: Conflict) {
	const numbers = conflict.involved.map((figure) => figure.number);
	const range = { low: Math.min(...numbers), high: Math.max(...numbers) };
	const who = describeWhoReportedWhat(conflict.involved);
	// The gap between an exact figure and a bound has no meaningful size, so only disputes between exact figures quote one.
	const explanation = conflict.boundsInvolved
		? m.explain_dispute_bounds({ who })
		: (conflict.distinctExactCount > 2 ? m.explain_dispute_gap_up_to : m.explain_dispute_gap)({
				who,
				gap: formatNumber(range.high - range.low)
			});
	return { status: 'disputed' as const, range, disputedScope: scope, explanation };
}

/** "Kyiv and Moscow both reported 185 servicemen" (or the third-party wording), as a sentence or a clause. */
function describeAgreement(scope: FigureScope, agreement: Agreement, sentence = true): string {
	const [first] = agreement.figures;
	const formatted = first ? formatStatedFigure({ ...first, sumOf: undefined, scope }) : '';
	const sides = new Set(agreement.figures.map((figure) => figure.side));
	const parties = PARTY_SIDES.filter((side) => sides.has(side));
	const thirdPartyLabels = speakerLabels(agreement.figures.filter((figure) => isThirdParty(figure.side)));
	const [onlyParty] = parties;
	const clause = !agreement.thirdParty
		? m.explain_corroborated({ kyiv: partyLabel('ukraine'), moscow: partyLabel('russia'), number: formatted })
		: parties.length === 1 && onlyParty !== undefined
			? m.explain_third_party_matching({
					thirdParties: joinList(thirdPartyLabels),
					number: formatted,
					party: partyLabel(onlyParty)
				})
			: m.explain_all_reported({
					speakers: joinList([partyLabel('ukraine'), partyLabel('russia'), ...thirdPartyLabels]),
					number: formatted
				});
	const sums = agreement.figures.filter((figure) => figure.sumOf);
	const withSums =
		sums.length > 0
			? m.explain_agreement_with_sums({
					agreement: clause,
					sums: joinList(
						sums.map((figure) =>
							m.explain_sum_of({
								speaker: speakerLabel(figure),
								parts: (figure.sumOf ?? []).map((part) => formatStatedFigure(part as NumberedFigure)).join(' + ')
							})
						)
					)
				})
			: clause;
	return sentence ? m.explain_sentence({ clause: withSums }) : withSums;
}

/** Two or more voices that counted different things: each with what it counted, and what a figure includes. */
function describeScopeDifference(figures: readonly NumberedFigure[]): string {
	const includes = figures
		.filter((figure) => scopeOf(figure) === 'all' && isWhole(figure))
		.flatMap((whole) =>
			figures
				.filter(
					(part) => part.side === whole.side && scopeOf(part) !== 'all' && isWhole(part) && part.number < whole.number
				)
				.map((part) =>
					m.explain_scope_includes({
						speaker: speakerLabel(whole),
						figure: formatStatedFigure(whole),
						part: formatStatedFigure(part)
					})
				)
		);
	const who = describeWhoReportedWhat(figures);
	return includes.length > 0
		? m.explain_scope_differs_includes({ who, includes: joinList([...new Set(includes)]) })
		: m.explain_scope_differs({ who });
}

/** Voices whose own figures differ: named, and not taken as confirming or disputing anyone. */
function describeSelfContradiction(numbered: readonly NumberedFigure[], sides: readonly ClaimantSide[]): string {
	const who = describeWhoReportedWhat(numbered);
	const others = new Set(numbered.map((figure) => figure.side).filter((side) => !sides.includes(side)));
	const labels = joinList(speakerLabels(numbered.filter((figure) => sides.includes(figure.side))));
	return others.size === 0
		? m.explain_self_contradicting_alone({ who })
		: m.explain_self_contradicting({ who, speakers: labels });
}

function describeAnnouncement(numbered: NumberedFigure[]): string {
	const statedExactly = numbered.filter((figure) => figure.qualifier === 'exact');
	if (statedExactly.length === 0) return m.explain_bounds_only({ who: describeWhoReportedWhat(numbered) });
	const [onlyFigure] = numbered;
	if (numbered.length === 1 && onlyFigure !== undefined) {
		return m.explain_only_one({ speaker: speakerLabel(onlyFigure), number: formatStatedFigure(onlyFigure) });
	}
	const exactValues = new Set(
		statedExactly.map((figure) => `${scopeOf(figure)}:${figure.part ?? 'whole'}:${figure.number}`)
	);
	if (exactValues.size > 1) {
		// One voice's figures of several scopes (servicemen and civilians), none of them stated by anyone else.
		return m.explain_unconfirmed_by_other_side_plural({ reported: describeWhoReportedWhat(statedExactly) });
	}
	const [first] = statedExactly;
	const formatted = first ? formatStatedFigure(first) : '';
	const accountable = speakerLabels(statedExactly.filter((figure) => figure.side !== 'independent'));
	const media = speakerLabels(statedExactly.filter((figure) => figure.side === 'independent'));
	// Media repeating a figure is not a confirmation, so it is named as a repetition rather than as a second source.
	const reported =
		accountable.length > 0
			? media.length > 0
				? m.explain_reported_repeated({ speakers: joinList(accountable), number: formatted, media: joinList(media) })
				: m.explain_reported({ speakers: joinList(accountable), number: formatted })
			: m.explain_reported({ speakers: joinList(media), number: formatted });
	const heardFromCopies = speakerLabels(
		statedExactly.filter((figure) => figure.onlyCopies && figure.side !== 'independent')
	);
	if (heardFromCopies.length > 0 && accountable.length > 1) {
		return m.explain_confirmed_only_by_copies({ reported, speakers: joinList(heardFromCopies) });
	}
	const aPartyStatedIt = statedExactly.some((figure) => isParty(figure.side));
	return aPartyStatedIt
		? m.explain_unconfirmed_by_other_side({ reported })
		: m.explain_unconfirmed_by_parties({ reported, kyiv: partyLabel('ukraine'), moscow: partyLabel('russia') });
}
