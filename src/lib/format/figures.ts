// Plain-text formatting of figures, dates and coded values for the pages.
import type { Counted, Qualifier, RoundKind } from '../schemas/vocabulary';

const numberFormat = new Intl.NumberFormat('en-US');

/** 1000 -> "1,000". */
export function formatNumber(value: number): string {
	return numberFormat.format(value);
}

const qualifierPrefix: Record<Qualifier, string> = {
	exact: '',
	at_least: 'at least ',
	more_than: 'more than ',
	about: 'about ',
	up_to: 'up to '
};

/** A figure with its qualifier, as a reader would say it: "more than 1,000". */
export function formatFigure(value: number, qualifier: Qualifier): string {
	return `${qualifierPrefix[qualifier]}${formatNumber(value)}`;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-12-30" -> "30 Dec 2024", without time zones getting in the way. */
export function formatDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-');
	return `${Number(day)} ${monthNames[Number(month) - 1] ?? '?'} ${year}`;
}

/** Names of the kinds of round, for tables and headings. */
export const roundKindLabels: Record<RoundKind, string> = {
	pow_exchange: 'Prisoner exchange',
	bodies_repatriation: 'Repatriation of bodies',
	civilian_release: 'Release of civilians',
	agreement: 'Agreement (in stages)'
};

/** What a figure counts, in words that follow the number ("386 people, both directions combined"). */
export const countedLabels: Record<Counted, string> = {
	people_to_ukraine: 'people returned to Ukraine',
	people_to_russia: 'people returned to Russia',
	people_each_way: 'people each way',
	people_both_ways: 'people, both directions combined',
	military_each_way: 'servicemen each way',
	military_to_ukraine: 'servicemen returned to Ukraine',
	military_to_russia: 'servicemen returned to Russia',
	civilians_to_ukraine: 'civilians returned to Ukraine',
	civilians_to_russia: 'civilians returned to Russia',
	bodies_to_ukraine: 'bodies returned to Ukraine',
	bodies_to_russia: 'bodies returned to Russia',
	bodies_each_way: 'bodies each way',
	held_by_russia: 'held by Russia',
	held_by_ukraine: 'held by Ukraine',
	other: '(see the note)'
};
