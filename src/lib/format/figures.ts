// Formatting of figures, dates and coded values for the pages, through the message catalog.
import { m } from '../paraglide/messages.js';
import { formatDate, formatDateRange, formatNumber } from './locale-formats';
import { claimSpeaker } from './data-words';
import { scopedFigure, withPart, type ConfirmationStatus, type StatedFigure } from '../domain/confirmation';
import type { FigureComponent, PartyFigure } from '../domain/round-figures';
import type {
	ClaimantSide,
	Counted,
	Qualifier,
	RoundKind,
	SourceKind,
	SourceReliability,
	StatementKind
} from '../schemas/vocabulary';
import { claimantSides } from '../schemas/vocabulary';

const qualifierMessages: Record<Qualifier, (inputs: { number: string }) => string> = {
	exact: m.qualifier_exact,
	at_least: m.qualifier_at_least,
	more_than: m.qualifier_more_than,
	about: m.qualifier_about,
	up_to: m.qualifier_up_to
};

/** A figure with its qualifier, as a reader would say it: "more than 1,000". */
export function formatFigure(value: number, qualifier: Qualifier): string {
	return qualifierMessages[qualifier]({ number: formatNumber(value) });
}

/**
 * A component of a party's figure with what it counts: "185 servicemen", "20 civilians", "205", and the part of the
 * day's returns it counts when it is one: "175 in the exchange", "22 servicemen outside the exchange".
 */
export function formatComponent(component: Pick<FigureComponent, 'scope' | 'number' | 'qualifier' | 'part'>): string {
	return withPart(
		component.scope === 'all'
			? formatFigure(component.number, component.qualifier)
			: scopedFigure(component.scope, component.number, component.qualifier),
		component.part
	);
}

/**
 * How a party's figure for a direction was derived, in words, or null when it is the party's own figure for everyone:
 * "185 servicemen + 20 civilians" or "175 in the exchange + 22 servicemen outside the exchange" for a sum, "servicemen
 * only" for a sub-count.
 */
export function partyFigureNote(figure: PartyFigure): string | null {
	if (figure.derivation === 'sum' || figure.part) return figure.components.map(formatComponent).join(' + ');
	if (figure.scope === 'military') return m.party_figure_military_only();
	if (figure.scope === 'civilians') return m.party_figure_civilians_only();
	return null;
}

/**
 * "205 (185 servicemen + 20 civilians)", "185 (servicemen only)", "31 servicemen outside the exchange", "at least
 * 1,000": a party's figure and its derivation.
 */
export function partyFigureWithNote(figure: PartyFigure): string {
	// A party's only figure for one part of the day's returns says all in its own words: "31 servicemen outside the
	// exchange", not "31 (31 servicemen outside the exchange)".
	const [only] = figure.components;
	if (figure.part && figure.derivation === 'stated' && figure.components.length === 1 && only) {
		return formatComponent(only);
	}
	const value = formatFigure(figure.number, figure.qualifier);
	const note = partyFigureNote(figure);
	return note === null ? value : m.figure_with_note({ figure: value, note });
}

/** "386, as UAE Ministry of Foreign Affairs reported": a figure for both directions together. */
export function combinedFigureText(figure: StatedFigure): string {
	return figure.number === null || figure.qualifier === null
		? ''
		: m.party_figure_stated({ figure: formatFigure(figure.number, figure.qualifier), party: claimSpeaker(figure) });
}

/** "205 (185 servicemen + 20 civilians), as Kyiv reported": a party's figure with its derivation. */
export function partyFigureText(figure: PartyFigure, party: string): string {
	return m.party_figure_stated({ figure: partyFigureWithNote(figure), party });
}

export { countInputs, formatDate, formatDateRange, formatNumber } from './locale-formats';

/** A round's heading: its kind and its day, or its days as one range ("Exchange, 5–6 Jun 2025"). */
export function roundHeading(kind: RoundKind, date: string, endDate: string | null): string {
	const kindLabel = roundKindLabel(kind);
	return endDate
		? m.round_heading_range({ kind: kindLabel, dates: formatDateRange(date, endDate) })
		: m.round_heading({ kind: kindLabel, date: formatDate(date) });
}

/** Names of the kinds of round. */
export function roundKindLabel(kind: RoundKind): string {
	return {
		pow_exchange: m.round_kind_pow_exchange,
		bodies_repatriation: m.round_kind_bodies_repatriation,
		civilian_release: m.round_kind_civilian_release,
		agreement: m.round_kind_agreement
	}[kind]();
}

/** What a figure counts, in words that follow the number ("386 people, both directions combined"). */
/**
 * A figure with what it counts, as a statement's title: "8,050 people returned to Ukraine". In Ukrainian and Russian
 * the label keeps its own form in brackets, because a noun after a number takes a case the label cannot know.
 */
export function figureCounted(number: number, qualifier: Qualifier, counted: Counted): string {
	return m.figure_counted({ figure: formatFigure(number, qualifier), counted: countedLabel(counted) });
}

export function countedLabel(counted: Counted): string {
	return {
		people_to_ukraine: m.counted_people_to_ukraine,
		people_to_russia: m.counted_people_to_russia,
		people_each_way: m.counted_people_each_way,
		people_both_ways: m.counted_people_both_ways,
		military_each_way: m.counted_military_each_way,
		military_to_ukraine: m.counted_military_to_ukraine,
		military_to_russia: m.counted_military_to_russia,
		civilians_to_ukraine: m.counted_civilians_to_ukraine,
		civilians_to_russia: m.counted_civilians_to_russia,
		bodies_to_ukraine: m.counted_bodies_to_ukraine,
		bodies_to_russia: m.counted_bodies_to_russia,
		bodies_each_way: m.counted_bodies_each_way,
		held_by_russia: m.counted_held_by_russia,
		held_by_ukraine: m.counted_held_by_ukraine,
		other: m.counted_other
	}[counted]();
}

/** The name of a confirmation status, for badges and legends. */
export function statusLabel(status: ConfirmationStatus): string {
	return {
		no_figure: m.status_no_figure,
		combined_only: m.status_combined_only,
		announced: m.status_announced,
		scope_differs: m.status_scope_differs,
		partly_confirmed: m.status_partly_confirmed,
		corroborated: m.status_corroborated,
		third_party_confirmed: m.status_third_party_confirmed,
		disputed: m.status_disputed
	}[status]();
}

/** The name of a claimant's side. */
export function sideLabel(side: ClaimantSide): string {
	return {
		ukraine: m.side_ukraine,
		russia: m.side_russia,
		mediator: m.side_mediator,
		international: m.side_international,
		independent: m.side_independent
	}[side]();
}

/** The name of a side given as text (a form's cell): its label when it is a side, the text itself otherwise. */
export function sideName(side: string): string {
	return (claimantSides as readonly string[]).includes(side) ? sideLabel(side as ClaimantSide) : side;
}

/** The name of a kind of statement. */
export function statementLabel(statement: StatementKind): string {
	return {
		report: m.statement_report,
		running_total: m.statement_running_total,
		offer: m.statement_offer,
		allegation: m.statement_allegation,
		rebuttal: m.statement_rebuttal
	}[statement]();
}

/** How far a source can be relied on, in words. */
export function sourceReliabilityLabel(reliability: SourceReliability): string {
	return {
		claimant_channel: m.source_reliability_claimant_channel,
		major_outlet: m.source_reliability_major_outlet,
		other_outlet: m.source_reliability_other_outlet,
		copy: m.source_reliability_copy
	}[reliability]();
}

/** The name of a kind of source. */
export function sourceKindLabel(kind: SourceKind): string {
	return {
		official_statement: m.source_kind_official_statement,
		news_report: m.source_kind_news_report,
		mediator_statement: m.source_kind_mediator_statement,
		international_report: m.source_kind_international_report,
		academic: m.source_kind_academic,
		social_post: m.source_kind_social_post
	}[kind]();
}
