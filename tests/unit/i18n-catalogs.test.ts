// The Ukrainian and Russian catalogs stay in step with the English one: same keys, same placeholders, every plural form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '../../src/lib/paraglide/messages.js';

type Variant = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Variant[];
type Catalog = Record<string, Message>;

const TRANSLATED = ['uk', 'ru'] as const;

/** Values a translation keeps in English on purpose, with the reason; see src/lib/i18n/GLOSSARY.md. */
const SAME_AS_ENGLISH: Record<string, string> = {
	site_name: 'the product name stays in Latin letters so citations and searches find one name in every language',
	download_csv: 'file format name',
	download_json: 'file format name',
	download_sqlite: 'file format name',
	download_svg: 'file format name',
	download_png: 'file format name',
	cite_bibtex: 'name of the citation format'
};

function readCatalog(locale: string): Catalog {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(`src/lib/i18n/messages/${locale}.json`, 'utf8')
	) as Catalog & { $schema: string };
	return messages;
}

/** Every text of a message: the message itself, or each variant's. */
function texts(message: Message): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match));
}

const placeholdersIn = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((found) => found[1] ?? '');

/** The inputs a message takes: the placeholders of all its texts and the inputs its variants declare. */
function inputsOf(message: Message): Set<string> {
	const inputs = new Set(texts(message).flatMap(placeholdersIn));
	if (typeof message !== 'string') {
		for (const variant of message)
			for (const declaration of variant.declarations) {
				const input = /^input (\w+)$/.exec(declaration)?.[1];
				if (input) inputs.add(input);
			}
	}
	return inputs;
}

/**
 * The plural categories a variant message covers for the selector bound to `: plural` ("*" covers all), or null for
 * a message that selects on something else only (an entity, a qualifier).
 */
function pluralCategories(message: Variant[]): Set<string> | null {
	const covered = new Set<string>();
	const plural = message.some((variant) =>
		variant.declarations.some((declaration) => / = \w+: plural$/.test(declaration))
	);
	if (!plural) return null;
	for (const variant of message) {
		const selector = variant.declarations
			.map((declaration) => /^local (\w+) = \w+: plural$/.exec(declaration)?.[1])
			.find((name) => name !== undefined);
		if (!selector) continue;
		for (const key of Object.keys(variant.match))
			for (const part of key.split(',')) {
				const [name, value] = part.trim().split('=');
				if (name === selector && value) covered.add(value);
			}
	}
	return covered;
}

const sorted = (values: Iterable<string>) => [...values].sort();

/** Everything wrong with `translated` measured against `english`, one line per problem. */
function catalogProblems(english: Catalog, translated: Catalog, locale: string): string[] {
	const problems: string[] = [];
	for (const key of Object.keys(english)) if (!(key in translated)) problems.push(`${key}: missing`);
	for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${key}: not in en.json`);
	const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
	for (const [key, message] of Object.entries(translated)) {
		const source = english[key];
		if (source === undefined) continue;
		const expected = inputsOf(source);
		if (sorted(inputsOf(message)).join() !== sorted(expected).join())
			problems.push(`${key}: placeholders ${sorted(inputsOf(message))} instead of ${sorted(expected)}`);
		for (const text of texts(message)) {
			if (text.trim() === '') problems.push(`${key}: empty`);
			for (const name of placeholdersIn(text))
				if (!expected.has(name)) problems.push(`${key}: unknown placeholder {${name}} in "${text}"`);
		}
		if (typeof source !== 'string' && typeof message === 'string')
			problems.push(`${key}: plural forms in en.json but a single string here`);
		if (typeof message !== 'string') {
			const covered = pluralCategories(message);
			const missing = covered === null || covered.has('*') ? [] : needed.filter((category) => !covered.has(category));
			if (missing.length > 0) problems.push(`${key}: no plural form for ${missing.join(', ')}`);
		}
		const bare = (text: string) => text.replace(/\{\w+\}/g, '');
		const sameAsEnglish = JSON.stringify(message) === JSON.stringify(source);
		if (sameAsEnglish && /\p{L}/u.test(texts(message).map(bare).join('')) && !(key in SAME_AS_ENGLISH))
			problems.push(`${key}: still the English text`);
	}
	return problems;
}

const english = readCatalog('en');

describe.each(TRANSLATED)('the %s catalog', (locale) => {
	it('has the keys, placeholders and plural forms of en.json, and no empty or untranslated value', () => {
		expect(catalogProblems(english, readCatalog(locale), locale)).toEqual([]);
	});
});

/** Placeholders that receive a day formatted by formatDate, which in Ukrainian and Russian ends with «р.» / «г.». */
const DATE_PLACEHOLDERS = ['date', 'asOf', 'accessed', 'published', 'first', 'last'];

describe.each(TRANSLATED)('dates in the %s catalog', (locale) => {
	it('are never followed by a full stop, since the date already ends with the abbreviation’s', () => {
		const doubled = Object.entries(readCatalog(locale)).filter(([, message]) =>
			texts(message).some((text) => DATE_PLACEHOLDERS.some((name) => text.includes(`{${name}}.`)))
		);
		expect(doubled.map(([key]) => key)).toEqual([]);
	});
});

describe('the allow-list of values kept in English', () => {
	it.each(Object.keys(SAME_AS_ENGLISH))('%s is still kept in English by a catalog', (key) => {
		const kept = TRANSLATED.some((locale) => JSON.stringify(readCatalog(locale)[key]) === JSON.stringify(english[key]));
		expect(kept).toBe(true);
	});
});

describe('the catalog check catches', () => {
	const base: Catalog = {
		greeting: 'Hello {name}',
		rounds: [
			{
				declarations: ['input count', 'local countPlural = count: plural'],
				selectors: ['countPlural'],
				match: { 'countPlural=one': 'One round', 'countPlural=other': '{countText} rounds' }
			}
		]
	};
	const pluralUk = (match: Record<string, string>): Variant[] => [
		{ declarations: ['input count', 'local countPlural = count: plural'], selectors: ['countPlural'], match }
	];
	const fullUk = pluralUk({
		'countPlural=one': '{countText} раунд',
		'countPlural=few': '{countText} раунди',
		'countPlural=many': '{countText} раундів',
		'countPlural=other': '{countText} раунду'
	});
	it.each([
		['nothing in a correct translation', { greeting: 'Привіт, {name}', rounds: fullUk }, []],
		['a missing key', { rounds: fullUk }, ['greeting: missing']],
		['an extra key', { greeting: 'Привіт, {name}', rounds: fullUk, extra: 'x' }, ['extra: not in en.json']],
		[
			'a renamed placeholder',
			{ greeting: 'Привіт, {user}', rounds: fullUk },
			['greeting: placeholders user instead of name', 'greeting: unknown placeholder {user} in "Привіт, {user}"']
		],
		[
			'an empty value',
			{ greeting: 'Привіт, {name}', rounds: pluralUk({ ...fullUk[0]!.match, 'countPlural=few': ' ' }) },
			['rounds: empty']
		],
		[
			'a missing plural category',
			{
				greeting: 'Привіт, {name}',
				rounds: pluralUk({ 'countPlural=one': '{countText} раунд', 'countPlural=other': '{countText} раунду' })
			},
			['rounds: no plural form for few, many']
		],
		['an untranslated value', { greeting: 'Hello {name}', rounds: fullUk }, ['greeting: still the English text']]
	])('%s', (_case, translated, problems) => {
		expect(catalogProblems(base, translated as Catalog, 'uk')).toEqual(problems);
	});
});

describe('plural forms as rendered', () => {
	const inputs = (count: number) => ({
		count,
		countText: String(count),
		first: 'A',
		last: 'B',
		confirmed: '0',
		disputed: '0'
	});
	it.each([
		['uk', 1, 'Один раунд, A:'],
		['uk', 2, '2 раунди за період A\u00a0— B:'],
		['uk', 5, '5 раундів за період A\u00a0— B:'],
		['uk', 11, '11 раундів за період A\u00a0— B:'],
		['uk', 21, '21 раунд за період A\u00a0— B:'],
		['uk', 22, '22 раунди за період A\u00a0— B:'],
		['ru', 1, 'Один раунд, A:'],
		['ru', 3, '3 раунда за период A\u00a0— B:'],
		['ru', 12, '12 раундов за период A\u00a0— B:'],
		['ru', 21, '21 раунд за период A\u00a0— B:'],
		['ru', 104, '104 раунда за период A\u00a0— B:']
	] as const)('%s, %i rounds', (locale, count, start) => {
		expect(m.chart_timeline_summary_people(inputs(count), { locale })).toMatch(new RegExp(`^${start}`));
	});
	it.each([
		['uk', 1, 'Названі цифри розходяться в 1 раунді.'],
		['uk', 21, 'Названі цифри розходяться в 21 раунді.'],
		['uk', 3, 'Названі цифри розходяться в 3 раундах.'],
		['ru', 1, 'Названные цифры расходятся в 1 раунде.'],
		['ru', 15, 'Названные цифры расходятся в 15 раундах.']
	] as const)('%s, differing figures in %i rounds', (locale, count, sentence) => {
		expect(m.chart_discrepancy_summary_no_gap({ count, countText: String(count) }, { locale })).toBe(sentence);
	});
});
