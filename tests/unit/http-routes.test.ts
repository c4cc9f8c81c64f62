// The HTTP layer's pure parts: cache keys, private routes, encoding negotiation, ETag matching, redirect targets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCompressible, negotiateEncoding } from '../../src/lib/server/http/compression';
import { etagMatches, representationEtag } from '../../src/lib/server/http/responses';
import { decodedPath } from '../../src/lib/server/http/paths';
import { cacheKey, isPrivateRoute, QUERY_PARAMETERS } from '../../src/lib/server/http/routes';
import { sameSitePath } from '../../src/lib/server/http/same-site-path';

describe('cache keys', () => {
	it.each([
		{ url: '/?cb=1', route: '/', key: '/', canonical: false },
		{ url: '/?cb=2&utm_source=x', route: '/', key: '/', canonical: false },
		{
			url: '/rounds?year=2025&kind=pow_exchange',
			route: '/rounds',
			key: '/rounds?kind=pow_exchange&year=2025',
			canonical: true
		},
		{
			url: '/rounds?kind=pow_exchange&year=2025',
			route: '/rounds',
			key: '/rounds?kind=pow_exchange&year=2025',
			canonical: true
		},
		{ url: '/rounds?year=2024&year=2025', route: '/rounds', key: '/rounds?year=2025', canonical: false },
		{ url: '/rounds?year=2025&cb=1', route: '/rounds', key: '/rounds?year=2025', canonical: false },
		{ url: '/%72ounds', route: '/rounds', key: '/rounds', canonical: true },
		{ url: '/rounds/a%2Fb', route: '/rounds/[id]', key: '/rounds/a%2Fb', canonical: true },
		{ url: '/rounds/a%252F', route: '/rounds/[id]', key: '/rounds/a%252F', canonical: true },
		{ url: '/search?q=%E2%82%AC', route: '/search', key: '/search?q=%E2%82%AC', canonical: true }
	])('$url → $key (canonical: $canonical)', ({ url, route, key, canonical }) => {
		const search = key.includes('?') ? key.slice(key.indexOf('?')) : '';
		expect(cacheKey(new URL(url, 'http://localhost'), route, false)).toEqual({ key, canonical, search });
	});

	it('keeps SvelteKit’s own parameters on client-side data requests only', () => {
		const url = new URL('/rounds/__data.json?x-sveltekit-invalidated=01', 'http://localhost');
		expect(cacheKey(url, '/rounds', true)).toEqual({
			key: '/rounds/__data.json?x-sveltekit-invalidated=01',
			canonical: true,
			search: ''
		});
		expect(cacheKey(url, '/rounds', false)?.canonical).toBe(false);
	});

	it('gives no key to a path that does not decode', () => {
		expect(decodedPath('/rounds/%E0%A4%A')).toBeNull();
		expect(cacheKey(new URL('/rounds/%E0%A4%A', 'http://localhost'), '/rounds/[id]', false)).toBeNull();
	});

	/** Route ids of the files under src/routes that read the query string. */
	function routesReadingQueries(dir = 'src/routes'): string[] {
		return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return routesReadingQueries(path);
			if (!/^\+(page|layout)?\.?(server\.)?ts$|^\+server\.ts$/.test(entry.name)) return [];
			if (!readFileSync(path, 'utf8').includes('searchParams')) return [];
			return [`/${relative('src/routes', dir)}`.replace(/\/$/, '') || '/'];
		});
	}

	it('lists every public route that reads query parameters, so none is served another query’s page', () => {
		const unlisted = routesReadingQueries().filter((route) => !isPrivateRoute(route) && !(route in QUERY_PARAMETERS));
		expect(unlisted).toEqual([]);
	});
});

describe('private routes', () => {
	it.each([
		['/corrections', true],
		['/corrections/new', true],
		['/corrections/[id]', true],
		['/review', true],
		['/login', true],
		['/logout', true],
		['/correctionsx', false],
		['/rounds', false],
		[null, false]
	] as const)('%s: %s', (route, expected) => expect(isPrivateRoute(route)).toBe(expected));
});

describe('content negotiation', () => {
	it.each([
		[null, null],
		['', null],
		['gzip, deflate, br', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['br;q=0.5, gzip;q=0.8', 'gzip'],
		['identity', null],
		['*', 'br'],
		['*, br;q=0', 'gzip'],
		['gzip;q=0, br;q=0', null],
		['BR', 'br'],
		['x;q=abc, gzip', 'gzip']
	])('Accept-Encoding %j → %s', (header, expected) => expect(negotiateEncoding(header)).toBe(expected));

	it.each([
		['text/html; charset=utf-8', true],
		['application/json', true],
		['text/csv; charset=utf-8', true],
		['image/svg+xml', true],
		['application/atom+xml; charset=utf-8', true],
		['application/vnd.oai.openapi+json', true],
		['image/png', false],
		['application/vnd.sqlite3', false],
		['application/octet-stream', false],
		[null, false]
	])('%s compressible: %s', (type, expected) => expect(isCompressible(type)).toBe(expected));
});

describe('ETags per encoding', () => {
	const etag = '"abc"';
	it.each([
		['"abc"', true],
		['"abc.br"', true],
		['W/"abc.gzip"', true],
		['"x", "abc"', true],
		['*', true],
		['"abcd"', false],
		['"abc.zstd"', false],
		['garbage', false],
		[null, false]
	])('If-None-Match %s matches: %s', (header, expected) => expect(etagMatches(header, etag)).toBe(expected));

	it('suffixes the encoding inside the quotes', () => {
		expect([representationEtag(etag, null), representationEtag(etag, 'br')]).toEqual(['"abc"', '"abc.br"']);
	});
});

describe('same-site redirect targets', () => {
	const next = sameSitePath('/review');
	it.each([
		['/rounds?year=2025', '/rounds?year=2025'],
		['/€', '/%E2%82%AC'],
		['/\u0000', '/'],
		['/a\u0000b', '/a%00b'],
		['//example.org', '/review'],
		['/\\example.org', '/review'],
		['/\t/example.org', '/review'],
		['https://example.org/', '/review'],
		['javascript:alert(1)', '/review'],
		['', '/review'],
		[null, '/review'],
		[42, '/review']
	])('%j → %s', (value, expected) => expect(next.parse(value)).toBe(expected));
});
