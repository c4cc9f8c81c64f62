// The data's own words in the reader's language: a round's summary, a claimant's name, role and organisation.
import { getLocale, locales } from '../paraglide/runtime.js';

export type Language = (typeof locales)[number];

/** A text the dataset holds in each of the site's languages (English under the column's own name). */
export type InLanguages<T> = Record<Language, T>;

/** The reader's language's text of the three; `language` defaults to the current request's locale. */
export function inLanguage<T>(texts: InLanguages<T>, language: Language = getLocale()): T {
	return texts[language];
}

/** A round's summary, as the pages show it. */
export function roundSummary(
	round: { summary: string; summaryUk: string; summaryRu: string },
	language?: Language
): string {
	return inLanguage({ en: round.summary, uk: round.summaryUk, ru: round.summaryRu }, language);
}

/** A claimant's name, as the pages show it. */
export function claimantName(
	claimant: { nameEn: string; nameUk: string; nameRu: string },
	language?: Language
): string {
	return inLanguage({ en: claimant.nameEn, uk: claimant.nameUk, ru: claimant.nameRu }, language);
}

/** A claimant's role or organisation (null when the record gives none), as the pages show it. */
export function claimantDetail(
	detail: { en: string | null; uk: string | null; ru: string | null },
	language?: Language
): string | null {
	return inLanguage(detail, language);
}
