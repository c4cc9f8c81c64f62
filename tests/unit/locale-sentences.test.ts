// Generated figures and sentences in English, Ukrainian and Russian: qualifiers × plural categories × scopes, and dates.
import { describe, expect, it } from 'vitest';
import {
	deriveConfirmation,
	scopedFigure,
	type FigureScope,
	type StatedFigure
} from '../../src/lib/domain/confirmation';
import {
	closeSentences,
	formatDate,
	formatDateRange,
	formatMonthRange,
	formatNumber
} from '../../src/lib/format/locale-formats';
import { roundFactBox } from '../../src/lib/domain/citation';
import { figureCounted, roundHeading, roundKindLabel, sideName } from '../../src/lib/format/figures';
import { m } from '../../src/lib/paraglide/messages.js';
import type { Qualifier } from '../../src/lib/schemas/vocabulary';
import { inLocale, resetLocaleAfterEach, type Locale } from '../helpers/locale';

resetLocaleAfterEach();

/** A no-break space, which Ukrainian and Russian put between groups of digits. */
const NB = '\u00a0';

describe('a figure with its qualifier and what it counts', () => {
	it.each<[Locale, FigureScope, Qualifier, number, string]>([
		['en', 'military', 'exact', 1, '1 serviceman'],
		['en', 'military', 'exact', 21, '21 servicemen'],
		['en', 'military', 'more_than', 1000, 'more than 1,000 servicemen'],
		['en', 'civilians', 'about', 1, 'about 1 civilian'],
		['en', 'all', 'up_to', 205, 'up to 205 people in all'],
		['en', 'all', 'exact', 1, '1 person in all'],
		// Ukrainian: the noun's form follows the number's plural category and the case the qualifier governs.
		['uk', 'military', 'exact', 1, '1 військовослужбовець'],
		['uk', 'military', 'exact', 21, '21 військовослужбовець'],
		['uk', 'military', 'exact', 3, '3 військовослужбовці'],
		['uk', 'military', 'exact', 11, '11 військовослужбовців'],
		['uk', 'military', 'exact', 1000, `1${NB}000 військовослужбовців`],
		['uk', 'military', 'at_least', 22, 'щонайменше 22 військовослужбовці'],
		['uk', 'military', 'more_than', 1000, `понад 1${NB}000 військовослужбовців`],
		['uk', 'military', 'more_than', 21, 'понад 21 військовослужбовця'],
		['uk', 'military', 'about', 21, 'близько 21 військовослужбовця'],
		['uk', 'military', 'about', 2, 'близько 2 військовослужбовців'],
		['uk', 'military', 'up_to', 101, 'до 101 військовослужбовця'],
		['uk', 'civilians', 'exact', 1, '1 цивільний'],
		['uk', 'civilians', 'exact', 4, '4 цивільні'],
		['uk', 'civilians', 'exact', 20, '20 цивільних'],
		['uk', 'civilians', 'about', 31, 'близько 31 цивільного'],
		['uk', 'all', 'exact', 1, 'загалом 1 особа'],
		['uk', 'all', 'exact', 2, 'загалом 2 особи'],
		['uk', 'all', 'exact', 205, 'загалом 205 осіб'],
		['uk', 'all', 'more_than', 21, 'загалом понад 21 особу'],
		['uk', 'all', 'about', 21, 'загалом близько 21 особи'],
		['uk', 'all', 'up_to', 1000, `загалом до 1${NB}000 осіб`],
		// Russian: every qualifier governs the genitive; the bare number takes the nominative forms.
		['ru', 'military', 'exact', 1, '1 военнослужащий'],
		['ru', 'military', 'exact', 2, '2 военнослужащих'],
		['ru', 'military', 'exact', 1000, `1${NB}000 военнослужащих`],
		['ru', 'military', 'more_than', 1000, `более 1${NB}000 военнослужащих`],
		['ru', 'military', 'at_least', 21, 'не менее 21 военнослужащего'],
		['ru', 'military', 'about', 21, 'около 21 военнослужащего'],
		['ru', 'civilians', 'exact', 1, '1 гражданское лицо'],
		['ru', 'civilians', 'exact', 3, '3 гражданских лица'],
		['ru', 'civilians', 'exact', 20, '20 гражданских лиц'],
		['ru', 'civilians', 'up_to', 1, 'до 1 гражданского лица'],
		['ru', 'all', 'exact', 21, 'всего 21 человек'],
		['ru', 'all', 'exact', 22, 'всего 22 человека'],
		['ru', 'all', 'exact', 205, 'всего 205 человек'],
		['ru', 'all', 'about', 21, 'всего около 21 человека'],
		['ru', 'all', 'more_than', 3, 'всего более 3 человек']
	])('%s: %s, %s %i -> %s', (locale, scope, qualifier, number, expected) => {
		expect(inLocale(locale, () => scopedFigure(scope, number, qualifier))).toBe(expected);
	});

	// Worded figures are remembered (see scopedFigure): by locale too, so a figure worded in one language first is
	// never given in that language to a reader of another.
	it.each<[Locale, string]>([
		['en', 'about 21 servicemen'],
		['uk', 'близько 21 військовослужбовця'],
		['ru', 'около 21 военнослужащего'],
		['en', 'about 21 servicemen'],
		['ru', 'около 21 военнослужащего'],
		['uk', 'близько 21 військовослужбовця']
	])('the same figure asked for again in %s -> %s', (locale, expected) => {
		expect(inLocale(locale, () => scopedFigure('military', 21, 'about'))).toBe(expected);
	});
});

let nextId = 1;
const figure =
	(side: 'ukraine' | 'russia' | 'mediator', claimant: string) =>
	(number: number, qualifier: Qualifier = 'exact', scope: FigureScope = 'all'): StatedFigure => ({
		claimId: `c${nextId++}`,
		claimant,
		claimantNameUk: claimant,
		claimantNameRu: claimant,
		side,
		number,
		qualifier,
		scope
	});
const kyiv = figure('ukraine', 'Coordination Headquarters');
const moscow = figure('russia', 'Ministry of Defence');
const uae = figure('mediator', 'UAE');

describe('status explanations', () => {
	const cases: [string, () => StatedFigure[], Record<Locale, string>][] = [
		[
			'a dispute between exact figures',
			() => [kyiv(206), moscow(212)],
			{
				en: 'Kyiv reported 206 and Moscow reported 212: the figures differ by 6.',
				uk: 'Київ — 206; Москва — 212; розбіжність — 6.',
				ru: 'Киев — 206; Москва — 212; расхождение — 6.'
			}
		],
		[
			'a dispute with a bound and a speaker with two figures',
			() => [kyiv(206), kyiv(207), moscow(300, 'more_than')],
			{
				en: 'Kyiv reported 206 and 207, and Moscow reported more than 300, which do not agree.',
				uk: 'Київ — 206 і 207; Москва — понад 300; ці цифри не узгоджуються.',
				ru: 'Киев — 206 и 207; Москва — более 300; эти цифры не согласуются.'
			}
		],
		[
			'figures of different scopes',
			() => [kyiv(185, 'exact', 'military'), moscow(205)],
			{
				en: 'Kyiv reported 185 servicemen and Moscow reported 205 people in all: they count different things, so the figures are not compared.',
				uk: 'Київ — 185 військовослужбовців; Москва — загалом 205 осіб. Сторони рахують різне, тож цифри не порівнюються.',
				ru: 'Киев — 185 военнослужащих; Москва — всего 205 человек. Стороны считают разное, поэтому цифры не сравниваются.'
			}
		],
		[
			'sums of sub-counts that differ by one civilian',
			() => [
				kyiv(185, 'exact', 'military'),
				kyiv(20, 'exact', 'civilians'),
				moscow(185, 'exact', 'military'),
				moscow(21, 'exact', 'civilians')
			],
			{
				en: 'Kyiv reported 205 (185 servicemen + 20 civilians) and Moscow reported 206 (185 servicemen + 21 civilians): the figures differ by 1.',
				uk: 'Київ — 205, з них 185 військовослужбовців + 20 цивільних; Москва — 206, з них 185 військовослужбовців + 21 цивільний; розбіжність — 1.',
				ru: 'Киев — 205, из них 185 военнослужащих + 20 гражданских лиц; Москва — 206, из них 185 военнослужащих + 21 гражданское лицо; расхождение — 1.'
			}
		],
		[
			'a mediator confirming one party',
			() => [uae(1000), kyiv(1000)],
			{
				en: "UAE reported 1,000, matching Kyiv's figure.",
				uk: `UAE: 1${NB}000; стільки ж називає Київ.`,
				ru: `UAE: 1${NB}000; столько же называет Киев.`
			}
		]
	];
	it.each(
		cases.flatMap(([name, figures, byLocale]) =>
			(['en', 'uk', 'ru'] as const).map((locale) => [name, locale, figures, byLocale[locale]] as const)
		)
	)('%s, in %s', (_name, locale, figures, expected) => {
		expect(inLocale(locale, () => deriveConfirmation(figures()).explanation)).toBe(expected);
	});
});

describe('dates, ranges and numbers', () => {
	it.each<[Locale, string]>([
		['en', '30 Dec 2024'],
		['uk', `30 грудня 2024${NB}р.`],
		['ru', `30 декабря 2024${NB}г.`]
	])('a day in %s', (locale, expected) => {
		expect(inLocale(locale, () => formatDate('2024-12-30'))).toBe(expected);
	});

	it.each<[Locale, string, string, string]>([
		['en', '2024-12-03', '2024-12-30', '3–30 Dec 2024'],
		['en', '2024-09-03', '2024-12-30', `3 Sept${NB}– 30 Dec 2024`],
		['en', '2024-12-30', '2025-01-02', `30 Dec 2024${NB}– 2 Jan 2025`],
		['en', '2024-12-30', '2024-12-30', '30 Dec 2024'],
		['uk', '2024-12-03', '2024-12-30', `3–30 грудня 2024${NB}р.`],
		['uk', '2024-09-03', '2024-12-30', `3 вересня${NB}– 30 грудня 2024${NB}р.`],
		['uk', '2024-12-30', '2025-01-02', `30 грудня 2024${NB}– 2 січня 2025${NB}рр.`],
		['ru', '2024-12-03', '2024-12-30', `3–30 декабря 2024${NB}г.`],
		['ru', '2024-12-30', '2025-01-02', `30 декабря 2024${NB}г.${NB}– 2 января 2025${NB}г.`]
	])('a range in %s: %s to %s', (locale, from, to, expected) => {
		expect(inLocale(locale, () => formatDateRange(from, to))).toBe(expected);
	});

	it.each<[Locale, string]>([
		['en', 'Sept–Dec 2024'],
		['uk', `вер.–груд. 2024${NB}р.`],
		['ru', `сент.–дек. 2024${NB}г.`]
	])('a range of months in %s', (locale, expected) => {
		const range = inLocale(locale, () =>
			formatMonthRange(new Date(Date.UTC(2024, 8, 1)), new Date(Date.UTC(2024, 11, 1)))
		);
		expect(range).toBe(expected);
	});

	it.each<[Locale, number, string]>([
		['en', 12345, '12,345'],
		['uk', 12345, `12${NB}345`],
		['ru', 1000, `1${NB}000`],
		['uk', 999, '999']
	])('a number in %s', (locale, value, expected) => {
		expect(inLocale(locale, () => formatNumber(value))).toBe(expected);
	});
});

describe('counted nouns', () => {
	const counted = (count: number) => ({ count, countText: String(count) });
	it.each<[Locale, number, string]>([
		['en', 1, '1 round matches.'],
		['en', 12, '12 rounds match.'],
		['uk', 1, 'Знайдено 1 раунд.'],
		['uk', 3, 'Знайдено 3 раунди.'],
		['uk', 11, 'Знайдено 11 раундів.'],
		['uk', 21, 'Знайдено 21 раунд.'],
		['ru', 1, 'Найден 1 раунд.'],
		['ru', 4, 'Найдено 4 раунда.'],
		['ru', 25, 'Найдено 25 раундов.']
	])('rounds found, %s, %i', (locale, count, expected) => {
		expect(m.rounds_count(counted(count), { locale })).toBe(expected);
	});

	it.each<[Locale, number, string]>([
		['en', 1, '1 statement matches.'],
		['uk', 1, 'Знайдено 1 заяву.'],
		['uk', 2, 'Знайдено 2 заяви.'],
		['uk', 5, 'Знайдено 5 заяв.'],
		['ru', 2, 'Найдено 2 заявления.'],
		['ru', 5, 'Найдено 5 заявлений.']
	])('statements found, %s, %i', (locale, count, expected) => {
		expect(m.claims_count(counted(count), { locale })).toBe(expected);
	});

	it.each<[Locale, number, string]>([
		['en', 1, '1 source.'],
		['uk', 1, '1 джерело.'],
		['uk', 22, '22 джерела.'],
		['uk', 100, '100 джерел.'],
		['ru', 1, '1 источник.'],
		['ru', 3, '3 источника.'],
		['ru', 100, '100 источников.']
	])('sources, %s, %i', (locale, count, expected) => {
		expect(m.sources_count(counted(count), { locale })).toBe(expected);
	});

	it.each<[Locale, number, string]>([
		['en', 30, 'Other statements of this kind by X within 30 days'],
		['en', 1, 'Other statements of this kind by X within 1 day'],
		['uk', 30, 'Інші заяви цього типу (X) у межах 30 днів'],
		['uk', 21, 'Інші заяви цього типу (X) у межах 21 дня'],
		['ru', 30, 'Другие заявления этого типа (X) в пределах 30 дней'],
		['ru', 31, 'Другие заявления этого типа (X) в пределах 31 дня']
	])('a window of days, %s, %i', (locale, days, expected) => {
		expect(m.thread_same_subject_heading({ claimant: 'X', days, daysText: String(days) }, { locale })).toBe(expected);
	});

	it.each<[Locale, number, string]>([
		['en', 54, 'over 54 rounds'],
		['uk', 1, 'у 1 раунді'],
		['uk', 54, 'у 54 раундах'],
		['ru', 21, 'в 21 раунде'],
		['ru', 54, 'в 54 раундах']
	])('the rounds a sum covers, %s, %i', (locale, count, expected) => {
		expect(m.totals_coverage_party(counted(count), { locale })).toBe(expected);
	});
});

describe("a round's heading", () => {
	it.each<[Locale, string | null, string]>([
		['en', null, 'Prisoner exchange, 5 Jun 2025'],
		['en', '2025-06-06', 'Prisoner exchange, 5–6 Jun 2025'],
		['en', '2025-07-02', `Prisoner exchange, 5 Jun${NB}– 2 Jul 2025`],
		['uk', '2025-06-06', `Обмін полоненими, 5–6 червня 2025${NB}р.`],
		['ru', '2025-06-06', `Обмен пленными, 5–6 июня 2025${NB}г.`]
	])('in %s, ending %s', (locale, endDate, expected) => {
		expect(inLocale(locale, () => roundHeading('pow_exchange', '2025-06-05', endDate))).toBe(expected);
	});
});

describe('a sentence ending in an abbreviated year', () => {
	it.each([
		[`Обмін полоненими, 30 грудня 2024${NB}р..`, `Обмін полоненими, 30 грудня 2024${NB}р.`],
		[`Обмен пленными, 30 декабря 2024${NB}г.. Дальше`, `Обмен пленными, 30 декабря 2024${NB}г. Дальше`],
		['Prisoner exchange on 30 Dec 2024.', 'Prisoner exchange on 30 Dec 2024.'],
		['Кінець речення... і далі', 'Кінець речення... і далі'],
		['Розгляд.. ', 'Розгляд.. ']
	])('%s', (sentence, expected) => {
		expect(closeSentences(sentence)).toBe(expected);
	});

	it.each<[Locale, string]>([
		['en', 'Prisoner exchange on 30 Dec 2024.'],
		['uk', `Обмін полоненими, 30 грудня 2024${NB}р.`],
		['ru', `Обмен пленными, 30 декабря 2024${NB}г.`]
	])("closes a round's fact box once, in %s", (locale, opening) => {
		const text = inLocale(locale, () =>
			roundFactBox({
				kind: roundKindLabel('pow_exchange'),
				date: formatDate('2024-12-30'),
				mediators: [],
				exchangeNumber: null,
				directions: [],
				datasetVersion: 'abc'
			})
		);
		expect(text.startsWith(`${opening} `)).toBe(true);
	});
});

describe('form errors', () => {
	it.each<[Locale, string]>([
		['en', 'No claim with the id c9.'],
		['uk', 'Заяви з ідентифікатором c9 у базі немає.'],
		['ru', 'Заявления с идентификатором c9 в базе нет.']
	])('an unknown record, named by its kind, in %s', (locale, expected) => {
		expect(m.form_error_no_reference({ entity: 'claim', ids: 'c9' }, { locale })).toBe(expected);
	});

	it.each<[Locale, string]>([
		['en', 'Vladimir Medinsky (k-medinsky) speaks for the side "Russia" on record, not "Ukraine".'],
		['uk', 'За даними бази, Vladimir Medinsky (k-medinsky) представляє сторону «Росія», а не «Україна».'],
		['ru', 'По данным базы, Vladimir Medinsky (k-medinsky) представляет сторону «Россия», а не «Украина».']
	])('a claimant given the other side, sides by name, in %s', (locale, expected) => {
		const text = inLocale(locale, () =>
			m.form_error_claimant_side({
				name: 'Vladimir Medinsky',
				id: 'k-medinsky',
				side: sideName('russia'),
				given: sideName('ukraine')
			})
		);
		expect(text).toBe(expected);
	});

	it('keeps a side that is not one as it was typed', () => {
		expect(sideName('kremlin')).toBe('kremlin');
	});
});

describe('a figure with what it counts, as a statement’s title', () => {
	it.each([
		['en', 8050, 'exact', 'people_to_ukraine', '8,050 people returned to Ukraine'],
		['uk', 8050, 'exact', 'people_to_ukraine', '8 050 (люди, повернуті в Україну)'],
		['uk', 6691, 'exact', 'people_both_ways', '6 691 (люди в обох напрямках разом)'],
		['ru', 20, 'more_than', 'held_by_ukraine', 'более 20 (удерживаемые Украиной)']
	] as const)('%s: %d %s %s', (locale, number, qualifier, counted, expected) => {
		expect(inLocale(locale, () => figureCounted(number, qualifier, counted)).replace(/\u00a0/g, ' ')).toBe(expected);
	});
});
