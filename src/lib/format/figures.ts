// Plain-text formatting of figures, dates and coded values for the pages.
import type { Qualifier, RoundKind } from '../schemas/vocabulary';

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
