// The server entry's fast path: cache hits on node:http, byte for byte and header for header what the hooks' hits send.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromCache, sharePageCache } from '../../src/lib/server/http/fast-path';
import { PageCache, type CachedPage } from '../../src/lib/server/http/page-cache';
import { fromCache, notModified } from '../../src/lib/server/http/responses';
import { securityHeaders } from '../../src/lib/server/http/security-headers';

const VERSION = 'v1';
let version = VERSION;
const cache = new PageCache();
const html = Buffer.from('<!doctype html><title>Rounds</title>'.repeat(50));
const page = (key: string, bodies: CachedPage['bodies']): CachedPage => ({
	status: 200,
	headers: [
		['cache-control', 'public, max-age=60, stale-while-revalidate=300'],
		['content-type', 'text/html'],
		['x-sveltekit-page', 'true']
	],
	etag: PageCache.etagFor(VERSION, key),
	bodies
});
const ROUNDS = page('/rounds?year=2024', { identity: html, br: brotliCompressSync(html) });
const NO_BROTLI_YET = page('/sources', { identity: html });

/** A server that answers with the fast path, and 599 when the fast path leaves the request to SvelteKit. */
const server = createServer((req, res) => {
	if (!answerFromCache(req, res, { embed: false, https: false })) res.writeHead(599).end();
});
let origin = '';
beforeAll(async () => {
	cache.set(VERSION, '/rounds?year=2024', ROUNDS);
	cache.set(VERSION, '/sources', NO_BROTLI_YET);
	sharePageCache({ cache, version: () => version, sessionCookie: 'pem_session' });
	await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}
const send = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
	new Promise<Answer>((done, fail) =>
		request(`${origin}${path}`, { method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
			);
		})
			.on('error', fail)
			.end()
	);

/** Node's headers minus the ones Node adds itself. */
const own = (headers: IncomingHttpHeaders) => {
	const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
	return rest;
};
/** A response of the hooks' with the security headers the server entry adds to it. */
const fromResponse = (response: Response) => ({
	...Object.fromEntries(response.headers),
	...Object.fromEntries(
		securityHeaders({
			status: response.status,
			csp: response.headers.get('content-security-policy'),
			embed: false,
			https: false
		})
	)
});

describe('answerFromCache', () => {
	it.each([
		{ encoding: 'br', accept: 'gzip, deflate, br', body: ROUNDS.bodies.br },
		{ encoding: null, accept: '', body: html }
	])('sends the hooks’ hit for a canonical address ($encoding)', async ({ encoding, accept, body }) => {
		const answer = await send('/rounds?year=2024', accept ? { 'accept-encoding': accept } : {});
		const hooks = await fromCache(cache, VERSION, '/rounds?year=2024', ROUNDS, encoding as 'br' | null, 'hit');
		expect(answer.status).toBe(200);
		expect(own(answer.headers)).toEqual(fromResponse(hooks));
		expect(answer.body.equals(body ?? Buffer.alloc(0))).toBe(true);
	});

	it('negotiates each Accept-Encoding header as the hooks do, however many different ones come', async () => {
		// More headers than it keeps answers for, each asked twice: the second answer may come from what it kept.
		const headers = Array.from({ length: 70 }, (_, n) => (n % 2 ? `br;q=0, gzip;q=0.${n}` : `gzip;q=0.${n}, br`));
		for (const accept of [...headers, ...headers]) {
			const answer = await send('/rounds?year=2024', { 'accept-encoding': accept });
			// ROUNDS has brotli only: a client refusing it is left to the hooks, which compress gzip.
			expect([accept, answer.status]).toEqual([accept, accept.startsWith('br;q=0') ? 599 : 200]);
			if (answer.status === 200) expect(answer.headers['content-encoding']).toBe('br');
		}
	});

	it('answers a revalidation with the hooks’ 304', async () => {
		const etag = (await send('/rounds?year=2024', { 'accept-encoding': 'br' })).headers.etag ?? '';
		const answer = await send('/rounds?year=2024', { 'accept-encoding': 'br', 'if-none-match': etag });
		expect(answer.status).toBe(304);
		expect(own(answer.headers)).toEqual(fromResponse(notModified(ROUNDS.etag, 'br')));
	});

	it('answers a HEAD with the identity headers and no body', async () => {
		const answer = await send('/rounds?year=2024', { 'accept-encoding': 'br' }, 'HEAD');
		expect([answer.status, answer.headers['content-length'], answer.headers['content-encoding']]).toEqual([
			200,
			String(html.byteLength),
			undefined
		]);
	});

	it.each<{ name: string; path: string; headers?: Record<string, string>; method?: string }>([
		{ name: 'another spelling of the path', path: '/%72ounds?year=2024' },
		{ name: 'a parameter the page does not read', path: '/rounds?year=2024&utm_source=x' },
		{ name: 'parameters in another order', path: '/sources?page=1&a=1' },
		{ name: 'an address not in the cache', path: '/rounds?year=2025' },
		{ name: 'a POST', path: '/rounds?year=2024', method: 'POST' },
		{ name: 'a maintainer’s session', path: '/rounds?year=2024', headers: { cookie: 'a=1; pem_session=abc' } },
		{ name: 'an encoding not compressed yet', path: '/sources', headers: { 'accept-encoding': 'br' } }
	])('leaves $name to SvelteKit', async ({ path, headers = {}, method = 'GET' }) => {
		expect((await send(path, headers, method)).status).toBe(599);
	});

	it('never answers from a previous version', async () => {
		version = 'v2';
		try {
			expect((await send('/rounds?year=2024')).status).toBe(599);
		} finally {
			version = VERSION;
		}
	});

	it("answers with the previous version's page only while the hooks render the new one", async () => {
		// The version the cache is at is v1 again (a request under it), with the page.
		cache.get(VERSION, '/rounds?year=2024');
		cache.set(VERSION, '/rounds?year=2024', ROUNDS);
		version = 'v3';
		try {
			expect((await send('/rounds?year=2024', { 'accept-encoding': 'br' })).status).toBe(599);
			cache.renderInFlight('v3', '/rounds?year=2024', new Promise(() => {}));
			const answer = await send('/rounds?year=2024', { 'accept-encoding': 'br' });
			expect([answer.status, answer.headers['x-page-cache'], answer.headers.etag]).toEqual([
				200,
				'stale',
				`${ROUNDS.etag.slice(0, -1)}.br"`
			]);
			expect(answer.body.equals(ROUNDS.bodies.br!)).toBe(true);
			// A HEAD is never sent a stale page.
			expect((await send('/rounds?year=2024', {}, 'HEAD')).status).toBe(599);
		} finally {
			version = VERSION;
		}
	});
});
