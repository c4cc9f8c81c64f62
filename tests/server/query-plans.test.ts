// The query plan of every query the public pages make, on a synthetic dataset several times the real one: a page that
// reads a slice must not scan a big table. Queries are caught as the real page loads run them, with their real values.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cursorAfter } from '../../src/lib/schemas/api-paging';
import { buildDataset } from '../../src/lib/server/db/build';
import { writeSyntheticDataset } from '../../src/lib/server/db/synthetic';
import { FIXED_TODAY, realDataDir, temporaryDir } from '../helpers/dataset';

vi.mock('$app/state', () => ({ page: { url: new URL('https://example.org/') } }));

/** The tables whose rows grow with the dataset. */
const bigTables = [
	'rounds',
	'claims',
	'sources',
	'claim_sources',
	'round_items',
	'chart_rounds',
	'chart_timeline',
	'chart_disputes',
	'chart_sums',
	'chart_stated',
	'claim_verdicts',
	'round_mediators',
	'record_cells',
	'removed_records'
];

/**
 * Queries that read a whole table on purpose, with why. Anything else that scans a big table fails this test.
 * Each is matched on the start of its SQL, whitespace collapsed.
 */
const wholeTableReads: { sql: RegExp; why: string }[] = [
	{
		sql: /^SELECT t\.population, t\.direction, sum\(t\.confirmed\) .* WHERE i\.kind <> 'agreement' GROUP BY/,
		why: "the totals of every round (the overview, the headline, unfiltered /rounds and the API), each round's stored share added up once per dataset version (memoized)"
	},
	{
		sql: /^SELECT substr\(i\.date, 1, 4\) AS year, t\.population/,
		why: "the totals of each year (/years), added up once per dataset version (memoized) from each round's stored share"
	},
	{
		sql: /^SELECT count\(\*\) AS count FROM round_items i WHERE i\.kind <> 'agreement'/,
		why: 'the number of rounds matching the filters of /rounds, for its page count: counted on an index of events, without reading a round'
	},
	{
		sql: /^SELECT t\.population, t\.direction, sum\(t\.confirmed\) .* FROM round_items i JOIN round_totals t .* \(i\.status_to_ukraine = @status OR i\.status_to_russia = @status\)/,
		why: "the totals of the rounds of a status (/rounds?status=…): each matching round's stored share added up in SQL; a status may be either direction's, so every event's two statuses are read (no index on them)"
	},
	{
		sql: /^SELECT item FROM round_items WHERE kind = 'agreement' ORDER BY date DESC/,
		why: 'every agreement, which /rounds lists above its paged events: read from the index of agreements alone (not paged: it grows with the number of agreements)'
	},
	{
		sql: /^SELECT DISTINCT substr\(date, 1, 4\) AS year FROM round_items/,
		why: "the years /rounds's filter offers, once per dataset version (memoized), from an index of events"
	},
	{
		sql: /^SELECT count\(\*\) AS count FROM sources$/,
		why: 'the number of sources, for the page count of /sources, once per dataset version (memoized)'
	},
	{
		sql: /^SELECT c\.id, c\.stated_on, .* FROM chart_stated s JOIN claims c ON c\.id = s\.claim_id ORDER BY s\.position$/,
		why: "every running total stated of people returned to Ukraine, for the cumulative chart's markers (at most twenty per party are drawn), once per dataset version and language (memoized); its table reads them a page at a time"
	},
	{
		sql: /^SELECT date, kyiv, moscow, confirmed FROM chart_sums ORDER BY position$/,
		why: "the cumulative chart's running sums, one row per round date (bounded by the days in the dataset's span, not by its events), once per dataset version and language (memoized)"
	}
];

interface Caught {
	sql: string;
	args: unknown[];
}

const datasetPath = join(temporaryDir(), 'x3.sqlite');
const caught: Caught[] = [];

beforeAll(() => {
	const dir = temporaryDir();
	writeSyntheticDataset({ fromDir: realDataDir, toDir: dir, scale: 3, seed: 1 });
	const built = buildDataset({ dataDir: dir, outPath: datasetPath, today: FIXED_TODAY });
	if (!built.ok) throw new Error(built.errors.join('\n'));
	process.env.DATASET_DB_PATH = datasetPath;
	process.env.STATE_DB_PATH = join(temporaryDir(), 'state.sqlite');
	// Every statement prepared on the dataset records the values it runs with.
	const prepare = Database.prototype.prepare;
	vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
		const statement = prepare.call(this, sql);
		if (this.name !== datasetPath) return statement;
		for (const method of ['all', 'get', 'iterate', 'run'] as const) {
			const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
			(statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
				caught.push({ sql, args });
				return original(...args);
			};
		}
		return statement;
	} as typeof prepare);
});

type Load = (event: unknown) => unknown;
const event = (path: string, params: Record<string, string> = {}) => ({
	url: new URL(`https://example.org${path}`),
	params,
	setHeaders: () => {},
	locals: {}
});

/** Every public page and API list, by its load or handler and one address. */
type Module = () => Promise<{ load?: Load; GET?: Load }>;
const pages: { route: Module; path: string; params?: Record<string, string>; handler?: boolean }[] = [
	{ route: () => import('../../src/routes/+page.server') as Promise<never>, path: '/' },
	{ route: () => import('../../src/routes/rounds/+page.server') as Promise<never>, path: '/rounds?year=2025' },
	// Every filter and order of /rounds reads its page from an index of events in the order asked for.
	...[
		'/rounds',
		'/rounds?page=3&sort=date_asc',
		'/rounds?sort=gap_desc',
		'/rounds?kind=pow_exchange&page=2',
		'/rounds?status=disputed',
		'/rounds?mediator=UAE&year=2025&sort=date_asc'
	].map((path) => ({ route: () => import('../../src/routes/rounds/+page.server') as Promise<never>, path })),
	{
		route: () => import('../../src/routes/rounds/[id]/+page.server') as Promise<never>,
		path: '/rounds/2024-12-30-exchange',
		params: { id: '2024-12-30-exchange' }
	},
	{ route: () => import('../../src/routes/claims/+page.server') as Promise<never>, path: '/claims' },
	// Every combination of /claims's filters reads its page from an index of statements in the list's order.
	...[
		'/claims?page=3',
		'/claims?statement=allegation',
		'/claims?year=2025&sort=date_asc',
		'/claims?statement=running_total&year=2025',
		'/claims?claimant=k-medinsky&page=2',
		'/claims?claimant=k-medinsky&statement=allegation&year=2025&sort=date_asc'
	].map((path) => ({ route: () => import('../../src/routes/claims/+page.server') as Promise<never>, path })),
	{
		route: () => import('../../src/routes/claims/[id]/+page.server') as Promise<never>,
		path: '/claims/c0001',
		params: { id: 'c0001' }
	},
	{ route: () => import('../../src/routes/sources/+page.server') as Promise<never>, path: '/sources?page=2' },
	{ route: () => import('../../src/routes/years/+page.server') as Promise<never>, path: '/years' },
	{
		route: () => import('../../src/routes/sources/[id]/+page.server') as Promise<never>,
		path: '/sources/s0001',
		params: { id: 's0001' }
	},
	{ route: () => import('../../src/routes/search/+page.server') as Promise<never>, path: '/search?q=Medinsky' },
	{
		route: () => import('../../src/routes/search/+page.server') as Promise<never>,
		path: '/search?q=1%2C200&kind=round'
	},
	{
		route: () => import('../../src/routes/charts/[chart=chart]/+page.server') as Promise<never>,
		path: '/charts/cumulative',
		params: { chart: 'cumulative' }
	},
	{
		route: () => import('../../src/routes/api/v1/rounds/+server') as Promise<never>,
		path: '/api/v1/rounds?limit=5',
		handler: true
	},
	{
		route: () => import('../../src/routes/api/v1/rounds/+server') as Promise<never>,
		path: '/api/v1/rounds?limit=5&sort=gap_desc&kind=body_repatriation',
		handler: true
	},
	{
		route: () => import('../../src/routes/api/v1/claims/+server') as Promise<never>,
		path: '/api/v1/claims?limit=5',
		handler: true
	},
	{
		route: () => import('../../src/routes/api/v1/claims/+server') as Promise<never>,
		path: '/api/v1/claims?limit=5&statement=offer&cursor=',
		handler: true
	},
	{
		route: () => import('../../src/routes/api/v1/sources/+server') as Promise<never>,
		path: '/api/v1/sources?limit=5',
		handler: true
	},
	{
		route: () => import('../../src/routes/api/v1/rounds/[id]/+server') as Promise<never>,
		path: '/api/v1/rounds/2024-12-30-exchange',
		params: { id: '2024-12-30-exchange' },
		handler: true
	}
];

/** The plan's lines for one query, run with the values the page ran it with. */
function planOf(db: Database.Database, { sql, args }: Caught): string[] {
	return db
		.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
		.all(...args)
		.map((row) => row.detail);
}

/** The plan lines that read every row of a big table (plans name a table by its alias when it has one). */
function fullScans(sql: string, plan: string[]): string[] {
	const keywords = new Set(['where', 'on', 'join', 'left', 'inner', 'order', 'group', 'limit', 'using', 'natural']);
	const tableOf = new Map<string, string>();
	for (const [, table = '', alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
		tableOf.set(table, table);
		if (alias && !keywords.has(alias.toLowerCase())) tableOf.set(alias, table);
	}
	// Walking an index in order with a LIMIT stops after the page: that is reading a slice.
	const limited = /\bLIMIT\b/i.test(sql);
	return plan.filter((line) => {
		if (limited && / USING (COVERING )?INDEX /.test(line)) return false;
		const scanned = /^SCAN (\w+)/.exec(line)?.[1] ?? '';
		return bigTables.includes(tableOf.get(scanned) ?? scanned);
	});
}

/** Every query the pages ran, once each, with the values it first ran with. */
const queries = new Map<string, Caught>();

describe('the queries of the public pages', () => {
	it.each(pages)('$path runs', { timeout: 60_000 }, async ({ route, path, params, handler }) => {
		const module = await route();
		caught.length = 0;
		await (handler ? module.GET : module.load)?.(event(path, params));
		for (const query of caught) {
			const key = query.sql.replace(/\s+/g, ' ').trim();
			if (!queries.has(key)) queries.set(key, query);
		}
	});

	it('scan no big table, except the reads of a whole table listed with their reason', () => {
		expect(queries.size).toBeGreaterThan(10);
		const db = new Database(datasetPath, { readonly: true });
		const scanning = [...queries]
			.map(([sql, query]) => ({ sql, scans: fullScans(sql, planOf(db, query)) }))
			.filter((query) => query.scans.length > 0);
		// A page of a list is read in the index's order: never sorted after reading every matching row (search results,
		// ordered by relevance to the words asked for, are ranked by FTS5 and cannot come from an index's order).
		const sortedPages = [...queries]
			.filter(([sql]) => !/\bMATCH\b/.test(sql))
			.filter(([sql, query]) => /\bLIMIT\b/i.test(sql) && planOf(db, query).some((line) => /TEMP B-TREE/.test(line)))
			.map(([sql]) => sql);
		db.close();
		expect(sortedPages).toEqual([]);
		const unexplained = scanning.filter((query) => !wholeTableReads.some(({ sql }) => sql.test(query.sql)));
		expect(unexplained).toEqual([]);
		// Every listed reason still names a query the pages make, so that the list cannot go stale.
		for (const { sql } of wholeTableReads)
			expect(
				scanning.some((query) => sql.test(query.sql)),
				String(sql)
			).toBe(true);
	});
});

describe("the API's next pages", () => {
	const lists = [
		'rounds',
		'rounds?sort=date_asc',
		'rounds?sort=gap_desc&kind=pow_exchange',
		'rounds?year=2024',
		'claims',
		'claims?sort=date_asc&statement=offer',
		'claims?claimant=k-medinsky',
		'claims?year=2024&sort=date_asc',
		'claims?year=2025',
		'rounds?year=2025&sort=date_asc',
		'sources'
	];
	const handlers = {
		rounds: () => import('../../src/routes/api/v1/rounds/+server'),
		claims: () => import('../../src/routes/api/v1/claims/+server'),
		sources: () => import('../../src/routes/api/v1/sources/+server')
	};

	/** The plan of the query that read the page (the one with LIMIT), for the API list at `path`. */
	async function pagePlan(path: string): Promise<{ sql: string; plan: string[] }> {
		const name = path.split('?')[0] as keyof typeof handlers;
		const { GET } = (await handlers[name]()) as unknown as { GET: (event: unknown) => Response };
		caught.length = 0;
		const response = GET(event(`/api/v1/${path}`));
		expect(response.status).toBe(200);
		const page = caught.find((query) => /\bLIMIT\b/.test(query.sql));
		if (!page) throw new Error(`${path} read no page`);
		const db = new Database(datasetPath, { readonly: true });
		const plan = planOf(db, page);
		db.close();
		return { sql: page.sql, plan };
	}

	async function nextCursor(path: string): Promise<string> {
		const name = path.split('?')[0] as keyof typeof handlers;
		const { GET } = (await handlers[name]()) as unknown as { GET: (event: unknown) => Response };
		const body = (await GET(event(`/api/v1/${path}${path.includes('?') ? '&' : '?'}limit=5`)).json()) as {
			next_cursor: string | null;
		};
		if (!body.next_cursor) throw new Error(`${path} has a single page`);
		return body.next_cursor;
	}

	it.each(lists)(
		'%s: a cursor starts the page on its key along the index, without sorting or scanning',
		async (path) => {
			const cursor = await nextCursor(path);
			const { sql, plan } = await pagePlan(`${path}${path.includes('?') ? '&' : '?'}limit=5&cursor=${cursor}`);
			expect(sql).not.toMatch(/\bOFFSET\b/);
			// The first line reads the list's table: a search of an index from the key (a range with < or >).
			expect(plan[0]).toMatch(/^SEARCH \w+ USING (COVERING )?INDEX \w+ \(.*\([\w,]+\)[<>]\(\?(,\?)*\)/);
			expect(plan.filter((line) => /TEMP B-TREE|^SCAN/.test(line))).toEqual([]);
		}
	);

	it('sources: a cursor on a source without a date starts at its outlet', async () => {
		const db = new Database(datasetPath, { readonly: true });
		const undated = db
			.prepare<[], { outlet: string; id: string }>(
				'SELECT outlet, id FROM sources WHERE published_on IS NULL ORDER BY outlet COLLATE NOCASE, id LIMIT 1'
			)
			.get();
		db.close();
		if (!undated) throw new Error('the synthetic dataset has no source without a date');
		const { GET } = (await handlers.sources()) as unknown as { GET: (event: unknown) => Response };
		const datasetVersion = ((await GET(event('/api/v1/sources?limit=1')).json()) as { dataset_version: string })
			.dataset_version;
		const cursor = cursorAfter(datasetVersion, 'sources', [undated.outlet, null, undated.id]);
		const { plan } = await pagePlan(`sources?limit=5&cursor=${cursor}`);
		expect(plan[0]).toMatch(/^SEARCH s USING (COVERING )?INDEX sources_by_outlet \(outlet>\?\)$/);
		expect(plan.filter((line) => /TEMP B-TREE|^SCAN/.test(line))).toEqual([]);
	});
});
