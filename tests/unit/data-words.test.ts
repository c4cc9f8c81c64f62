// The data's own words in the reader's language: each display function, per locale, through the Paraglide runtime's locale.
import { afterAll, describe, expect, it } from 'vitest';
import {
	claimantName,
	claimantNameOf,
	claimantNames,
	claimantOrganisation,
	claimantRole,
	claimSpeaker,
	countedDetailOf,
	englishOnlyLang,
	mediatorNames,
	otherLanguages,
	roundSummary,
	type Language
} from '../../src/lib/format/data-words';
import { baseLocale, getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import { inLocale as inCatalogLocale } from '../helpers/locale';

const defaultGetLocale = getLocale;
afterAll(() => overwriteGetLocale(defaultGetLocale));

const round = {
	summary: 'Prisoner exchange: Ukrainian servicemen returned.',
	summaryUk: 'Обмін полоненими: українських військовослужбовців повернуто.',
	summaryRu: 'Обмен пленными: украинские военнослужащие возвращены.'
};
const medinsky = {
	nameEn: 'Vladimir Medinsky',
	nameUk: 'Володимир Мединський',
	nameRu: 'Владимир Мединский',
	role: 'Aide to the President of Russia',
	roleUk: 'Помічник Президента Росії',
	roleRu: 'Помощник президента России',
	organisation: 'Office of the President of Russia',
	organisationUk: 'Адміністрація Президента Росії',
	organisationRu: 'Администрация президента России'
};
const withoutRole = {
	...medinsky,
	role: null,
	roleUk: null,
	roleRu: null,
	organisation: null,
	organisationUk: null,
	organisationRu: null
};
/** A statement as the record names its speaker (a relay), and the claimant's names. */
const claim = {
	claimant: 'Vladimir Medinsky (as relayed by TASS)',
	claimantName: 'Vladimir Medinsky',
	claimantNameUk: 'Володимир Мединський',
	claimantNameRu: 'Владимир Мединский'
};

describe.each<{
	locale: Language;
	summary: string;
	name: string;
	role: string;
	organisation: string;
	speaker: string;
	others: [Language, string][];
	noteLang: 'en' | undefined;
}>([
	{
		locale: 'en',
		summary: round.summary,
		name: 'Vladimir Medinsky',
		role: 'Aide to the President of Russia',
		organisation: 'Office of the President of Russia',
		speaker: 'Vladimir Medinsky (as relayed by TASS)',
		others: [
			['uk', 'Володимир Мединський'],
			['ru', 'Владимир Мединский']
		],
		noteLang: undefined
	},
	{
		locale: 'uk',
		summary: round.summaryUk,
		name: 'Володимир Мединський',
		role: 'Помічник Президента Росії',
		organisation: 'Адміністрація Президента Росії',
		speaker: 'Володимир Мединський',
		others: [
			['en', 'Vladimir Medinsky'],
			['ru', 'Владимир Мединский']
		],
		noteLang: 'en'
	},
	{
		locale: 'ru',
		summary: round.summaryRu,
		name: 'Владимир Мединский',
		role: 'Помощник президента России',
		organisation: 'Администрация президента России',
		speaker: 'Владимир Мединский',
		others: [
			['en', 'Vladimir Medinsky'],
			['uk', 'Володимир Мединський']
		],
		noteLang: 'en'
	}
])('on a page in $locale', ({ locale, summary, name, role, organisation, speaker, others, noteLang }) => {
	const inLocale = <T>(read: () => T): T => {
		overwriteGetLocale(() => locale);
		return read();
	};

	it("shows a round's summary in the reader's language", () => {
		expect(inLocale(() => roundSummary(round))).toBe(summary);
	});

	it("shows a claimant's name, role and organisation in the reader's language", () => {
		expect(inLocale(() => claimantName(medinsky))).toBe(name);
		expect(inLocale(() => claimantRole(medinsky))).toBe(role);
		expect(inLocale(() => claimantOrganisation(medinsky))).toBe(organisation);
	});

	it('gives no role or organisation where the record has none', () => {
		expect(inLocale(() => claimantRole(withoutRole))).toBeNull();
		expect(inLocale(() => claimantOrganisation(withoutRole))).toBeNull();
	});

	it("names a statement's speaker: the record's words in English, the claimant's name in the other languages", () => {
		expect(inLocale(() => claimSpeaker(claim))).toBe(speaker);
		expect(inLocale(() => claimantNameOf(claim))).toBe(name);
	});

	it('lists the names in the other two languages, in the site order', () => {
		expect(inLocale(() => otherLanguages(claimantNames(medinsky)))).toEqual(others);
	});

	it('marks English-only text (notes) as English only where the page is not', () => {
		expect(inLocale(() => englishOnlyLang())).toBe(noteLang);
	});

	it('takes an explicit language over the current one', () => {
		expect(inLocale(() => roundSummary(round, baseLocale))).toBe(round.summary);
	});
});

describe("a round's mediators, as the pages name them", () => {
	/** A round mediated by two, in the order the record gives them (the translations keep it). */
	const mediated = {
		mediators: ['UAE', 'US'],
		mediatorsUk: ['ОАЕ', 'США'],
		mediatorsRu: ['ОАЭ', 'США']
	};
	const unmediated = { mediators: [], mediatorsUk: [], mediatorsRu: [] };

	it.each<{ locale: Language; names: string[] }>([
		{ locale: 'en', names: ['UAE', 'US'] },
		{ locale: 'uk', names: ['ОАЕ', 'США'] },
		{ locale: 'ru', names: ['ОАЭ', 'США'] }
	])('in $locale: $names', ({ locale, names }) => {
		expect(inCatalogLocale(locale, () => mediatorNames(mediated))).toEqual(names);
		expect(inCatalogLocale(locale, () => mediatorNames(unmediated))).toEqual([]);
	});

	it('takes an explicit language over the current one', () => {
		expect(inCatalogLocale('ru', () => mediatorNames(mediated, 'uk'))).toEqual(['ОАЕ', 'США']);
	});
});

/** A statement's figure and what it counts, in the three languages. */
const counted = {
	countedDetail: 'Ukrainian servicemen returned, 2 of them wounded',
	countedDetailUk: 'повернуті українські військовослужбовці, 2 з них поранені',
	countedDetailRu: 'возвращённые украинские военнослужащие, 2 из них ранены'
};

describe.each<{ locale: Language; detail: string }>([
	{ locale: 'en', detail: counted.countedDetail },
	{ locale: 'uk', detail: counted.countedDetailUk },
	{ locale: 'ru', detail: counted.countedDetailRu }
])("what a statement's figure counts, on a page in $locale", ({ locale, detail }) => {
	it("is shown in the reader's language", () => {
		overwriteGetLocale(() => locale);
		expect(countedDetailOf(counted)).toBe(detail);
	});

	it('is given in the language asked for, whatever the page', () => {
		overwriteGetLocale(() => baseLocale);
		expect(countedDetailOf(counted, locale)).toBe(detail);
	});
});
