// The data's own words in the reader's language: a round's summary, a claim's counted detail, a claimant's name, role and organisation.
import { getLocale, locales } from '../paraglide/runtime.js';

export type Language = (typeof locales)[number];

/** A text the dataset holds in each of the site's languages (English under the column's own name). */
export type InLanguages<T> = Record<Language, T>;

/** The reader's language's text of the three; `language` defaults to the current request's locale. */
export function inLanguage<T>(texts: InLanguages<T>, language: Language = getLocale()): T {
	return texts[language];
}

/** The texts in the other two languages, in the site's order: the names a page gives beside the reader's. */
export function otherLanguages<T>(texts: InLanguages<T>, language: Language = getLocale()): [Language, T][] {
	return locales.filter((other) => other !== language).map((other) => [other, texts[other]]);
}

/** A round's summary, as the pages show it. */
export function roundSummary(
	round: { summary: string; summaryUk: string; summaryRu: string },
	language?: Language
): string {
	return inLanguage({ en: round.summary, uk: round.summaryUk, ru: round.summaryRu }, language);
}

/** A round's mediators as recorded, and their names in Ukrainian and Russian (data/mediators.csv), in the same order. */
export interface MediatorWords {
	mediators: readonly string[];
	mediatorsUk: readonly string[];
	mediatorsRu: readonly string[];
}

/** A round's mediators, as the pages name them: in English as recorded, in Ukrainian and Russian by their names there. */
export function mediatorNames(round: MediatorWords, language?: Language): readonly string[] {
	return inLanguage({ en: round.mediators, uk: round.mediatorsUk, ru: round.mediatorsRu }, language);
}

/** What a statement's figure counts (its `counted_detail`), in the words of the record, as the pages show it. */
export function countedDetailOf(
	claim: { countedDetail: string; countedDetailUk: string; countedDetailRu: string },
	language?: Language
): string {
	return inLanguage({ en: claim.countedDetail, uk: claim.countedDetailUk, ru: claim.countedDetailRu }, language);
}

/** A claimant as the list and their page hold them: name, role and organisation in each language. */
export interface ClaimantWords {
	nameEn: string;
	nameUk: string;
	nameRu: string;
	role: string | null;
	roleUk: string | null;
	roleRu: string | null;
	organisation: string | null;
	organisationUk: string | null;
	organisationRu: string | null;
}

/** A claimant's names in the three languages. */
export function claimantNames(claimant: Pick<ClaimantWords, 'nameEn' | 'nameUk' | 'nameRu'>): InLanguages<string> {
	return { en: claimant.nameEn, uk: claimant.nameUk, ru: claimant.nameRu };
}

/** A claimant's name, as the pages show it. */
export function claimantName(
	claimant: Pick<ClaimantWords, 'nameEn' | 'nameUk' | 'nameRu'>,
	language?: Language
): string {
	return inLanguage(claimantNames(claimant), language);
}

/** A claimant's role (null when the record gives none), as the pages show it. */
export function claimantRole(
	claimant: Pick<ClaimantWords, 'role' | 'roleUk' | 'roleRu'>,
	language?: Language
): string | null {
	return inLanguage({ en: claimant.role, uk: claimant.roleUk, ru: claimant.roleRu }, language);
}

/** A claimant's organisation (null when the record gives none), as the pages show it. */
export function claimantOrganisation(
	claimant: Pick<ClaimantWords, 'organisation' | 'organisationUk' | 'organisationRu'>,
	language?: Language
): string | null {
	return inLanguage({ en: claimant.organisation, uk: claimant.organisationUk, ru: claimant.organisationRu }, language);
}

/** The claimant a record refers to (a statement, another side's figure), named as the pages show them. */
export function claimantNameOf(
	record: { claimantName: string; claimantNameUk: string; claimantNameRu: string },
	language?: Language
): string {
	return inLanguage({ en: record.claimantName, uk: record.claimantNameUk, ru: record.claimantNameRu }, language);
}

/** Who made a statement: the name as the record gives it (English), and the claimant's name in Ukrainian and Russian. */
export interface Speaker {
	claimant: string;
	claimantNameUk: string;
	claimantNameRu: string;
}

/**
 * Who made a statement, as the pages show it: in English the name as the record gives it (with a relay or a joint
 * speaker, if any); in Ukrainian and Russian the claimant's name in that language.
 */
export function claimSpeaker(claim: Speaker, language?: Language): string {
	return inLanguage({ en: claim.claimant, uk: claim.claimantNameUk, ru: claim.claimantNameRu }, language);
}

/** The `lang` of a text the record holds in English only (notes): "en" on a page in another language, else none. */
export function englishOnlyLang(language: Language = getLocale()): 'en' | undefined {
	return language === 'en' ? undefined : 'en';
}
