// The site in three languages through the production build: addresses, `<html lang>`, hreflang alternates and
// canonical, links that keep the language, the page cache keyed on the language, and no redirect by Accept-Language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLanguageNeutral } from '../../src/lib/i18n/addresses';
import { MAINTAINER, startApp, type RunningApp } from '../helpers/app-server';
import { fixtureDir } from '../helpers/dataset';

let app: RunningApp;

beforeAll(async () => {
	// Each form post below is its own client (X-Forwarded-For), so that the rate limits never answer before the form.
	app = await startApp({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
}, 240_000);

afterAll(() => app?.stop());

const LOCALES = ['en', 'uk', 'ru'] as const;
type Locale = (typeof LOCALES)[number];
const prefix = (locale: Locale) => (locale === 'en' ? '' : `/${locale}`);
/** A page's path in a language: the home page of a prefixed language is `/uk`, never `/uk/`. */
const inLocale = (locale: Locale, path: string) => (path === '/' ? prefix(locale) || '/' : prefix(locale) + path);

/** One page of every family, with a query where the family reads one. */
const FAMILIES = [
	'/',
	'/rounds',
	'/rounds?status=disputed&year=2025',
	'/rounds/2024-12-30-exchange',
	'/years',
	'/claims',
	'/claims/c1',
	'/claimants',
	'/claimants/k-ccd',
	'/sources',
	'/sources/s-kyiv',
	'/search?q=exchange',
	'/methodology',
	'/download',
	'/changes',
	'/charts/cumulative',
	'/embed/cumulative',
	'/api/v1',
	'/corrections',
	'/corrections/new?entity=claim&id=c1',
	'/corrections/new-exchange',
	'/login'
];

/** The HTML attribute values of every tag named `tag` whose attributes match `filter`. */
function tags(html: string, tag: string): string[] {
	return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))].map((found) => found[0]);
}
const attribute = (tag: string, name: string) =>
	new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&');

describe('every page family answers in every language', () => {
	it.each(FAMILIES.flatMap((path) => LOCALES.map((locale) => [inLocale(locale, path), locale] as const)))(
		'%s is in %s, with complete hreflang alternates and its own canonical address',
		async (address, locale) => {
			const response = await app.fetch(address);
			expect(response.status).toBe(200);
			const html = await response.text();
			expect(html).toContain(`<html lang="${locale}">`);

			const head = html.slice(0, html.indexOf('</head>'));
			const alternates = new Map(
				tags(head, 'link')
					.filter((link) => attribute(link, 'rel') === 'alternate' && attribute(link, 'hreflang'))
					.map((link) => [attribute(link, 'hreflang'), attribute(link, 'href')])
			);
			const path = address.replace(/^\/(uk|ru)(?=\/|\?|$)/, '') || '/';
			const expected = new Map<string | undefined, string | undefined>(
				LOCALES.map((other) => [
					other,
					app.origin + inLocale(other, path.split('?')[0]!) + (path.split('?')[1] ? `?${path.split('?')[1]}` : '')
				])
			);
			expected.set('x-default', expected.get('en'));
			expect(alternates).toEqual(expected);
			const canonicals = tags(head, 'link').filter((link) => attribute(link, 'rel') === 'canonical');
			expect(canonicals.map((link) => attribute(link, 'href'))).toEqual([expected.get(locale)]);
		}
	);
});

describe('internal links keep the language', () => {
	/** Static files (scripts, the icon) and SvelteKit's assets have one address. */
	const isAsset = (href: string) => /^\/[\w.-]+\.(?:js|svg|css)$/.test(href) || href.startsWith('/_app/');

	it.each(
		FAMILIES.flatMap((path) => (['uk', 'ru'] as const).map((locale) => [inLocale(locale, path), locale] as const))
	)('every link and form on %s stays in %s (or is a language-neutral address)', async (address, locale) => {
		const html = await (await app.fetch(address)).text();
		const body = html.slice(html.indexOf('<body'));
		const strays: string[] = [];
		for (const tag of [...tags(body, 'a'), ...tags(body, 'form'), ...tags(body, 'iframe')]) {
			// The language switcher's links name their language: they are the way out on purpose.
			if (attribute(tag, 'hreflang')) continue;
			for (const name of ['href', 'action', 'src']) {
				const value = attribute(tag, name);
				if (!value?.startsWith('/')) continue;
				const path = value.split(/[?#]/)[0]!;
				const localised = path === `/${locale}` || path.startsWith(`/${locale}/`);
				if (!localised && !isLanguageNeutral(path) && !isAsset(path)) strays.push(`${name}=${value}`);
			}
		}
		expect(strays).toEqual([]);
	});

	it('the embed code and the citation carry the language in their absolute addresses', async () => {
		const overview = await (await app.fetch('/uk')).text();
		expect(overview).toContain(`&lt;iframe src="${app.origin}/uk/embed/cumulative"`);
		const round = await (await app.fetch('/ru/rounds/2024-12-30-exchange')).text();
		expect(round).toContain(`${app.origin}/ru/rounds/2024-12-30-exchange`);
		expect(round).not.toContain(`${app.origin}/rounds/2024-12-30-exchange<`);
	});

	it('the Atom feed in a language links to that language', async () => {
		const feed = await (await app.fetch('/uk/changes.atom')).text();
		expect(feed).toContain(`<link rel="self" href="${app.origin}/uk/changes.atom"/>`);
		expect(feed).toContain(`<link rel="alternate" href="${app.origin}/uk/changes"/>`);
	});
});

describe("mediators in the reader's language", () => {
	/** The round page's list of facts (its exchange number and mediators). */
	const factsOf = (html: string) => /<ul class="facts[^"]*">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
	/** A page's text without its markup (and Svelte's comment markers). */
	const textOf = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '');

	it.each([
		{ locale: 'en', facts: 'Mediator: Turkey', factBox: ', mediated by Turkey' },
		{ locale: 'uk', facts: 'Посередник: Туреччина', factBox: ', за посередництва: Туреччина' },
		{ locale: 'ru', facts: 'Посредник: Турция', factBox: ', при посредничестве: Турция' }
	] as const)('a round Turkey mediated names it in $locale: $facts', async ({ locale, facts, factBox }) => {
		const html = await (await app.fetch(inLocale(locale, '/rounds/2025-05-23-exchange'))).text();
		expect(textOf(factsOf(html))).toContain(facts);
		expect(html).toContain(factBox);
		if (locale !== 'en') expect(factsOf(html)).not.toContain('Turkey');
	});

	it("offers each mediator by its name in the reader's language, filtering by the name as recorded", async () => {
		const html = await (await app.fetch('/ru/rounds')).text();
		expect(html).toMatch(/<option value="Turkey"[^>]*>Турция<\/option>/);
		expect(html).toMatch(/<option value="UAE"[^>]*>ОАЭ<\/option>/);
		const filtered = await (await app.fetch('/ru/rounds?mediator=Turkey')).text();
		expect(filtered).toMatch(/<option value="Turkey" selected[^>]*>Турция<\/option>/);
		expect(filtered).toContain('/ru/rounds/2025-05-23-exchange');
		expect(filtered).not.toContain('/ru/rounds/2024-12-30-exchange');
	});

	it('finds the rounds Turkey mediated by «Туреччина», naming the mediator in Ukrainian', async () => {
		const html = await (await app.fetch(`/uk/search?q=${encodeURIComponent('Туреччина')}`)).text();
		expect(html).toContain('/uk/rounds/2025-05-23-exchange');
		expect(html).toContain('/uk/rounds/2025-05-24-exchange');
		expect(textOf(html)).toMatch(/Посередник:\s*Туреччина/);
	});
});

describe('addresses that do not exist', () => {
	it.each([
		'/de/rounds',
		'/en/rounds',
		'/en',
		'/uk/uk/rounds',
		'/ukr/rounds',
		'/uk/api/v1/rounds',
		'/ru/rounds.csv',
		'/uk/rounds/2024-12-30-exchange.json',
		'/ru/download/dataset.sqlite',
		'/uk/healthz'
	])('%s is not found', async (path) => {
		const response = await app.fetch(path);
		expect(response.status).toBe(404);
	});

	it('a missing page under a prefix is a 404 in that language', async () => {
		const response = await app.fetch('/ru/rounds/no-such-round');
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('<html lang="ru">');
	});

	it('the home page of a language has no trailing slash: /uk/ is sent to /uk', async () => {
		const response = await app.fetch('/uk/', { redirect: 'manual' });
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe('/uk');
	});

	it('images have an address per language', async () => {
		for (const path of ['/uk/charts/cumulative.png', '/ru/charts/cumulative.svg', '/uk/card.png']) {
			const response = await app.fetch(path);
			expect(response.status, path).toBe(200);
		}
		const card = await app.fetch('/ru/rounds/2024-12-30-exchange/card.png');
		expect(card.headers.get('content-type')).toBe('image/png');
	});
});

describe('Accept-Language suggests nothing by force', () => {
	it.each(['uk', 'ru', 'ru-RU,ru;q=0.9,en;q=0.5', 'uk-UA'])(
		'Accept-Language: %s is answered in English at /',
		async (language) => {
			const response = await app.fetch('/rounds', {
				redirect: 'manual',
				headers: { 'accept-language': language, 'sec-fetch-dest': 'document' }
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('location')).toBeNull();
			expect(await response.text()).toContain('<html lang="en">');
		}
	);

	it('an English page is the same for every browser: the suggestion of another language is in it, hidden', async () => {
		const bodies = await Promise.all(
			['uk', 'ru', 'en-GB', 'de'].map(async (language) => {
				const response = await app.raw('/claims/c1', { 'accept-language': language, 'accept-encoding': 'identity' });
				expect(response.headers.vary).not.toMatch(/accept-language/i);
				return response.body.toString('utf8');
			})
		);
		expect(new Set(bodies).size).toBe(1);
		expect(bodies[0]).toMatch(/<aside id="language-suggestion"[^>]*hidden/);
		expect(bodies[0]).toContain('<p lang="uk" hidden');
		expect(bodies[0]).toContain('href="/uk/claims/c1"');
		expect(bodies[0]).toContain('/language-suggestion.js');
		const ukrainian = await (await app.fetch('/uk/claims/c1')).text();
		expect(ukrainian).not.toContain('language-suggestion');
	});

	it('a language address is answered in its language whatever the browser prefers', async () => {
		const response = await app.fetch('/uk/rounds', { headers: { 'accept-language': 'ru' } });
		expect(await response.text()).toContain('<html lang="uk">');
	});
});

describe('the page cache keys on the language', () => {
	it('each language keeps its own entry, in the hooks and in the server entry', async () => {
		// Miss, then hits (the second answered by the server entry's fast path), interleaved across languages.
		for (let round = 0; round < 3; round++) {
			for (const locale of LOCALES) {
				const response = await app.raw(inLocale(locale, '/methodology'), { 'accept-encoding': 'identity' });
				expect(response.status).toBe(200);
				if (round > 0) expect(response.headers['x-page-cache']).toBe('hit');
				expect(response.body.toString('utf8')).toContain(`<html lang="${locale}">`);
			}
		}
	});

	it('each language has its own ETag, so a revalidation never answers one language with another', async () => {
		const etags = new Set<string>();
		for (const locale of LOCALES) {
			const response = await app.raw(inLocale(locale, '/claims/c1'), { 'accept-encoding': 'identity' });
			etags.add(String(response.headers.etag));
			const other = await app.raw(inLocale(locale === 'en' ? 'uk' : 'en', '/claims/c1'), {
				'accept-encoding': 'identity',
				'if-none-match': String(response.headers.etag)
			});
			expect(other.status).toBe(200);
		}
		expect(etags.size).toBe(3);
	});

	it('embeds may be framed by other sites in every language', async () => {
		for (const locale of LOCALES) {
			const response = await app.raw(inLocale(locale, '/embed/cumulative'), { 'accept-encoding': 'identity' });
			expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
		}
		const page = await app.raw('/uk/rounds', { 'accept-encoding': 'identity' });
		expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});
});

describe('no text of another language on a page', () => {
	type Catalog = Record<string, string | { match: Record<string, string> }[]>;
	const catalogs = Object.fromEntries(
		LOCALES.map((locale) => {
			const { $schema: _schema, ...messages } = JSON.parse(
				readFileSync(`src/lib/i18n/messages/${locale}.json`, 'utf8')
			) as Catalog & { $schema: string };
			const texts = Object.values(messages).flatMap((message) =>
				typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match))
			);
			return [locale, texts];
		})
	) as Record<Locale, string[]>;

	/**
	 * The literal parts of a language's messages (the text between placeholders) long enough not to be a word or a
	 * name that every language writes alike: at least 16 characters and three words.
	 */
	const fragmentsOf = (locale: Locale) =>
		new Set(
			catalogs[locale]
				.flatMap((text) => text.split(/\{[^}]*\}/))
				.map((part) => part.trim())
				.filter((part) => part.length >= 16 && part.split(/\s+/).length >= 3)
		);

	/**
	 * Text from the dataset is in the language it was recorded in (summaries, notes, what a claimant counted; their
	 * translations are data, not catalog): a message fragment that also occurs in the fixture's CSV files is not
	 * counted as a stray.
	 */
	const dataText = readdirSync(fixtureDir('valid-data'))
		.filter((name) => name.endsWith('.csv'))
		.map((name) => readFileSync(join(fixtureDir('valid-data'), name), 'utf8'))
		.join('\n');

	/** What a reader meets: text and the attributes read aloud or shown, without markup, scripts or styles. */
	function readable(html: string): string {
		const attributes = [...html.matchAll(/\b(?:aria-label|title|alt|placeholder|content|value)="([^"]*)"/g)].map(
			(found) => found[1]
		);
		const text = html
			.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
			// Text marked with its own language (the switcher's names, the suggestion of another language) is right; the
			// page's own <html lang> marks everything, so it is left out.
			.replace(/<((?!html\b)\w+)\b[^>]*\blang="[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' ')
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<[^>]+>/g, ' ');
		return [text, ...attributes]
			.join('\n')
			.replace(/&quot;/g, '"')
			.replace(/&#39;|&apos;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&nbsp;/g, ' ')
			.replace(/&amp;/g, '&')
			.replace(/\s+/g, ' ');
	}

	// English first, so that anything computed once and kept (a memo) in English would show on the pages after it.
	it.each(LOCALES.flatMap((locale) => FAMILIES.map((path) => [inLocale(locale, path), locale] as const)))(
		'%s has no message text of another language',
		async (address, locale) => {
			const own = catalogs[locale].join('\n');
			const foreign = LOCALES.filter((other) => other !== locale).flatMap((other) =>
				[...fragmentsOf(other)]
					.filter((fragment) => !own.includes(fragment) && !dataText.includes(fragment))
					.map((fragment) => [other, fragment])
			);
			const text = readable(await (await app.fetch(address)).text());
			const found = foreign.filter(([, fragment]) => text.includes(fragment!));
			// One line per message found, so that a failure names every one.
			expect(found.map(([other, fragment]) => `${other}: ${fragment}`).join('\n')).toBe('');
		}
	);
});

let client = 0;

/** A form post from a client address of its own (the suggestion limit counts per address), with a session if given. */
async function send(path: string, fields: Record<string, string>, cookie = '') {
	return app.fetch(path, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: {
			origin: app.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': `10.2.0.${++client}`,
			...(cookie ? { cookie } : {})
		}
	});
}

/** The error summary of the page answered to a post, as text. */
async function errorSummary(path: string, fields: Record<string, string>): Promise<string> {
	const response = await send(path, fields);
	expect(response.status).toBe(400);
	const html = await response.text();
	const summary = /<div class="error-summary[^"]*"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
	expect(summary).not.toBe('');
	return summary
		.replace(/<[^>]+>/g, ' ')
		.replace(/&[a-z]+;|&#\d+;/g, ' ')
		.replace(/\s+/g, ' ');
}

/** Latin-script words left in a text, leaving out web addresses' schemes (http, https) that a sentence names. */
const latinWords = (text: string) => text.replace(/\bhttps?(?::\/\/)?/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];

const suggestion = (overrides: Record<string, string>) => ({
	kind: 'change',
	entity: 'claim',
	record_id: 'c2',
	'field:number': '151',
	reason: 'Міністерство виправило число наступного дня.',
	evidence: 'https://example.org/correction',
	contact_email: '',
	website: '',
	...overrides
});

const exchange = (overrides: Record<string, string>) => ({
	'round.date': '2026-05-20',
	'round.kind': 'pow_exchange',
	'round.summary': 'Prisoner exchange of 205 for 205.',
	'round.summary_uk': 'Обмін полоненими 205 на 205.',
	'round.summary_ru': 'Обмен пленными 205 на 205.',
	's1.claimant': 'Volodymyr Zelensky',
	's1.claimant_side': 'ukraine',
	's1.stated_on': '2026-05-20',
	's1.counted': 'people_to_ukraine',
	's1.counted_detail': 'повернулися додому',
	's1.number': '205',
	's1.qualifier': 'exact',
	's1.source.url': 'https://example.org/kyiv-205',
	's1.source.outlet': 'Укрінформ',
	's1.source.published_on': '2026-05-20',
	's1.source.kind': 'official_statement',
	's1.source.language': 'uk',
	's1.source.reliability': 'claimant_channel',
	reason: 'Про це оголосили того ж дня.',
	evidence: 'https://example.org/kyiv-205',
	contact_email: '',
	website: '',
	...overrides
});

const suggestionCases: [string, Record<string, string>][] = [
	['no record to change', { record_id: '' }],
	['no reason, no evidence', { reason: ' ', evidence: '' }],
	['evidence that is not a web address', { evidence: 'ftp://example.org/file' }],
	['a bad contact email', { contact_email: 'not-an-address' }],
	['a figure that is not a number', { 'field:number': 'about 150' }],
	['a date that does not exist', { 'field:stated_on': '2024-02-30' }],
	['a date in another format', { 'field:stated_on': '30.02.2024' }],
	['an oversized note and reason', { 'field:note': 'x'.repeat(2001), reason: 'x'.repeat(2001) }],
	['a field that cannot be corrected', { 'field:id': 'c7' }],
	['a reference to an unknown round', { 'field:round_id': '1999-01-01-exchange' }],
	['nothing changed', { 'field:number': '' }],
	['the honeypot filled in', { website: 'http://spam.example' }]
];

const exchangeCases: [string, Record<string, string>][] = [
	[
		'an impossible date, a figure in words, an address that is not one, no evidence',
		{ 'round.date': '2026-13-01', 's1.number': 'many', 's1.source.url': 'nope', evidence: '' }
	],
	['a figure without its qualifier', { 's1.qualifier': '' }],
	['a qualifier without a figure', { 's1.number': '' }],
	['an agreement that does not exist', { 'round.parent_id': '1999-01-01-agreement' }],
	['a claimant not on record', { 's1.claimant': 'Nobody Known' }],
	['no reason and an oversized cell', { reason: '', 'round.summary': 'x'.repeat(2001) }]
];

/*
 * The suggestion and exchange forms' field errors: each problem in the page's language, each field by its public
 * label, no English left (posted to the built app, as a reader posts the form).
 */
describe.each(['uk', 'ru'] as const)('field errors on the %s pages', (locale) => {
	it.each(suggestionCases)('the suggestion form: %s', async (_name, overrides) => {
		const text = await errorSummary(`/${locale}/corrections/new?entity=claim&id=c2`, suggestion(overrides));
		// A record id the reader typed comes back as typed (ids are the same in every language).
		expect(latinWords(text.replace('1999-01-01-exchange', ' '))).toEqual([]);
	});

	it.each(exchangeCases)('the exchange form: %s', async (_name, overrides) => {
		const text = await errorSummary(`/${locale}/corrections/new-exchange?/send`, exchange(overrides));
		// The name and the id the reader typed come back as typed; everything else is in the page's language.
		expect(latinWords(text.replace('Nobody Known', ' ').replace('1999-01-01-agreement', ' '))).toEqual([]);
	});
});

describe('no English left over on the Ukrainian and Russian pages', () => {
	const fixtureRows = (file: string): Record<string, string>[] =>
		parse(readFileSync(join(fixtureDir('valid-data'), file), 'utf8'), { columns: true });
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	/** The outlets' own names, as they publish (data, the same in every language). */
	const outlets = fixtureRows('sources.csv').map((row) => row.outlet ?? '');

	/**
	 * Latin-script text that is the same in every language, each with why it stays: anything else in Latin script on
	 * a Ukrainian or Russian page is English left over, unless an element marks it with its own `lang`.
	 */
	const LATIN_ALLOWED: [RegExp, string][] = [
		[/Prisoner Exchange Monitor/g, 'the site’s name, a brand, as cited in every language'],
		[/Creative Commons Attribution 4\.0 International|CC BY 4\.0/g, 'the licence’s own name'],
		[/\bhttps?:\/\/\S+|\b[\w.-]+@[\w.-]+\b|\b[\w-]+(?:\.[\w-]+)+\/\S*/g, 'web and email addresses'],
		[/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, 'record ids (c1, k-ccd, 2024-12-30-exchange) are the same in every language'],
		[/\b(?:CSV|JSON|SQLite|BibTeX|OpenAPI|GET|ETag|PNG|SVG|UTF-8|RFC|API)\b/g, 'format and protocol names'],
		[/\byear, kind, status, mediator\b/g, 'the API’s parameter names: its schema, the same in every language'],
		[/\ben, uk, ru\b/g, 'language codes'],
		[new RegExp(outlets.map(escape).join('|'), 'g'), 'outlets’ names as they publish']
	];

	/** What a reader sees: text and the attributes read aloud or shown, leaving out code and elements with their own lang. */
	function visibleText(html: string): string {
		const attributes = [...html.matchAll(/\b(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((found) => found[1]);
		return [
			html
				.replace(/<(script|style|code|pre|datalist)\b[\s\S]*?<\/\1>/g, ' ')
				.replace(/<((?!html\b)\w+)\b[^>]*\blang="[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' ')
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/<[^>]+>/g, ' '),
			...attributes
		]
			.join('\n')
			.replace(/&#39;|&apos;/g, "'")
			.replace(/&[a-z]+;|&#\d+;/g, ' ');
	}

	/** Runs of three or more Latin-script words, with a little of the text around each. */
	const latinRuns = (text: string) =>
		[...text.matchAll(/[A-Za-z][A-Za-z'’]*(?:[\s,;:()«»"“”&+–—-]+[A-Za-z][A-Za-z'’]*){2,}/g)].map((found) =>
			text.slice(Math.max(0, found.index - 30), found.index + found[0].length + 30).replace(/\s+/g, ' ')
		);

	it.each(['uk', 'ru'].flatMap((locale) => FAMILIES.map((path) => inLocale(locale as Locale, path))))(
		'%s has no run of three Latin-script words outside an element marked with its language',
		async (address) => {
			let text = visibleText(await (await app.fetch(address)).text());
			for (const [allowed] of LATIN_ALLOWED) text = text.replace(allowed, ' ');
			expect(latinRuns(text).join('\n')).toBe('');
		}
	);
});

/** How many suggestions the server's state database holds. */
function storedCorrections(): number {
	const state = new Database(app.statePath, { readonly: true });
	try {
		return (state.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n;
	} finally {
		state.close();
	}
}

/*
 * A hand-made post with a coded value no list offers: a 400 that stores nothing, whose message names the choices as
 * the form's list and the public pages do, in the page's language (never the stored codes).
 */
describe('a value no list offers, in every language', () => {
	const cases: {
		locale: Locale;
		form: 'suggestion' | 'exchange';
		field: string;
		value: string;
		names: string[];
	}[] = [
		{ locale: 'en', form: 'suggestion', field: 'field:qualifier', value: 'roughly', names: ['“exactly”', '“about”'] },
		{ locale: 'uk', form: 'suggestion', field: 'field:qualifier', value: 'roughly', names: ['«точно»', '«близько»'] },
		{ locale: 'ru', form: 'suggestion', field: 'field:qualifier', value: 'roughly', names: ['«точно»', '«около»'] },
		{
			locale: 'en',
			form: 'exchange',
			field: 's1.source.reliability',
			value: 'tabloid',
			names: ['“copy (mirror, aggregator or re-post)”']
		},
		{
			locale: 'uk',
			form: 'exchange',
			field: 's1.source.reliability',
			value: 'tabloid',
			names: ['«копія (дзеркало, агрегатор або репост)»']
		},
		{
			locale: 'ru',
			form: 'exchange',
			field: 's1.source.reliability',
			value: 'tabloid',
			names: ['«копия (зеркало, агрегатор или репост)»']
		}
	];
	it.each(cases)('$locale, the $form form: $field=$value', async ({ locale, form, field, value, names }) => {
		const before = storedCorrections();
		const text =
			form === 'suggestion'
				? await errorSummary(`${prefix(locale)}/corrections/new?entity=claim&id=c2`, suggestion({ [field]: value }))
				: await errorSummary(`${prefix(locale)}/corrections/new-exchange?/send`, exchange({ [field]: value }));
		for (const name of names) expect(text).toContain(name);
		// No stored code is named: neither the one posted nor the ones allowed.
		expect(text).not.toMatch(/\b(?:roughly|tabloid|at_least|more_than|claimant_channel|major_outlet|other_outlet)\b/);
		expect(storedCorrections()).toBe(before);
	});
});

/** A complete new exchange the forms accept, crediting `mediators` (typed in any language). */
const validExchange = (mediators: string) =>
	exchange({
		'round.date': '2026-05-27',
		'round.mediators': mediators,
		's1.stated_on': '2026-05-27',
		's1.counted_detail': 'defenders returned home',
		's1.counted_detail_uk': 'захисники, що повернулися додому',
		's1.counted_detail_ru': 'защитники, вернувшиеся домой',
		's1.source.url': 'https://example.org/kyiv-27-may',
		's1.source.published_on': '2026-05-27',
		evidence: 'https://example.org/kyiv-27-may'
	});

/*
 * A round's mediators: a mediator on record may be typed in any language and is published with its names in the
 * three; one not on record is refused at submission, in the page's language, saying how to credit it.
 */
describe('mediators in suggestions', () => {
	it.each([
		['en', ['“Turkey” and “UAE”']],
		['uk', ['«ОАЕ» і «Туреччина»']],
		['ru', ['«ОАЭ» и «Турция»']]
	] as const)(
		'%s: a mediator not on record is refused with the ones on record, nothing stored',
		async (locale, known) => {
			const before = storedCorrections();
			const exchangeText = await errorSummary(
				`${prefix(locale)}/corrections/new-exchange?/send`,
				validExchange('Qatar')
			);
			// The single-record form: a change to a round's mediators.
			const { 'field:number': _figure, ...envelope } = suggestion({});
			const roundText = await errorSummary(`${prefix(locale)}/corrections/new?entity=round&id=2024-12-30-exchange`, {
				...envelope,
				entity: 'round',
				record_id: '2024-12-30-exchange',
				'field:mediators': 'UAE; Qatar'
			});
			for (const text of [exchangeText, roundText]) {
				expect(text).toContain(locale === 'en' ? '“Qatar”' : '«Qatar»');
				for (const names of known) expect(text).toContain(names);
				if (locale !== 'en') expect(latinWords(text.replace('Qatar', ' '))).toEqual([]);
			}
			expect(storedCorrections()).toBe(before);
		}
	);

	it('a mediator typed in Ukrainian is approved through /review and published with its name in each language', async () => {
		const sent = await send('/uk/corrections/new-exchange?/send', validExchange('ОАЕ'));
		expect(sent.status).toBe(303);
		const id = /\/corrections\/(\d+)/.exec(sent.headers.get('location') ?? '')?.[1];
		expect(id).toBeDefined();

		const login = await send('/login', { ...MAINTAINER, next: '/review' });
		expect(login.status).toBe(303);
		const cookie = login.headers
			.getSetCookie()
			.map((set) => set.split(';')[0])
			.join('; ');
		const approved = await send(
			'/uk/review?/approve',
			{ correction_id: id!, reason: 'Перевірено за сторінкою.' },
			cookie
		);
		expect(approved.status).toBe(200);
		expect((await approved.text()).replace(/\u00a0/g, ' ')).toContain(`Пропозицію № ${id} схвалено`);
		// A second decision on it is refused in the reviewer's language, whichever page it comes from.
		for (const [path, refusal] of [
			['/ru/review?/approve', 'Это исправление уже не ждёт рассмотрения.'],
			['/uk/review?/reject', 'Це виправлення вже не чекає на розгляд.']
		] as const) {
			const again = await send(path, { correction_id: id!, reason: 'Повторное решение.' }, cookie);
			expect(again.status).toBe(409);
			expect(await again.text()).toContain(refusal);
		}

		const names = { en: 'UAE', uk: 'ОАЕ', ru: 'ОАЭ' } as const;
		for (const locale of LOCALES) {
			const page = await app.fetch(`${prefix(locale)}/rounds/2026-05-27-exchange`);
			expect(page.status).toBe(200);
			expect((await page.text()).replace(/<[^>]+>/g, ' ')).toContain(names[locale]);
		}
		const json = (await (await app.fetch('/rounds/2026-05-27-exchange.json')).json()) as {
			round: { mediators: string; mediators_uk: string; mediators_ru: string };
		};
		expect(json.round).toMatchObject({ mediators: 'UAE', mediators_uk: 'ОАЕ', mediators_ru: 'ОАЭ' });
	});
});

/*
 * The read API's documentation in each language: the page and the OpenAPI document it links to have an address per
 * language and are described in it; the API's answers keep one address.
 */
describe('the API documentation in every language', () => {
	it.each([
		['en', 'Prisoner Exchange Monitor read API', 'Rows per answer, at most 500.'],
		['uk', 'API для читання Монітора обмінів полоненими', 'Рядків у відповіді, щонайбільше 500.'],
		['ru', 'API для чтения Монитора обменов пленными', 'Строк в ответе, не более 500.']
	] as const)('%s: the page links to the OpenAPI document in its language', async (locale, title, limit) => {
		const page = await app.fetch(inLocale(locale, '/api/v1'));
		expect(page.status).toBe(200);
		const html = await page.text();
		const address = `${prefix(locale)}/api/v1/openapi.json`;
		expect(html).toContain(`href="${address}"`);
		expect(html).toContain(limit);
		// Field names stay the schema's, described in the page's language.
		expect(html).toContain('<code>summary_uk</code>');

		const response = await app.fetch(address);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const document = (await response.json()) as {
			info: { title: string };
			servers: { url: string }[];
			paths: Record<string, { get: { parameters: { name: string; description: string }[] } }>;
		};
		expect(document.info.title).toBe(title);
		// The API it describes is the one API, whatever the language of the description.
		expect(document.servers[0]?.url).toBe(`${app.origin}/api/v1`);
		expect(document.paths['/rounds']?.get.parameters.find((parameter) => parameter.name === 'limit')?.description).toBe(
			limit
		);
	});
});
