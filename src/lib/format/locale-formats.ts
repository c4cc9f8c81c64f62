// Numbers, dates and date ranges in the conventions of the current locale (Intl), one cached formatter per locale.
import { getLocale } from '../paraglide/runtime.js';

/**
 * The Intl locale behind each catalog locale. English is British English, the house style of the English pages
 * ("30 Dec 2024"); Ukrainian and Russian are their own ("30 грудня 2024 р.", "30 декабря 2024 г.").
 */
const INTL_LOCALES: Record<string, string> = { en: 'en-GB', uk: 'uk', ru: 'ru' };

/** The Intl locale of a catalog locale (the catalog locale itself when none is mapped). */
export function intlLocale(locale: string = getLocale()): string {
	return INTL_LOCALES[locale] ?? locale;
}

const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
	let value = cache.get(key) as T | undefined;
	if (value === undefined) {
		value = make();
		cache.set(key, value);
	}
	return value;
}

function numberFormat(locale: string): Intl.NumberFormat {
	return cached(`number:${locale}`, () => new Intl.NumberFormat(intlLocale(locale)));
}

/** 1000 -> "1,000" in English, "1 000" (with a no-break space) in Ukrainian and Russian. */
export function formatNumber(value: number, locale: string = getLocale()): string {
	return numberFormat(locale).format(value);
}

/** The inputs of a message that counts: `count` selects the plural form, `countText` is the number as printed. */
export function countInputs(count: number, locale: string = getLocale()): { count: number; countText: string } {
	return { count, countText: formatNumber(count, locale) };
}

/** Quotation marks around a name in running text: “…” in English, «…» in Ukrainian and Russian. */
const QUOTES: Record<string, [string, string]> = { en: ['“', '”'] };

/**
 * Names quoted as one phrase: choices "“exact”, “about” or “up to”" («точно», «близько» або «до»), or, as a
 * conjunction, "“Qatar” and “Vatican”".
 */
export function formatChoices(
	names: readonly string[],
	locale: string = getLocale(),
	type: 'disjunction' | 'conjunction' = 'disjunction'
): string {
	const [open, close] = QUOTES[locale] ?? ['«', '»'];
	const list = cached(`${type}:${locale}`, () => new Intl.ListFormat(intlLocale(locale), { type, style: 'long' }));
	return list.format(names.map((name) => open + name + close));
}

/** The plural category of a count in a locale ("one", "few", "many", "other"), for code that picks a form itself. */
export function pluralCategory(count: number, locale: string = getLocale()): Intl.LDMLPluralRule {
	return cached(`plural:${locale}`, () => new Intl.PluralRules(intlLocale(locale))).select(count);
}

/** How a day is written: English abbreviates the month ("30 Dec 2024"), Ukrainian and Russian spell it out. */
const DAY_OPTIONS: Record<string, Intl.DateTimeFormatOptions> = {
	en: { day: 'numeric', month: 'short', year: 'numeric' }
};
const DEFAULT_DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

function dayFormat(locale: string): Intl.DateTimeFormat {
	return cached(
		`day:${locale}`,
		() =>
			new Intl.DateTimeFormat(intlLocale(locale), { ...(DAY_OPTIONS[locale] ?? DEFAULT_DAY_OPTIONS), timeZone: 'UTC' })
	);
}

/** "2024-12-30" as a UTC date; the dataset's dates are calendar days, so no time zone may move them. */
export function utcDay(isoDate: string): Date {
	const [year = '', month = '', day = ''] = isoDate.slice(0, 10).split('-');
	return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** "2024-12-30" -> "30 Dec 2024", "30 грудня 2024 р.", "30 декабря 2024 г.". */
export function formatDate(isoDate: string, locale: string = getLocale()): string {
	return houseTypography(dayFormat(locale).format(utcDay(isoDate)));
}

const SPACE = '[\\s\\u2009\\u202f]';

/**
 * One typography whatever the ICU version spaces dates with: no space in a range of days of one month ("3–30"),
 * otherwise a no-break space before the dash and a space after it, so that the dash never starts a line; and a
 * no-break space before the year abbreviation («2024 р.», «2024 г.»), which never starts a line either.
 */
function houseTypography(text: string): string {
	return text
		.replace(new RegExp(`^(\\d+)${SPACE}*–${SPACE}*(\\d+)(?=${SPACE})`, 'u'), '$1–$2')
		.replace(new RegExp(`${SPACE}+–${SPACE}+`, 'gu'), '\u00a0– ')
		.replace(new RegExp(`${SPACE}+(рр?\\.|гг?\\.)`, 'gu'), '\u00a0$1');
}

/**
 * Two days as one range, sharing what they have in common: "3–30 Dec 2024", "30 Dec 2024 – 2 Jan 2025",
 * "3–30 грудня 2024 р."; one day when both are the same.
 */
export function formatDateRange(fromIso: string, toIso: string, locale: string = getLocale()): string {
	if (fromIso.slice(0, 10) === toIso.slice(0, 10)) return formatDate(fromIso, locale);
	return houseTypography(dayFormat(locale).formatRange(utcDay(fromIso), utcDay(toIso)));
}

/** A month and year on its own (a heading, an axis): "December 2024", "грудень 2024 р.", "декабрь 2024 г.". */
export function formatMonthYear(date: Date, locale: string = getLocale()): string {
	const format = cached(
		`month-year:${locale}`,
		() => new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' })
	);
	return houseTypography(format.format(date));
}

/** A short month and year for chart ticks: "Dec 2024", "груд. 2024 р.", "дек. 2024 г.". */
export function formatShortMonthYear(date: Date, locale: string = getLocale()): string {
	const format = cached(
		`short-month-year:${locale}`,
		() => new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' })
	);
	return houseTypography(format.format(date));
}

/**
 * A sentence whose last word is an abbreviated year («30 грудня 2024 р.», «30 декабря 2024 г.») takes no second full
 * stop: the abbreviation's ends it. For sentences put together from parts, where the catalog cannot see the date.
 */
export function closeSentences(text: string): string {
	return text.replace(/((?:^|[\s\u00a0])(?:рр?|гг?)\.)\.(?=\s|$)/gu, '$1');
}

/** A range of months for a chart bin: "Sept–Dec 2024", "вер.–груд. 2024 р."; across years as Intl ranges them. */
export function formatMonthRange(from: Date, to: Date, locale: string = getLocale()): string {
	if (from.getUTCFullYear() !== to.getUTCFullYear()) {
		const format = cached(
			`short-month-year:${locale}`,
			() => new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' })
		);
		return houseTypography(format.formatRange(from, to));
	}
	const month = cached(
		`short-month:${locale}`,
		() => new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' })
	);
	return `${month.format(from)}–${formatShortMonthYear(to, locale)}`;
}

/** A year for chart ticks: "2024" in every locale (no "р." / "г." on an axis). */
export function formatYear(date: Date): string {
	return String(date.getUTCFullYear());
}
