// The .csv and .json downloads, called as the server calls them, on a dataset built from fixtures.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	ClaimantExport,
	ClaimExport,
	RoundDetailResponse,
	RoundExport,
	SourceExport,
	apiListEnvelope,
	claimExportColumns,
	exportEnvelope,
	roundExportColumns,
	sourceExportColumns,
	totalsExportColumns
} from '../../src/lib/schemas/exports';
import { RoundFilters } from '../../src/lib/schemas/round-filters';
import { StatementFilters } from '../../src/lib/schemas/statement-filters';
import {
	claimRows,
	selectionTotals,
	sourceRowsAfter,
	toRoundExport,
	totalsRows
} from '../../src/lib/server/db/queries/exports';
import { datasetInfo, roundsFrom } from '../../src/lib/server/db/queries/rounds';
import { writeSyntheticDataset } from '../../src/lib/server/db/synthetic';
import {
	DOWNLOADS_AT_ONCE,
	listEnvelope,
	neutraliseFormula,
	toCsv
} from '../../src/lib/server/downloads/list-downloads';
import { PAGE_CACHE_CONTROL, PageCache } from '../../src/lib/server/http/page-cache';
import { representationEtag, storeOrStream } from '../../src/lib/server/http/responses';
import { buildInto, fixtureDir, realDataDir, temporaryDir } from '../helpers/dataset';

type Handler = (event: { params: Record<string, string>; url: URL }) => Response | Promise<Response>;

let datasetPath = '';
const handlers: Record<string, Handler> = {};

beforeAll(async () => {
	datasetPath = buildInto(fixtureDir('valid-data'));
	process.env.DATASET_DB_PATH = datasetPath;
	handlers.rounds = (await import('../../src/routes/rounds.[format=download]/+server')).GET as unknown as Handler;
	handlers.claims = (await import('../../src/routes/claims.[format=download]/+server')).GET as unknown as Handler;
	handlers.sources = (await import('../../src/routes/sources.[format=download]/+server')).GET as unknown as Handler;
	handlers.totals = (await import('../../src/routes/totals.[format=download]/+server')).GET as unknown as Handler;
	handlers.apiRound = (await import('../../src/routes/api/v1/rounds/[id]/+server')).GET as unknown as Handler;
	handlers.apiClaims = (await import('../../src/routes/api/v1/claims/+server')).GET as unknown as Handler;
	handlers.apiClaimants = (await import('../../src/routes/api/v1/claimants/+server')).GET as unknown as Handler;
	handlers.sqlite = (await import('../../src/routes/download/dataset.sqlite/+server')).GET as unknown as Handler;
});

async function get(list: string, format: string, query = '') {
	const handler = handlers[list] as Handler;
	return handler({ params: { format }, url: new URL(`https://example.org/${list}.${format}${query}`) });
}

describe('CSV downloads', () => {
	it('writes the claims CSV byte for byte: header, CRLF, quoting, filters applied', async () => {
		const response = await get('claims', 'csv', '?year=2025&statement=allegation');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="claims-[0-9a-f]{12}\.csv"$/);
		expect(await response.text()).toBe(
			'id,round_id,stated_on,claimant,claimant_id,claimant_name,claimant_name_uk,claimant_name_ru,claimant_side,statement,counted,counted_detail,counted_detail_uk,counted_detail_ru,number,qualifier,responds_to,source_ids,source_urls,only_copies,note,verdict,verdict_text,url\r\n' +
				'c11,,2025-08-06,Vladimir Medinsky,k-medinsky,Vladimir Medinsky,Володимир Мединський,Владимир Мединский,russia,allegation,held_by_russia,POWs Kyiv allegedly refuses to take back,"військовополонені, яких Київ нібито відмовляється забирати","военнопленные, которых Киев якобы отказывается забирать",1000,more_than,,s-moscow,https://example.org/moscow-statement,false,,answered_allegation,Answered by Centre for Countering Disinformation (Ukraine); no statement by another side on record supports it.,https://example.org/claims/c11\r\n'
		);
	});

	it('lists every matching round across pages, in the documented column order', async () => {
		const text = await (await get('rounds', 'csv', '?year=2025&page=2')).text();
		const lines = text.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'id,date,end_date,kind,kyiv_exchange_number,mediators,mediators_uk,mediators_ru,parent_id,population,kyiv_to_ukraine,kyiv_to_ukraine_figure,moscow_to_ukraine,moscow_to_ukraine_figure,status_to_ukraine,confirmed_to_ukraine,confirmed_scope_to_ukraine,explanation_to_ukraine,kyiv_to_russia,kyiv_to_russia_figure,moscow_to_russia,moscow_to_russia_figure,status_to_russia,confirmed_to_russia,confirmed_scope_to_russia,explanation_to_russia,combined_both_ways,summary,summary_uk,summary_ru,url'
		);
		expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
			'2025-06-11-bodies',
			'2025-05-24-exchange',
			'2025-05-23-exchange'
		]);
		expect(lines[3]).toContain(
			',390,390,390,390,corroborated,390,all,Kyiv and Moscow both reported 390.,,,390,390,announced,,,Only Moscow gave a figure: 390.,,'
		);
	});

	it('gives the totals of the selected rounds, one row per population and direction', async () => {
		const text = await (await get('totals', 'csv', '?year=2025&kind=pow_exchange')).text();
		expect(text).toBe(
			'population,direction,kyiv_sum,kyiv_rounds,moscow_sum,moscow_rounds,confirmed,confirmed_rounds,partly_confirmed_rounds,rounds,rounds_with_figures,rounds_without_figure,rounds_combined_only\r\n' +
				'people,to_ukraine,697,2,390,1,697,2,0,2,2,0,0\r\n' +
				'people,to_russia,0,0,390,1,0,0,0,2,1,1,0\r\n' +
				'bodies,to_ukraine,0,0,0,0,0,0,0,0,0,0,0\r\n' +
				'bodies,to_russia,0,0,0,0,0,0,0,0,0,0,0\r\n'
		);
	});

	it.each([
		{ value: '=HYPERLINK("x")', expected: `'=HYPERLINK("x")` },
		{ value: '+1', expected: "'+1" },
		{ value: '-1', expected: "'-1" },
		{ value: '@SUM(A1)', expected: "'@SUM(A1)" },
		{ value: '\tcmd', expected: "'\tcmd" },
		{ value: '\rcmd', expected: "'\rcmd" },
		{ value: 'Kyiv reported 189', expected: 'Kyiv reported 189' },
		{ value: '2024-12-30', expected: '2024-12-30' }
	])('neutralises a cell starting like a formula: $value', ({ value, expected }) => {
		expect(neutraliseFormula(value)).toBe(expected);
	});

	it('quotes and guards in one cell', () => {
		expect(toCsv(['a', 'b'], [{ a: '=1+1, "two"', b: null }])).toBe('a,b\r\n"\'=1+1, ""two""",\r\n');
	});
});

describe('JSON downloads', () => {
	it.each([
		{ list: 'rounds', schema: exportEnvelope(RoundExport), count: 4 },
		{ list: 'claims', schema: exportEnvelope(ClaimExport), count: 4 },
		{ list: 'sources', schema: exportEnvelope(SourceExport), count: 3 }
	])('$list.json matches its schema', async ({ list, schema, count }) => {
		const response = await get(list, 'json');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const body = schema.parse(await response.json());
		expect(body.count).toBe(count);
		expect(body.rows).toHaveLength(count);
	});

	it('echoes the filters it applied', async () => {
		const body = exportEnvelope(RoundExport).parse(await (await get('rounds', 'json', '?status=disputed')).json());
		expect(body.filters).toEqual({ status: 'disputed', sort: 'date_desc' });
		expect(body.rows.map((row) => row.id)).toEqual(['2024-12-30-exchange']);
	});

	it('answers 400 to an invalid filter', async () => {
		await expect(get('rounds', 'json', '?year=soon')).rejects.toMatchObject({ status: 400 });
	});
});

describe('the SQLite download', () => {
	it('serves the published file unchanged, named after its version', async () => {
		const response = await (handlers.sqlite as Handler)({
			params: {},
			url: new URL('https://example.org/download/dataset.sqlite')
		});
		expect(response.headers.get('content-disposition')).toMatch(
			/filename="prisoner-exchange-monitor-[0-9a-f]{12}\.sqlite"/
		);
		const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
		expect(digest(new Uint8Array(await response.arrayBuffer()))).toBe(digest(readFileSync(datasetPath)));
	});
});

describe('the translated words in every download', () => {
	const roundId = '2025-06-11-bodies';
	const summaries = {
		summary: 'Fixture body repatriation reported by one side only.',
		summary_uk: 'Тестова репатріація тіл, про яку повідомила лише одна сторона.',
		summary_ru: 'Тестовая репатриация тел, о которой сообщила только одна сторона.'
	};
	const medinsky = {
		name_en: 'Vladimir Medinsky',
		name_uk: 'Володимир Мединський',
		name_ru: 'Владимир Мединский',
		role_uk: 'Помічник Президента Росії',
		role_ru: 'Помощник президента России',
		organisation_uk: 'Адміністрація Президента Росії',
		organisation_ru: 'Администрация президента России'
	};
	/** What the allegation c11's figure counts, in the three languages. */
	const counted = {
		counted_detail: 'POWs Kyiv allegedly refuses to take back',
		counted_detail_uk: 'військовополонені, яких Київ нібито відмовляється забирати',
		counted_detail_ru: 'военнопленные, которых Киев якобы отказывается забирать'
	};
	/** The CSV's header and its data lines. */
	const csvRecords = (text: string) => {
		const [header = '', ...lines] = text.trimEnd().split('\r\n');
		return { header: header.split(','), lines };
	};

	it('keeps the English column names and adds the translated ones beside them, in CSV and JSON', async () => {
		const rounds = csvRecords(await (await get('rounds', 'csv')).text());
		expect(rounds.header.slice(rounds.header.indexOf('summary'), rounds.header.indexOf('summary') + 3)).toEqual([
			'summary',
			'summary_uk',
			'summary_ru'
		]);
		expect(rounds.lines.find((line) => line.startsWith(roundId))).toContain(
			`${summaries.summary},"${summaries.summary_uk}","${summaries.summary_ru}"`
		);
		const claims = csvRecords(await (await get('claims', 'csv')).text());
		expect(claims.header).toEqual(expect.arrayContaining(['claimant_name', 'claimant_name_uk', 'claimant_name_ru']));
		expect(
			claims.header.slice(claims.header.indexOf('counted_detail'), claims.header.indexOf('counted_detail') + 3)
		).toEqual(['counted_detail', 'counted_detail_uk', 'counted_detail_ru']);
		expect(claims.lines.find((line) => line.startsWith('c11,'))).toContain(
			`${counted.counted_detail},"${counted.counted_detail_uk}","${counted.counted_detail_ru}"`
		);

		const roundsJson = exportEnvelope(RoundExport).parse(await (await get('rounds', 'json')).json());
		expect(roundsJson.columns).toEqual(expect.arrayContaining(['summary', 'summary_uk', 'summary_ru']));
		expect(roundsJson.rows.find((row) => row.id === roundId)).toMatchObject(summaries);
		const claimsJson = exportEnvelope(ClaimExport).parse(await (await get('claims', 'json')).json());
		expect(claimsJson.rows.find((row) => row.claimant_id === 'k-medinsky')).toMatchObject({
			claimant_name: medinsky.name_en,
			claimant_name_uk: medinsky.name_uk,
			claimant_name_ru: medinsky.name_ru,
			...counted
		});
		expect(claimsJson.columns).toEqual(
			expect.arrayContaining(['counted_detail', 'counted_detail_uk', 'counted_detail_ru'])
		);
	});

	it('gives them in the API records', async () => {
		const call = async (name: string, path: string, params: Record<string, string> = {}) =>
			(await (handlers[name] as Handler)({ params, url: new URL(`https://example.org/api/v1/${path}`) })).json();
		const round = RoundDetailResponse.parse(await call('apiRound', `rounds/${roundId}`, { id: roundId }));
		expect(round.round).toMatchObject(summaries);
		const claims = apiListEnvelope(ClaimExport).parse(await call('apiClaims', 'claims'));
		expect(claims.rows.find((row) => row.id === 'c11')).toMatchObject(counted);
		expect(claims.columns).toEqual(expect.arrayContaining(['counted_detail_uk', 'counted_detail_ru']));
		const claimants = apiListEnvelope(ClaimantExport).parse(await call('apiClaimants', 'claimants'));
		expect(claimants.rows.find((row) => row.id === 'k-medinsky')).toMatchObject(medinsky);
		expect(claimants.columns).toEqual(
			expect.arrayContaining([
				'name_en',
				'name_uk',
				'name_ru',
				'role_uk',
				'role_ru',
				'organisation_uk',
				'organisation_ru'
			])
		);
	});

	it('stores them in the SQLite file', async () => {
		const response = await (handlers.sqlite as Handler)({
			params: {},
			url: new URL('https://example.org/download/dataset.sqlite')
		});
		const path = join(temporaryDir(), 'downloaded.sqlite');
		writeFileSync(path, new Uint8Array(await response.arrayBuffer()));
		const db = new Database(path, { readonly: true });
		try {
			expect(db.prepare('SELECT summary, summary_uk, summary_ru FROM rounds WHERE id = ?').get(roundId)).toEqual(
				summaries
			);
			expect(
				db
					.prepare(
						"SELECT name_en, name_uk, name_ru, role_uk, role_ru, organisation_uk, organisation_ru FROM claimants WHERE id = 'k-medinsky'"
					)
					.get()
			).toEqual(medinsky);
			expect(
				db.prepare("SELECT counted_detail, counted_detail_uk, counted_detail_ru FROM claims WHERE id = 'c11'").get()
			).toEqual(counted);
		} finally {
			db.close();
		}
	});
});

/** A download's body as the chunks its stream yields. */
async function chunksOf(response: Response): Promise<Uint8Array[]> {
	const chunks: Uint8Array[] = [];
	const reader = (response.body as ReadableStream<Uint8Array>).getReader();
	for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
	return chunks;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');

/**
 * What each download was before it was streamed: the whole list read at once, then written as one string (the
 * CSV by `toCsv`, the JSON by `JSON.stringify(listEnvelope(…), null, 2)`), on the dataset the handlers read.
 */
function wholeDownload(list: string, format: string, query: string): string {
	const db = new Database(process.env.DATASET_DB_PATH!, { readonly: true });
	try {
		const origin = 'https://example.org';
		const params = new URLSearchParams(query);
		const version = datasetInfo(db).version;
		const roundFilters = RoundFilters.parse(Object.fromEntries(params));
		const { year, kind, status, mediator, sort } = roundFilters;
		const lists = {
			rounds: () => ({
				columns: roundExportColumns,
				rows: roundsFrom(db, { year, kind, status, mediator, sort }, 0, -1).map((r) => toRoundExport(r, origin)),
				filters: { year, kind, status, mediator, sort },
				extra: { totals: selectionTotals(db, { year, kind, status, mediator }) }
			}),
			claims: () => {
				const filters = StatementFilters.parse(Object.fromEntries(params));
				return { columns: claimExportColumns, rows: claimRows(db, filters, origin), filters, extra: {} };
			},
			sources: () => ({
				columns: sourceExportColumns,
				rows: sourceRowsAfter(db, origin, null, -1).map(({ row }) => row),
				filters: {},
				extra: {}
			}),
			totals: () => ({
				columns: totalsExportColumns,
				rows: totalsRows(db, { year, kind, status, mediator }),
				filters: { year, kind, status, mediator },
				extra: {}
			})
		};
		const { columns, rows, filters, extra } = lists[list as keyof typeof lists]();
		return format === 'csv'
			? toCsv(columns, rows)
			: JSON.stringify(listEnvelope(version, columns, rows, filters, extra), null, 2);
	} finally {
		db.close();
	}
}

const everyDownload = ['rounds', 'claims', 'sources', 'totals'].flatMap((list) =>
	['csv', 'json'].flatMap((format) =>
		['', list === 'claims' ? '?year=2025&statement=allegation' : '?year=2025&sort=date_asc', '?year=2022'].map(
			(query) => ({ list, format, query })
		)
	)
);

describe('streamed downloads', () => {
	it.each(everyDownload)(
		'$list $format $query is byte for byte what the whole-string download was',
		async ({ list, format, query }) => {
			const streamed = text(await chunksOf(await get(list, format, query)));
			expect(streamed).toBe(wholeDownload(list, format, query));
		}
	);

	it('opens its own connection on the first read and closes it when the client goes away', async () => {
		const close = vi.spyOn(Database.prototype, 'close');
		try {
			const response = await get('claims', 'csv');
			const reader = (response.body as ReadableStream<Uint8Array>).getReader();
			const first = await reader.read();
			expect(new TextDecoder().decode(first.value)).toMatch(/^id,round_id,/);
			expect(close).not.toHaveBeenCalled();
			await reader.cancel();
			expect(close).toHaveBeenCalledTimes(1);
			expect(await reader.read()).toEqual({ done: true, value: undefined });
		} finally {
			close.mockRestore();
		}
	});

	it(`reads ${DOWNLOADS_AT_ONCE} at a time: the next waits for one to end or its client to go away, and none fails`, async () => {
		const readers = await Promise.all(
			Array.from({ length: DOWNLOADS_AT_ONCE + 1 }, async () =>
				((await get('claims', 'csv')).body as ReadableStream<Uint8Array>).getReader()
			)
		);
		const started: number[] = [];
		const firsts = readers.map((reader, index) => reader.read().then((chunk) => (started.push(index), chunk)));
		await Promise.all(firsts.slice(0, DOWNLOADS_AT_ONCE));
		for (let turn = 0; turn < 5; turn += 1) await new Promise((settle) => setImmediate(settle));
		// The last is still waiting for a turn: its headers were sent, its rows not yet read.
		expect(started).toHaveLength(DOWNLOADS_AT_ONCE);
		// A client going away ends its turn, and the waiting download begins.
		await readers[0]!.cancel();
		const last = await firsts[DOWNLOADS_AT_ONCE]!;
		expect(new TextDecoder().decode(last.value)).toMatch(/^id,round_id,/);
		for (const reader of readers.slice(1)) await reader.cancel();
		// A download whose client went away while it waited passes its turn on.
		const waiting = await Promise.all(
			Array.from({ length: DOWNLOADS_AT_ONCE + 1 }, async () =>
				((await get('claims', 'csv')).body as ReadableStream<Uint8Array>).getReader()
			)
		);
		const reads = waiting.map((reader) => reader.read());
		await waiting[DOWNLOADS_AT_ONCE]!.cancel();
		for (const reader of waiting.slice(0, DOWNLOADS_AT_ONCE)) await reader.cancel();
		await Promise.all(reads);
		const after = ((await get('claims', 'csv')).body as ReadableStream<Uint8Array>).getReader();
		expect(new TextDecoder().decode((await after.read()).value)).toMatch(/^id,round_id,/);
		await after.cancel();
	});

	it('a download waiting for its turn while the dataset is replaced still sends the version it named', async () => {
		const expected = wholeDownload('claims', 'csv', '');
		const readers = await Promise.all(
			Array.from({ length: DOWNLOADS_AT_ONCE + 1 }, async () =>
				((await get('claims', 'csv')).body as ReadableStream<Uint8Array>).getReader()
			)
		);
		const firsts = readers.map((reader) => reader.read());
		for (let turn = 0; turn < 5; turn += 1) await new Promise((settle) => setImmediate(settle));
		const previous = process.env.DATASET_DB_PATH;
		process.env.DATASET_DB_PATH = buildInto(realDataDir);
		try {
			for (const reader of readers.slice(0, DOWNLOADS_AT_ONCE)) await reader.cancel();
			const last = readers[DOWNLOADS_AT_ONCE]!;
			const chunks = [(await firsts[DOWNLOADS_AT_ONCE]!).value!];
			for (let read = await last.read(); !read.done; read = await last.read()) chunks.push(read.value);
			expect(text(chunks)).toBe(expected);
		} finally {
			process.env.DATASET_DB_PATH = previous;
		}
	});

	it('at ten times the real data, yields the lists in several chunks, equal to the whole-string download', async () => {
		const dir = temporaryDir();
		writeSyntheticDataset({ fromDir: realDataDir, toDir: dir, scale: 10, seed: 12 });
		const previous = process.env.DATASET_DB_PATH;
		process.env.DATASET_DB_PATH = buildInto(dir);
		try {
			for (const { list, format } of [
				{ list: 'claims', format: 'csv' },
				{ list: 'claims', format: 'json' },
				{ list: 'rounds', format: 'json' },
				{ list: 'sources', format: 'csv' }
			]) {
				const chunks = await chunksOf(await get(list, format));
				expect(chunks.length, `${list}.${format}`).toBeGreaterThan(1);
				expect(Math.max(...chunks.map((chunk) => chunk.byteLength))).toBeLessThan(1024 * 1024);
				expect(text(chunks), `${list}.${format}`).toBe(wholeDownload(list, format, ''));
			}
		} finally {
			process.env.DATASET_DB_PATH = previous;
		}
	}, 120_000);
});

describe('streamed downloads in the page cache', () => {
	const version = 'v1';
	const etag = PageCache.etagFor(version, '/claims.csv');
	const body = 'id,number\r\n' + Array.from({ length: 2000 }, (_, i) => `c${i},${i}\r\n`).join('');
	/** The body as a stream of 100-byte chunks, as a download sends it. */
	const download = () =>
		new Response(
			new ReadableStream<Uint8Array>({
				start(controller) {
					const bytes = new TextEncoder().encode(body);
					for (let at = 0; at < bytes.byteLength; at += 100) controller.enqueue(bytes.slice(at, at + 100));
					controller.close();
				}
			}),
			{ headers: { 'content-type': 'text/csv; charset=utf-8' } }
		);

	it.each([
		{ encoding: null, decode: (bytes: Buffer) => bytes },
		{ encoding: 'br' as const, decode: brotliDecompressSync },
		{ encoding: 'gzip' as const, decode: gunzipSync }
	])('keeps a small one whole ($encoding)', async ({ encoding, decode }) => {
		const cache = new PageCache();
		const response = await storeOrStream(cache, version, '/claims.csv', etag, download(), encoding, 1024 * 1024);
		expect(cache.size).toBe(1);
		expect(response.headers.get('x-page-cache')).toBe('miss');
		expect(decode(Buffer.from(await response.arrayBuffer())).toString()).toBe(body);
	});

	it.each([
		{ encoding: null, decode: (bytes: Buffer) => bytes },
		{ encoding: 'br' as const, decode: brotliDecompressSync },
		{ encoding: 'gzip' as const, decode: gunzipSync }
	])('streams a long one, compressed on the fly, without keeping it ($encoding)', async ({ encoding, decode }) => {
		const cache = new PageCache();
		const response = await storeOrStream(cache, version, '/claims.csv', etag, download(), encoding, 1000);
		expect(cache.size).toBe(0);
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('content-encoding')).toBe(encoding);
		expect(response.headers.get('etag')).toBe(representationEtag(etag, encoding));
		expect(response.headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL);
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(decode(Buffer.from(await response.arrayBuffer())).toString()).toBe(body);
	});
});
