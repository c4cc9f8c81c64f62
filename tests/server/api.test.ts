// The read API called as the server calls it, on a fixture dataset: output checked against the zod schemas, and its errors.
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ApiError,
	ClaimExport,
	RoundDetailResponse,
	RoundExport,
	RoundListResponse,
	SourceExport,
	TotalsResponse,
	apiListEnvelope
} from '../../src/lib/schemas/exports';
import { API_LIMIT_DEFAULT, API_LIMIT_MAX, cursorAfter } from '../../src/lib/schemas/api-paging';
import { buildInto, fixtureDir } from '../helpers/dataset';

type Handler = (event: { params: Record<string, string>; url: URL }) => Response | Promise<Response>;
const handlers: Record<string, Handler> = {};

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(fixtureDir('valid-data'));
	handlers.rounds = (await import('../../src/routes/api/v1/rounds/+server')).GET as unknown as Handler;
	handlers.round = (await import('../../src/routes/api/v1/rounds/[id]/+server')).GET as unknown as Handler;
	handlers.claims = (await import('../../src/routes/api/v1/claims/+server')).GET as unknown as Handler;
	handlers.sources = (await import('../../src/routes/api/v1/sources/+server')).GET as unknown as Handler;
	handlers.claimants = (await import('../../src/routes/api/v1/claimants/+server')).GET as unknown as Handler;
	handlers.totals = (await import('../../src/routes/api/v1/totals/+server')).GET as unknown as Handler;
	handlers.openapi = (await import('../../src/routes/api/v1/openapi.json/+server')).GET as unknown as Handler;
});

async function call(name: string, path: string, params: Record<string, string> = {}) {
	const response = await (handlers[name] as Handler)({ params, url: new URL(`https://example.org/api/v1/${path}`) });
	expect(response.headers.get('access-control-allow-origin')).toBe('*');
	return { status: response.status, body: await response.json() };
}

describe('/api/v1', () => {
	it.each([
		{ name: 'rounds', path: 'rounds?year=2025', schema: apiListEnvelope(RoundExport), count: 3 },
		{ name: 'claims', path: 'claims', schema: apiListEnvelope(ClaimExport), count: 4 },
		{ name: 'sources', path: 'sources', schema: apiListEnvelope(SourceExport), count: 3 }
	])('$path answers with its schema', async ({ name, path, schema, count }) => {
		const { status, body } = await call(name, path);
		expect(status).toBe(200);
		const parsed = schema.parse(body);
		expect(parsed.count).toBe(count);
		expect([parsed.total, parsed.limit, parsed.next_cursor]).toEqual([count, API_LIMIT_DEFAULT, null]);
		expect(parsed.dataset_version).toMatch(/^[0-9a-f]{12}$/);
	});

	it.each([
		{ name: 'rounds', path: 'rounds' },
		{ name: 'rounds', path: 'rounds?sort=date_asc' },
		{ name: 'rounds', path: 'rounds?sort=gap_desc' },
		{ name: 'claims', path: 'claims' },
		{ name: 'claims', path: 'claims?sort=date_asc' },
		{ name: 'sources', path: 'sources' },
		{ name: 'claimants', path: 'claimants' }
	])('pages $path with limit and cursor: every row once, in order', async ({ name, path }) => {
		const whole = (await call(name, path)).body as { rows: { id: string }[]; total: number };
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const query: string = `${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`;
			const { status, body } = await call(name, query);
			expect(status).toBe(200);
			expect(body.rows.length).toBeLessThanOrEqual(2);
			expect(body.total).toBe(whole.total);
			seen.push(...body.rows.map((row: { id: string }) => row.id));
			cursor = body.next_cursor;
		} while (cursor !== null && seen.length <= whole.total);
		expect(seen).toEqual(whole.rows.map((row) => row.id));
	});

	it('refuses a limit above the documented maximum, and a cursor of another dataset version', async () => {
		const tooMany = await call('sources', `sources?limit=${API_LIMIT_MAX + 1}`);
		expect([tooMany.status, ApiError.parse(tooMany.body).issues?.[0]?.parameter]).toEqual([400, 'limit']);
		const stale = await call(
			'claims',
			`claims?cursor=${cursorAfter('000000000000', 'claims:date_desc', ['2025-01-01', 'c0002'])}`
		);
		expect(stale.status).toBe(400);
		expect(ApiError.parse(stale.body).message).toMatch(/^cursor: this cursor belongs to dataset version 000000000000/);
		const forged = await call('rounds', 'rounds?cursor=anything');
		expect([forged.status, ApiError.parse(forged.body).issues?.[0]?.parameter]).toEqual([400, 'cursor']);
	});

	it.each([
		{
			name: 'what is not base64url JSON',
			cursor: (version: string) => `${version}.bm90IGpzb24`,
			message: /^cursor: expected the next_cursor of an earlier answer$/
		},
		{
			name: 'a key of the wrong shape',
			cursor: (version: string) => cursorAfter(version, 'rounds:date_desc', [7, 'r1']),
			message: /^cursor: expected the next_cursor of an earlier answer$/
		},
		{
			name: 'a key with a date that is not one',
			cursor: (version: string) => cursorAfter(version, 'rounds:date_desc', ['yesterday', 'r1']),
			message: /^cursor: expected the next_cursor of an earlier answer$/
		},
		{
			name: 'a cursor of another order',
			cursor: (version: string) => cursorAfter(version, 'rounds:date_asc', ['2025-01-01', 'r1']),
			message: /^cursor: this cursor was made for another list or order \(rounds:date_asc, not rounds:date_desc\)/
		},
		{
			name: 'a cursor of another list',
			cursor: (version: string) => cursorAfter(version, 'sources', ['BBC', null, 's1']),
			message: /^cursor: this cursor was made for another list or order \(sources, not rounds:date_desc\)/
		}
	])('refuses $name with a 400 naming the cursor', async ({ cursor, message }) => {
		const version = (await call('rounds', 'rounds')).body.dataset_version as string;
		const refused = await call('rounds', `rounds?cursor=${cursor(version)}`);
		expect(refused.status).toBe(400);
		expect(ApiError.parse(refused.body).message).toMatch(message);
	});

	it('refuses a claimants cursor that names no claimant, and pages the claimants by id', async () => {
		const whole = (await call('claimants', 'claimants')).body as { rows: { id: string }[]; dataset_version: string };
		const first = await call('claimants', 'claimants?limit=1');
		expect(first.body.rows.map((row: { id: string }) => row.id)).toEqual([whole.rows[0]?.id]);
		const second = await call('claimants', `claimants?limit=1&cursor=${first.body.next_cursor}`);
		expect(second.body.rows.map((row: { id: string }) => row.id)).toEqual([whole.rows[1]?.id]);
		const unknown = await call(
			'claimants',
			`claimants?cursor=${cursorAfter(whole.dataset_version, 'claimants', ['k-nobody'])}`
		);
		expect([unknown.status, ApiError.parse(unknown.body).message]).toEqual([
			400,
			'cursor: this cursor names no row of this list: start again without a cursor'
		]);
	});

	it('gives one round with its claims', async () => {
		const { status, body } = await call('round', 'rounds/2024-12-30-exchange', { id: '2024-12-30-exchange' });
		expect(status).toBe(200);
		const parsed = RoundDetailResponse.parse(body);
		expect(parsed.round).toMatchObject({ kyiv_to_ukraine: 189, moscow_to_ukraine: 150, status_to_ukraine: 'disputed' });
		expect(parsed.claims.map((claim) => claim.id).sort()).toEqual(['c1', 'c2', 'c3']);
	});

	it('gives the totals', async () => {
		const parsed = TotalsResponse.parse((await call('totals', 'totals')).body);
		expect(parsed.totals.people.to_ukraine.confirmed).toBe(390 + 307);
	});

	it('gives the totals of a selection, the same with the rounds as alone', async () => {
		const alone = TotalsResponse.parse((await call('totals', 'totals?year=2024')).body);
		expect(alone.filters).toEqual({ year: 2024 });
		expect(alone.totals.people.to_ukraine).toMatchObject({
			byParty: { ukraine: { sum: 189, rounds: 1 }, russia: { sum: 150, rounds: 1 } },
			confirmed: 0,
			rounds: 1
		});
		const withRounds = RoundListResponse.parse((await call('rounds', 'rounds?year=2024')).body);
		expect(withRounds.totals).toEqual(alone.totals);
	});

	it.each([
		{ name: 'rounds', path: 'rounds?year=twenty', parameter: 'year' },
		{ name: 'rounds', path: 'rounds?status=maybe', parameter: 'status' },
		{ name: 'rounds', path: 'rounds?sort=random', parameter: 'sort' },
		{ name: 'claims', path: 'claims?statement=report', parameter: 'statement' }
	])('answers 400 with a message for $path', async ({ name, path, parameter }) => {
		const { status, body } = await call(name, path);
		expect(status).toBe(400);
		const error = ApiError.parse(body);
		expect(error.error).toBe('invalid_query');
		expect(error.issues?.map((issue) => issue.parameter)).toEqual([parameter]);
	});

	it('answers 404 for an unknown round and 400 for a malformed id', async () => {
		expect((await call('round', 'rounds/2099-01-01-exchange', { id: '2099-01-01-exchange' })).status).toBe(404);
		const malformed = await call('round', 'rounds/NOT%20AN%20ID', { id: 'NOT AN ID' });
		expect([malformed.status, ApiError.parse(malformed.body).error]).toEqual([400, 'invalid_id']);
	});

	it('describes itself in OpenAPI 3.1, with a schema for every response', async () => {
		const { body } = await call('openapi', 'openapi.json');
		expect(body.openapi).toBe('3.1.0');
		expect(Object.keys(body.paths)).toEqual([
			'/rounds',
			'/rounds/{id}',
			'/claims',
			'/claimants',
			'/claimants/{id}',
			'/sources',
			'/totals'
		]);
		for (const path of Object.values(body.paths) as {
			get: { responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }> };
		}[]) {
			for (const response of Object.values(path.get.responses)) {
				const name = response.content['application/json'].schema.$ref.split('/').pop() ?? '';
				expect(body.components.schemas[name], name).toBeDefined();
			}
		}
	});

	it('documents the translated fields beside the English ones', async () => {
		const { body } = await call('openapi', 'openapi.json');
		expect(body.info.description).toContain('field names, enum values and schema names are English and stable');
		const fieldsOf = (schema: string, list = true) => {
			const component = body.components.schemas[schema];
			const row = list ? component.properties.rows.items : component;
			return row.properties as Record<string, { description?: string }>;
		};
		const round = fieldsOf('RoundList');
		expect(round.summary_uk?.description).toBe('The summary in Ukrainian (our own words, translated).');
		expect(round.summary_ru?.description).toBe('The summary in Russian (our own words, translated).');
		expect(Object.keys(fieldsOf('ClaimList'))).toEqual(
			expect.arrayContaining(['claimant_name', 'claimant_name_uk', 'claimant_name_ru'])
		);
		expect(fieldsOf('ClaimList').counted_detail_uk?.description).toBe('What the figure counts, in Ukrainian.');
		expect(fieldsOf('ClaimList').counted_detail_ru?.description).toBe('What the figure counts, in Russian.');
		expect(body.info.description).toContain('its `counted_detail` (what the figure counts) `counted_detail_uk`');
		expect(body.info.description).toContain('in the API and in the downloads alike');
		expect(Object.keys(fieldsOf('ClaimantList'))).toEqual(
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

	/** Every description in a document, by where it is, and the document without them. */
	function split(document: unknown): { texts: Map<string, string>; skeleton: string } {
		const texts = new Map<string, string>();
		const strip = (node: unknown, at: string): unknown => {
			if (Array.isArray(node)) return node.map((item, index) => strip(item, `${at}/${index}`));
			if (!node || typeof node !== 'object') return node;
			return Object.fromEntries(
				Object.entries(node).map(([key, value]) => {
					if (['description', 'summary', 'title'].includes(key) && typeof value === 'string') {
						texts.set(`${at}/${key}`, value);
						return [key, '…'];
					}
					return [key, strip(value, `${at}/${key}`)];
				})
			);
		};
		return { texts, skeleton: JSON.stringify(strip(document, '')) };
	}

	it.each(['uk', 'ru'] as const)(
		'in %s: the same paths, parameters, fields, values and schemas, every description translated',
		(locale) => {
			const english = split(openApiDocument('https://example.org', 'en'));
			const translated = split(openApiDocument('https://example.org', locale));
			expect(translated.skeleton).toBe(english.skeleton);
			expect([...translated.texts.keys()]).toEqual([...english.texts.keys()]);
			for (const [at, text] of translated.texts) {
				// Field names, paths and codes stay as they are; the words around them are the language's.
				const words = text.replace(
					/`[^`]*`|\/[\w/{}.#-]+|\b[a-z]+(?:_[a-z]+)+\b|\b(?:null|same|different|none|UAE|ETag|JSON|API|k-medinsky)\b|\.csv|\.json|data\/[\w/.-]+/g,
					' '
				);
				expect(words.match(/[A-Za-z]{3,}/g) ?? [], at).toEqual([]);
				expect(text, at).not.toBe(english.texts.get(at));
			}
			const rounds = translated.texts.get(
				'/components/schemas/RoundList/properties/rows/items/properties/summary_uk/description'
			);
			expect(rounds).toBe(
				locale === 'uk'
					? 'Короткий опис українською (наші власні слова, перекладені).'
					: 'Краткое описание на украинском (наши собственные слова, переведённые).'
			);
		}
	);
});
