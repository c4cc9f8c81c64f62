// Search on a dataset built from fixtures by the real build: by claimant, outlet, number and date, ranked and paged, safe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchMarks, toMatchExpression } from '../../src/lib/domain/search-text';
import { SEARCH_MAX_LENGTH } from '../../src/lib/schemas/search';
import { openDataset, type DatasetDatabase } from '../../src/lib/server/db/dataset';
import { SEARCH_PREVIEW_SIZE, searchDataset, type SearchOptions } from '../../src/lib/server/db/queries/search';
import type { TextSegment } from '../../src/lib/domain/search-text';
import { getLocale, overwriteGetLocale, type Locale } from '../../src/lib/paraglide/runtime.js';
import { buildInto, fixtureDir, realDataDir } from '../helpers/dataset';

type Load = (event: { url: URL }) => unknown;

let db: DatasetDatabase;
let load: Load;

beforeAll(async () => {
	const path = buildInto(fixtureDir('valid-data'));
	db = openDataset(path);
	process.env.DATASET_DB_PATH = path;
	load = (await import('../../src/routes/search/+page.server')).load as unknown as Load;
});

/** What a reader typing `text` is shown, with what they typed marked. */
function search(text: string, options: SearchOptions = { page: 1 }) {
	const match = toMatchExpression(text);
	if (match === null) throw new Error(`nothing to search in "${text}"`);
	return searchDataset(db, match, { marks: searchMarks(text), ...options });
}

const ids = (group: { hits: { id: string }[] } | null) => group?.hits.map((hit) => hit.id) ?? [];

describe('searching the dataset', () => {
	it('indexes every round, claim and source once', () => {
		const counts = db.prepare('SELECT kind, count(*) AS n FROM search_index GROUP BY kind ORDER BY kind').all();
		expect(counts).toEqual([
			{ kind: 'claim', n: 12 },
			{ kind: 'round', n: 5 },
			{ kind: 'source', n: 3 }
		]);
	});

	it('finds a claim by its claimant, with the name marked', () => {
		const results = search('Medinsky');
		expect(results.counts).toEqual({ round: 0, claim: 1, source: 0 });
		const [hit] = results.claim?.hits ?? [];
		expect(hit).toMatchObject({ id: 'c11', number: 1000, qualifier: 'more_than', statedOn: '2025-08-06' });
		expect(hit?.claimant).toEqual([
			{ text: 'Vladimir ', match: false },
			{ text: 'Medinsky', match: true }
		]);
	});

	it('matches the last word as a prefix', () => {
		expect(ids(search('Vladimir Medin').claim)).toEqual(['c11']);
	});

	it('finds a source by its outlet and by its web address', () => {
		expect(ids(search('Example Moscow Wire').source)).toEqual(['s-moscow']);
		expect(search('example.org').counts.source).toBe(3);
	});

	it.each(['1,212', '1212', '1 212', '1.212'])('finds a number however it is written: %s', (text) => {
		const results = search(text);
		expect(ids(results.claim)).toEqual(['c9']);
	});

	it.each(['23 May 2025', '2025-05-23', 'May 23, 2025', '23.05.2025'])('finds a day: %s', (text) => {
		const results = search(text);
		expect(ids(results.round)).toEqual(['2025-05-23-exchange']);
		expect(ids(results.claim).sort()).toEqual(['c5', 'c6']);
	});

	it('finds a month and a year', () => {
		expect(ids(search('May 2025').round).sort()).toEqual([
			'2025-05-16-agreement',
			'2025-05-23-exchange',
			'2025-05-24-exchange'
		]);
		expect(search('2024').counts).toEqual({ round: 1, claim: 3, source: 3 });
	});

	it("finds a round by Kyiv's exchange number, its kind and its mediator", () => {
		expect(ids(search('59th exchange').round)).toEqual(['2024-12-30-exchange']);
		expect(ids(search('bodies repatriation').round)).toEqual(['2025-06-11-bodies']);
		expect(search('Turkey').counts.round).toBe(3);
	});

	it.each([
		{ typed: 'Туреччина', rounds: ['2025-05-24-exchange', '2025-05-23-exchange', '2025-05-16-agreement'] },
		{ typed: 'Туреччини', rounds: ['2025-05-24-exchange', '2025-05-23-exchange', '2025-05-16-agreement'] },
		{ typed: 'Турция', rounds: ['2025-05-24-exchange', '2025-05-23-exchange', '2025-05-16-agreement'] },
		{ typed: 'Турции', rounds: ['2025-05-24-exchange', '2025-05-23-exchange', '2025-05-16-agreement'] },
		{ typed: 'ОАЭ', rounds: ['2024-12-30-exchange'] },
		{ typed: 'ОАЕ', rounds: ['2024-12-30-exchange'] }
	])("finds a round by its mediator's name in Ukrainian or Russian: $typed", ({ typed, rounds }) => {
		expect(ids(search(typed).round).sort()).toEqual([...rounds].sort());
	});

	it("shows a round hit's mediators in the reader's language, marked when they match what was typed", () => {
		const defaultGetLocale = getLocale;
		try {
			expect(search('Турция').round?.hits[0]?.mediators).toEqual([{ text: 'Turkey', match: false }]);
			expect(search('Turkey').round?.hits[0]?.mediators).toEqual([{ text: 'Turkey', match: true }]);
			overwriteGetLocale(() => 'uk');
			expect(search('Туреччини').round?.hits[0]?.mediators).toEqual([{ text: 'Туреччина', match: true }]);
			overwriteGetLocale(() => 'ru');
			expect(search('Турции').round?.hits[0]?.mediators).toEqual([{ text: 'Турция', match: true }]);
		} finally {
			overwriteGetLocale(defaultGetLocale);
		}
	});

	it(`shows ${SEARCH_PREVIEW_SIZE} of each kind at once, and pages through one kind`, () => {
		const all = search('2025');
		expect(all.counts.claim).toBe(9);
		expect(all.claim?.hits).toHaveLength(SEARCH_PREVIEW_SIZE);
		const claims = search('2025', { kind: 'claim', page: 1 });
		expect([claims.round, claims.source, claims.claim?.hits.length, claims.claim?.pageCount]).toEqual([
			null,
			null,
			9,
			1
		]);
		expect(search('2025', { kind: 'claim', page: 99 }).claim?.page).toBe(1);
	});

	it.each([
		'"',
		'" OR 1=1 --',
		'Medinsky"*',
		'NEAR(Kyiv Moscow)',
		'claimant: Medinsky',
		'-Kyiv',
		'AND OR NOT',
		'(((',
		'a'.repeat(SEARCH_MAX_LENGTH),
		'x '.repeat(SEARCH_MAX_LENGTH / 2),
		'Robert"); DROP TABLE claims; --'
	])('answers injection-like input without throwing: %s', (text) => {
		const match = toMatchExpression(text);
		if (match !== null) expect(() => searchDataset(db, match, { page: 1 })).not.toThrow();
	});
});

describe('searching in Ukrainian, Russian and English, however a name or a date is typed', () => {
	it.each([
		'Мединский',
		'Мединський',
		'Medinsky',
		'Medinskiy',
		'MEDINSKII',
		'мединский',
		'Мединского',
		'Мединскому',
		'Мединським',
		'Мединського',
		'Владимир Мединский',
		'Володимир Мединський',
		'Медин',
		'Medinский',
		'Vladimir Мединского'
	])('finds Medinsky’s statement by "%s"', (text) => {
		const results = search(text);
		expect(results.counts).toEqual({ round: 0, claim: 1, source: 0 });
		expect(ids(results.claim)).toEqual(['c11']);
	});

	it.each(['Зеленский', 'Зеленський', 'Zelensky', 'Zelenskyy', 'Zelenskiy', 'Зеленского', 'Зеленського', 'Зеленським'])(
		'finds Zelensky’s statements by "%s"',
		(text) => {
			expect(ids(search(text).claim).sort()).toEqual(['c1', 'c5', 'c7']);
		}
	);

	it.each(['23 мая 2025', '23 травня 2025', '23 травня 2025 р.', '23-го мая 2025 года', 'on 23 May 2025'])(
		'finds a day by "%s"',
		(text) => {
			const results = search(text);
			expect(ids(results.round)).toEqual(['2025-05-23-exchange']);
			expect(ids(results.claim).sort()).toEqual(['c5', 'c6']);
		}
	);

	it.each(['травень 2025', 'травня 2025', 'у травні 2025 року', 'май 2025', 'в мае 2025 г.', 'May 2025'])(
		'finds a month by "%s"',
		(text) => {
			expect(ids(search(text).round).sort()).toEqual([
				'2025-05-16-agreement',
				'2025-05-23-exchange',
				'2025-05-24-exchange'
			]);
		}
	);

	it('marks the date of what a day typed in any language found, and of nothing else', () => {
		const results = search('23 травня 2025');
		const found = [...(results.round?.hits ?? []), ...(results.claim?.hits ?? [])];
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((hit) => hit.dateMatched)).toBe(true);
		expect(search('Medinsky').claim?.hits.map((hit) => hit.dateMatched)).toEqual([false]);
	});

	it('finds a name and a date together, in either script', () => {
		expect(ids(search('Зеленський 23 травня 2025').claim)).toEqual(['c5']);
		expect(ids(search('Zelensky 24 мая 2025').claim)).toEqual(['c7']);
	});

	it('finds a claimant named in another case, by the names the data gives them', () => {
		expect(ids(search('Умерова').claim)).toEqual(['c4']);
		expect(ids(search('Координаційного штабу').claim).sort()).toEqual(['c10', 'c9']);
		expect(ids(search('Министерства обороны').claim).sort()).toEqual(['c2', 'c6']);
	});

	it('ranks who said it before a mention, whatever the script', () => {
		// The claimant's name matches in who said it, so the statement comes first as it does for "Medinsky".
		const byName = (text: string) =>
			searchDataset(db, toMatchExpression(text)!, { page: 1, kind: 'claim' }).claim?.hits[0]?.id;
		expect(byName('Мединского')).toBe('c11');
		expect(byName('Зеленського 2025')).toBe(byName('Zelensky 2025'));
	});

	it.each(['Medinsky', 'Мединский', 'Мединского', 'Medinskiy', 'Мединському', 'Медин'])(
		'marks the claimant’s name on an English page whatever script or case "%s" is typed in',
		(text) => {
			const [hit] = search(text).claim?.hits ?? [];
			expect(hit?.claimant).toEqual([
				{ text: 'Vladimir ', match: false },
				{ text: 'Medinsky', match: true }
			]);
		}
	);

	it.each<{ locale: Locale; text: string; claimant: TextSegment[]; marked: string[] }>([
		{
			locale: 'uk',
			text: 'Medinskiy',
			claimant: [
				{ text: 'Володимир ', match: false },
				{ text: 'Мединський', match: true }
			],
			marked: []
		},
		{
			locale: 'ru',
			text: 'Мединского военнопленных',
			claimant: [
				{ text: 'Владимир ', match: false },
				{ text: 'Мединский', match: true }
			],
			marked: ['военнопленные']
		},
		{
			locale: 'uk',
			text: 'військовополонених',
			claimant: [{ text: 'Володимир Мединський', match: false }],
			marked: ['військовополонені']
		}
	])(
		'marks what matched in the claimant and the snippet on a $locale page: "$text"',
		({ locale, text, claimant, marked }) => {
			const defaultGetLocale = getLocale;
			overwriteGetLocale(() => locale);
			try {
				const hit = search(text, { page: 1, kind: 'claim' }).claim?.hits.find((found) => found.id === 'c11');
				expect(hit?.claimant).toEqual(claimant);
				expect(hit?.snippet.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(marked);
			} finally {
				overwriteGetLocale(defaultGetLocale);
			}
		}
	);

	it('marks nothing it did not match', () => {
		const [hit] = search('Мединский 2025').claim?.hits ?? [];
		expect(hit?.snippet.some((segment) => segment.match)).toBe(false);
		expect(search('Медведев').claim?.hits).toEqual([]);
	});

	it.each(['Медведев', 'Мединский Медведев', 'Zelenin', 'абвгд', 'Ωμέγα', 'Мединский 1999'])(
		'finds nothing for a name or date not in the data: "%s"',
		(text) => {
			expect(search(text).counts).toEqual({ round: 0, claim: 0, source: 0 });
		}
	);

	it.each([
		'"',
		'*',
		'NEAR(',
		'NEAR(Мединский',
		'"Мединский',
		'Мединский"',
		'Мар\'"яна',
		'{name_forms text_forms} : x',
		'name_forms : "medinsk"',
		'Мединский*',
		'Мединский OR Зеленский',
		'Зеленский AND NOT',
		'ё'.repeat(SEARCH_MAX_LENGTH),
		'Мединского '.repeat(18),
		'23 травня 2025 '.repeat(13),
		'‐–—«»„“…'
	])('answers Cyrillic and FTS5-like input without throwing: %s', (text) => {
		const match = toMatchExpression(text);
		if (match !== null) expect(() => searchDataset(db, match, { page: 1 })).not.toThrow();
	});
});

describe('the /search page', () => {
	const get = (query: string) => load({ url: new URL(`https://example.org/search${query}`) });

	it('answers a query with results, and no query with none', () => {
		expect(get('?q=Medinsky')).toMatchObject({
			params: { q: 'Medinsky', page: 1 },
			results: { counts: { claim: 1 } }
		});
		expect(get('')).toMatchObject({ results: null });
		expect(get('?q=%22*%3A')).toMatchObject({ params: { q: '"*:' }, results: null });
	});

	it.each(['"', '*', 'NEAR(', '"Мединский', 'Мединский"*', '(((', '—', 'травень', '31 лютого 2025', "Мар'яна"])(
		'answers %j with a page, never an error',
		(q) => {
			expect(() => get(`?q=${encodeURIComponent(q)}`)).not.toThrow();
		}
	);

	it('answers a Cyrillic query with results', () => {
		expect(get(`?q=${encodeURIComponent('Мединского')}`)).toMatchObject({ results: { counts: { claim: 1 } } });
	});

	it.each([
		{ query: '?q=Kyiv&kind=person', parameter: 'kind' },
		{ query: `?q=${'x'.repeat(SEARCH_MAX_LENGTH + 1)}`, parameter: 'q' },
		{ query: '?q=Kyiv&page=0', parameter: 'page' }
	])('answers 400 naming $parameter', ({ query, parameter }) => {
		let thrown: unknown = null;
		try {
			get(query);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toMatchObject({
			status: 400,
			body: { message: expect.stringContaining(`${parameter}:`) }
		});
	});
});

describe('ranking statements in the real dataset', () => {
	type SearchLoad = (event: { url: URL }) => Promise<unknown> | unknown;
	let realDb: DatasetDatabase;
	let realLoad: SearchLoad;

	beforeAll(async () => {
		const path = buildInto(realDataDir);
		realDb = openDataset(path);
		process.env.DATASET_DB_PATH = path;
		realLoad = (await import('../../src/routes/search/+page.server')).load as unknown as SearchLoad;
	});

	const claimsOf = async (query: string) => {
		const data = (await realLoad({ url: new URL(`http://x/search?${query}`) })) as {
			results: { claim: { hits: { id: string; statedOn: string; statement: string; verdict: { text: string } }[] } };
		};
		return data.results.claim.hits;
	};

	it('lists Medinsky’s August 2025 allegation of 1,000 refused prisoners on the first page of "Medinsky"', async () => {
		const [allegation] = realDb
			.prepare(
				`SELECT id FROM claims WHERE claimant_id = 'k-medinsky' AND statement = 'allegation'
				   AND stated_on LIKE '2025-08-%' AND number = 1000`
			)
			.all() as { id: string }[];
		expect(allegation).toBeDefined();
		const firstPage = await claimsOf('q=Medinsky');
		expect(firstPage.map((hit) => hit.id)).toContain(allegation!.id);
		// Allegations, offers and running totals come before routine reports, each with its verdict.
		const kinds = firstPage.map((hit) => hit.statement);
		expect(kinds.indexOf('report') === -1 || kinds.indexOf('report') > kinds.indexOf('allegation')).toBe(true);
		for (const hit of firstPage) expect(hit.verdict.text).not.toBe('');
	});

	it.each(['Мединский', 'Мединський', 'Medinskiy', 'Мединского'])(
		'lists the same allegation on the first page of "%s", allegations before routine reports',
		async (text) => {
			const [allegation] = realDb
				.prepare(
					`SELECT id FROM claims WHERE claimant_id = 'k-medinsky' AND statement = 'allegation'
					   AND stated_on LIKE '2025-08-%' AND number = 1000`
				)
				.all() as { id: string }[];
			const firstPage = await claimsOf(`q=${encodeURIComponent(text)}`);
			expect(firstPage.map((hit) => hit.id)).toContain(allegation!.id);
			const kinds = firstPage.map((hit) => hit.statement);
			expect(kinds.indexOf('report') === -1 || kinds.indexOf('report') > kinds.indexOf('allegation')).toBe(true);
		}
	);

	it.each(['Зеленский', 'Зеленський', 'Зеленського'])('finds every statement of Zelensky’s by "%s"', (text) => {
		const his = realDb.prepare("SELECT id FROM claims WHERE claimant_id = 'k-zelensky'").all() as { id: string }[];
		const found = searchDataset(realDb, toMatchExpression(text)!, { page: 1, kind: 'claim', claimant: 'k-zelensky' });
		expect(his.length).toBeGreaterThan(0);
		expect(found.claim?.total).toBe(his.length);
	});

	/** Claims whose claimant's names or texts, in any language, hold one of these spellings of a name's stem. */
	const mentioning = (spellings: readonly string[]) => {
		const fields = [
			'c.claimant',
			'k.name_en',
			'k.name_uk',
			'k.name_ru',
			'c.counted_detail',
			'c.counted_detail_uk',
			'c.counted_detail_ru',
			"coalesce(c.note, '')"
		];
		const where = spellings.flatMap(() => fields.map((field) => `${field} LIKE ?`)).join(' OR ');
		const rows = realDb
			.prepare(`SELECT c.id FROM claims c JOIN claimants k ON k.id = c.claimant_id WHERE ${where}`)
			.all(...spellings.flatMap((spelling) => fields.map(() => `%${spelling}%`))) as { id: string }[];
		return rows.map((row) => row.id).sort();
	};
	const foundClaims = (text: string) => {
		const { claim } = searchDataset(realDb, toMatchExpression(text)!, { page: 1, kind: 'claim' });
		const all = searchDataset(realDb, toMatchExpression(text)!, {
			page: 1,
			kind: 'claim',
			sort: 'date_asc'
		}).claim!;
		expect(claim?.total).toBe(all.total);
		const ids: string[] = [];
		for (let page = 1; page <= all.pageCount; page++)
			ids.push(
				...searchDataset(realDb, toMatchExpression(text)!, { page, kind: 'claim', sort: 'date_asc' }).claim!.hits.map(
					(hit) => hit.id
				)
			);
		return ids.sort();
	};

	it.each([
		{
			claimant: 'k-yermak',
			stems: ['Yermak', 'Єрмак', 'Ермак'],
			forms: ['Єрмак', 'Єрмака', 'Єрмакові', 'Єрмаком', 'Ермаку', 'Yermak']
		},
		{
			claimant: 'k-lubinets',
			stems: ['Lubinets', 'Лубінець', 'Лубінц', 'Лубинец', 'Лубинц'],
			forms: ['Лубінець', 'Лубінця', 'Лубінцю', 'Лубінцеві', 'Лубинца', 'Lubinets']
		},
		{
			claimant: 'k-budanov',
			stems: ['Budanov', 'Буданов'],
			forms: ['Буданов', 'Буданова', 'Буданову', 'Буданові', 'Будановим', 'Будановым', 'Budanov']
		},
		{
			claimant: 'k-moskalkova',
			stems: ['Moskalkov', 'Москальков'],
			forms: ['Москалькова', 'Москальковій', 'Москальковой', 'Москальковою', 'Moskalkova']
		},
		{
			claimant: 'k-medinsky',
			stems: ['Medinsk', 'Мединськ', 'Мединск'],
			forms: ['Мединский', 'Мединского', 'Мединскому', 'Мединського', 'Мединському', 'Medinskiy']
		},
		{
			claimant: 'k-zelensky',
			stems: ['Zelensk', 'Зеленськ', 'Зеленск'],
			forms: ['Зеленський', 'Зеленського', 'Зеленському', 'Зеленским', 'Zelenskyy']
		}
	])(
		'finds every statement of $claimant, and only those that name them, by each case form: $forms',
		({ claimant, stems, forms }) => {
			const theirs = realDb.prepare('SELECT id FROM claims WHERE claimant_id = ?').all(claimant) as { id: string }[];
			const naming = mentioning(stems);
			expect(theirs.length).toBeGreaterThan(0);
			expect(naming).toEqual(expect.arrayContaining(theirs.map((claim) => claim.id)));
			for (const form of forms) expect([form, foundClaims(form)]).toEqual([form, naming]);
		}
	);

	it('finds a statement that names someone in another case, by the name in any case', () => {
		// The words are in the records' Ukrainian and Russian texts; a year after them keeps them from being prefixes.
		const byForm = (text: string) => foundClaims(`${text} 2025`);
		expect(byForm('військовополонених')).toEqual(byForm('військовополонені'));
		expect(byForm('полонених')).toEqual(byForm('полоненим'));
		expect(byForm('обміну')).toEqual(byForm('обмін'));
		expect(byForm('обміну')).toEqual(byForm('обмена'));
		expect(byForm('обміну').length).toBeGreaterThan(0);
		expect(byForm('військовополонених').length).toBeGreaterThan(0);
	});

	it('keeps a common query from finding every statement: a name finds only the statements that name it', () => {
		const total = (realDb.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
		for (const text of ['Єрмакові', 'Буданову', 'Лубінцю', 'Москальковій', 'Пескова', 'Київ', 'Харкова'])
			expect([text, foundClaims(text).length < total / 4]).toEqual([text, true]);
		expect(foundClaims('Пескова')).toEqual(mentioning(['Peskov', 'Песков']));
	});

	it.each(['Стамбул', 'Стамбулі', 'в Стамбуле'])(
		'finds the rounds whose summary names Istanbul by their Ukrainian or Russian summary: "%s"',
		(text) => {
			const named = realDb
				.prepare("SELECT id FROM rounds WHERE summary_uk LIKE '%Стамбул%' OR summary_ru LIKE '%Стамбул%'")
				.all() as { id: string }[];
			const found = searchDataset(realDb, toMatchExpression(text)!, { page: 1, kind: 'round' });
			expect(named.length).toBeGreaterThan(0);
			expect(ids(found.round)).toEqual(expect.arrayContaining(named.map((round) => round.id)));
		}
	);

	it('ranks by match alone when the query names a number', () => {
		const ranked = (text: string) =>
			searchDataset(realDb, toMatchExpression(text)!, { page: 1, kind: 'claim', namesNumber: true }).claim!.hits;
		expect(ranked('Medinsky 1000').length).toBeGreaterThan(0);
	});

	it.each(['date_desc', 'date_asc'] as const)('orders by date with sort=%s', async (sort) => {
		const hits = await claimsOf(`q=Medinsky&kind=claim&sort=${sort}`);
		const dates = hits.map((hit) => hit.statedOn);
		const sorted = [...dates].sort();
		expect(dates).toEqual(sort === 'date_asc' ? sorted : sorted.reverse());
		expect(hits.length).toBe(20);
	});

	it('finds a claimant by the Russian spelling of the name, and limits results to one claimant', async () => {
		const byRussianName = await claimsOf('q=Мединский&kind=claim');
		expect(byRussianName.length).toBeGreaterThan(0);
		const onlyHis = (await realLoad({
			url: new URL('http://x/search?q=exchange&claimant=k-medinsky')
		})) as { results: { counts: Record<string, number>; round: unknown; claim: { total: number } } };
		const his = realDb.prepare("SELECT count(*) AS n FROM claims WHERE claimant_id = 'k-medinsky'").get() as {
			n: number;
		};
		expect(onlyHis.results.round).toBeNull();
		expect(onlyHis.results.claim.total).toBeLessThanOrEqual(his.n);
		expect(onlyHis.results.counts.round).toBe(0);
	});

	it('answers 400 for an unknown claimant', async () => {
		await expect(
			Promise.resolve().then(() => realLoad({ url: new URL('http://x/search?q=x&claimant=k-nobody') }))
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('what a statement counts, in three languages', () => {
	const defaultGetLocale = getLocale;
	afterAll(() => overwriteGetLocale(defaultGetLocale));

	it.each(['військовополонені', 'военнопленных', 'POWs'])('finds the allegation c11 by "%s"', (text) => {
		expect(ids(search(text, { page: 1, kind: 'claim' }).claim)).toContain('c11');
	});

	it.each<{ locale: Locale; text: string }>([
		{ locale: 'en', text: 'POWs Kyiv allegedly refuses to take back' },
		{ locale: 'uk', text: 'військовополонені, яких Київ нібито відмовляється забирати' },
		{ locale: 'ru', text: 'военнопленные, которых Киев якобы отказывается забирать' }
	])("shows a found statement's count in the reader's language ($locale)", ({ locale, text }) => {
		overwriteGetLocale(() => locale);
		const hit = search('Medinsky', { page: 1, kind: 'claim' }).claim?.hits.find((found) => found.id === 'c11');
		expect(hit?.snippet.map((segment) => segment.text).join('')).toBe(text);
	});
});
