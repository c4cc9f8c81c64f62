// The HTTP layer of the production build: route guards on every spelling of a path, malformed requests, the page
// cache's bound, compression and the security headers on every response family.
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/lib/server/auth/maintainers';
import { MAX_SUGGESTION_BYTES, SUGGESTIONS_PER_HOUR } from '../../src/lib/server/corrections/guard';
import { MAINTAINER, startApp, type RunningApp } from '../helpers/app-server';
import { badRequests } from '../helpers/bad-input';

let app: RunningApp;
/** A small page cache, so that its bound is what the memory test meets. */
const CACHE_MB = 4;

beforeAll(async () => {
	app = await startApp({ PAGE_CACHE_MB: String(CACHE_MB) });
}, 240_000);

afterAll(() => app?.stop());

/** Rows in the state database's corrections table: what suggestions stored. */
function storedCorrections(): number {
	const db = new Database(app.statePath, { readonly: true });
	try {
		return (db.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n;
	} finally {
		db.close();
	}
}

const suggestion = (extra = '') =>
	new URLSearchParams({
		kind: 'change',
		entity: 'claim',
		record_id: 'c2',
		'field:number': '151',
		reason: `The ministry corrected its figure the next day.${extra}`,
		evidence: 'https://example.org/correction',
		contact_email: '',
		website: ''
	});

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
	app.fetch(path, {
		method: 'POST',
		body,
		headers: {
			origin: app.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		}
	});

describe('route guards decide on the route the router matched', () => {
	const spellings = [
		'/corrections/new',
		'/corrections/%6eew',
		'/%63orrections/new',
		'/corrections/ne%77',
		'/%63orrections/%6E%65%77'
	];

	it.each(spellings)('%s refuses a suggestion over the size limit with 413', async (path) => {
		const before = storedCorrections();
		const response = await post(path, suggestion('x'.repeat(MAX_SUGGESTION_BYTES)));
		expect(response.status).toBe(413);
		expect(storedCorrections()).toBe(before);
	});

	it('counts every spelling against one rate limit', async () => {
		const before = storedCorrections();
		const statuses: number[] = [];
		for (let i = 0; i < SUGGESTIONS_PER_HOUR + spellings.length; i += 1) {
			const response = await post(spellings[i % spellings.length] ?? '', suggestion(` (${i})`));
			statuses.push(response.status);
		}
		expect(statuses.slice(0, SUGGESTIONS_PER_HOUR)).toEqual(Array(SUGGESTIONS_PER_HOUR).fill(303));
		expect(statuses.slice(SUGGESTIONS_PER_HOUR)).toEqual(spellings.map(() => 429));
		expect(storedCorrections()).toBe(before + SUGGESTIONS_PER_HOUR);
	});

	it.each(['/%63orrections', '/corrections/%6eew', '/revie%77', '/%6cogin'])('%s is never cached', async (path) => {
		const first = await app.fetch(path);
		const second = await app.fetch(path);
		expect([first.headers.get('x-page-cache'), second.headers.get('x-page-cache')]).toEqual([null, null]);
	});
});

/** A session shared by the tests that only need to be logged in (each login costs a deliberately slow scrypt). */
let maintainerCookie: string | undefined;

/** The session cookie a login set (it also sets the browser's submitter cookie), as a `Cookie` header value. */
function sessionCookie(response: Response): string {
	const set = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`)) ?? '';
	return set.split(';')[0] ?? '';
}

/** Logs the test maintainer in and returns the session cookie. */
async function logIn(next = '/review'): Promise<string> {
	const response = await post('/login', new URLSearchParams({ ...MAINTAINER, next }));
	expect(response.status).toBe(303);
	return sessionCookie(response);
}

describe('malformed requests get a clear 4xx', () => {
	const boundary = '----pem-test-boundary';
	const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="reason"\r\n\r\nx\r\n--${boundary}--\r\n`;
	it.each([
		{ name: '?/default on a page with named actions', path: '/review?/default', body: 'a=1', status: 400 },
		{ name: '?/__proto__', path: '/corrections/new?/__proto__', body: 'a=1', status: 404 },
		{ name: '?/constructor', path: '/login?/constructor', body: 'a=1', status: 404 },
		{ name: 'an unknown action', path: '/review?/publish', body: 'a=1', status: 404 },
		{ name: 'a default action by name', path: '/login?/default', body: 'a=1', status: 400 },
		{
			name: 'multipart with a boundary that does not match',
			path: '/corrections/new',
			body: multipart,
			type: 'multipart/form-data; boundary=other',
			status: 400
		},
		{ name: 'multipart without a boundary', path: '/login', body: multipart, type: 'multipart/form-data', status: 400 },
		{ name: 'a text/plain body', path: '/corrections/new', body: 'reason=x', type: 'text/plain', status: 415 },
		{
			name: 'a JSON body',
			path: '/review?/approve',
			body: '{"correction_id":1}',
			type: 'application/json',
			status: 415
		},
		{ name: 'no content type', path: '/login', body: 'username=x', type: '', status: 415 }
	])('$name: $status', async ({ path, body, type, status }) => {
		const before = storedCorrections();
		const response = await post(path, body, type === undefined ? {} : { 'content-type': type });
		expect(response.status).toBe(status);
		expect(await response.text()).toMatch(/form/i);
		expect(storedCorrections()).toBe(before);
	});

	// `next` as a form or a browser sends it (decoded), and where the login then goes: always a same-site path.
	it.each([
		{ next: '/€', location: '/%E2%82%AC' },
		{ next: '/\u0000', location: '/' },
		{ next: '/\uFFFD', location: '/%EF%BF%BD' },
		{ next: '/rounds?year=2025', location: '/rounds?year=2025' },
		{ next: '//example.org/x', location: '/review' },
		{ next: '/\\example.org', location: '/review' },
		{ next: '/\n/example.org', location: '/review' },
		{ next: 'https://example.org/', location: '/review' }
	])('login with next=$next goes to $location, logged in or not', async ({ next, location }) => {
		const response = await post('/login', new URLSearchParams({ ...MAINTAINER, next }));
		expect([response.status, response.headers.get('location')]).toEqual([303, location]);
		const cookie = sessionCookie(response);
		const again = await app.fetch(`/login?next=${encodeURIComponent(next)}`, { headers: { cookie } });
		expect([again.status, again.headers.get('location')]).toEqual([303, location]);
	});

	it.each(['/%E2%82%AC', '/%00', '/%FF', '/%'])(
		'GET /login?next=%s for a maintainer redirects (303), never 500',
		async (next) => {
			maintainerCookie ??= await logIn();
			const cookie = maintainerCookie;
			const response = await app.fetch(`/login?next=${next}`, { headers: { cookie } });
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/(?![/\\])/);
		}
	);
});

/** One address of every response family the site serves. */
const families = [
	{ family: 'the overview (no client script)', path: '/' },
	{ family: 'a list page', path: '/rounds?year=2024' },
	{ family: 'a record page', path: '/rounds/2024-12-30-exchange' },
	{ family: 'client-side data', path: '/rounds/__data.json' },
	{ family: 'a page that is never cached', path: '/corrections' },
	{ family: 'the login page', path: '/login' },
	{ family: 'an embed', path: '/embed/cumulative' },
	{ family: 'the API', path: '/api/v1/rounds' },
	{ family: 'the OpenAPI document', path: '/api/v1/openapi.json' },
	{ family: 'a CSV download', path: '/rounds.csv' },
	{ family: 'the SQLite download', path: '/download/dataset.sqlite' },
	{ family: 'an SVG chart', path: '/charts/cumulative.svg' },
	{ family: 'a PNG chart', path: '/charts/cumulative.png' },
	{ family: 'a round card', path: '/rounds/2024-12-30-exchange/card.png' },
	{ family: 'the Atom feed', path: '/changes.atom' },
	{ family: 'a 404 page', path: '/no-such-page' },
	{ family: 'a 400 page', path: '/rounds?year=1900' },
	{ family: 'an API 400', path: '/api/v1/rounds?year=1900' },
	{ family: 'a missing record', path: '/rounds/no-such-round' },
	{ family: 'a path that does not decode', path: '/rounds/%E0%A4%A' }
];

function expectSecurityHeaders(headers: Headers, frameAncestors: string, csp = true) {
	expect(headers.get('x-content-type-options')).toBe('nosniff');
	expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
	expect(headers.get('strict-transport-security')).toBeNull();
	if (csp) expect(headers.get('content-security-policy')).toMatch(new RegExp(`frame-ancestors ${frameAncestors}(;|$)`));
}

describe('security headers', () => {
	it.each(families)('on $family ($path)', async ({ path }) => {
		const response = await app.fetch(path);
		expect(response.status).toBeLessThan(500);
		expectSecurityHeaders(response.headers, path.startsWith('/embed/') ? '\\*' : "'none'");
	});

	it('on pages: a CSP with hashes for any inline script, no unsafe-inline scripts', async () => {
		// Public pages run without the framework's client, so they may have no inline script to hash at all.
		const csp = (await app.fetch('/rounds')).headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).toMatch(/default-src 'self'/);
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	});

	it.each(['/', '/rounds', '/api/v1/rounds'])(
		'on a 304 for %s (without a CSP, so the stored one stays)',
		async (path) => {
			const first = await app.fetch(path);
			const etag = first.headers.get('etag') ?? '';
			const response = await app.fetch(path, { headers: { 'if-none-match': etag } });
			expect(response.status).toBe(304);
			expectSecurityHeaders(response.headers, "'none'", false);
			expect(response.headers.get('content-security-policy')).toBeNull();
		}
	);

	it('on refused posts, redirects and maintainers’ pages', async () => {
		expectSecurityHeaders((await post('/review?/default', 'a=1')).headers, "'none'");
		const cookie = await logIn();
		const review = await app.fetch('/review', { headers: { cookie } });
		expect(review.status).toBe(200);
		expectSecurityHeaders(review.headers, "'none'");
		expectSecurityHeaders((await app.fetch('/login', { headers: { cookie } })).headers, "'none'");
	});

	it('without a preload header a proxy could not buffer: a hydrated maintainer page answers in well under 4 kB of headers', async () => {
		const cookie = await logIn();
		const review = await app.fetch('/review', { headers: { cookie } });
		expect(review.status).toBe(200);
		expect(await review.text()).toContain('/_app/immutable/entry/start.');
		expect(review.headers.get('link')).toBeNull();
		const headerBytes = [...review.headers].reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
		expect(headerBytes).toBeLessThan(2048);
	});

	/** A file of the client build, named in a page. */
	const immutableAsset = async () =>
		/\/_app\/immutable\/[^"]+\.(js|css)/.exec((await app.raw('/rounds')).body.toString())?.[0] ?? '/_app/none';

	it.each([
		{ family: 'a client build file (/_app/immutable)', path: 'immutable', status: 200 },
		{ family: 'a file from static/', path: '/favicon.svg', status: 200 },
		{ family: 'a script from static/', path: '/chart-tooltips.js', status: 200 },
		{ family: 'an unknown build file', path: '/_app/immutable/no-such-file.js', status: 404 },
		{ family: 'the router’s trailing-slash redirect', path: '/rounds/', status: 308 },
		{ family: 'an embed’s trailing-slash redirect', path: '/embed/cumulative/', status: 308, embed: true }
	])('on $family, which SvelteKit’s hooks never see ($status)', async ({ path, status, embed }) => {
		const response = await app.fetch(path === 'immutable' ? await immutableAsset() : path);
		expect(response.status).toBe(status);
		expectSecurityHeaders(response.headers, embed ? '\\*' : "'none'");
	});

	it('on a cross-site form post, refused by SvelteKit before the hooks (403)', async () => {
		const response = await post('/corrections/new', suggestion(), { origin: 'https://elsewhere.example' });
		expect(response.status).toBe(403);
		expectSecurityHeaders(response.headers, "'none'");
	});

	it.each([
		{ name: 'a request line that does not parse', request: 'NOT A REQUEST\r\n\r\n', status: 400 },
		{
			name: 'headers too large',
			request: `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
			status: 431
		}
	])('on $name, refused by Node before any handler ($status)', async ({ request, status }) => {
		const { port, hostname } = new URL(app.origin);
		const answer = await new Promise<string>((done, fail) => {
			let received = '';
			const socket = connect(Number(port), hostname, () => socket.write(request));
			socket.on('data', (chunk) => (received += String(chunk)));
			socket.on('close', () => done(received));
			socket.on('error', fail);
		});
		const [statusLine, ...lines] = answer.split('\r\n');
		expect(statusLine).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
		const headers = new Headers(
			lines
				.filter((line) => line.includes(': '))
				.map((line): [string, string] => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)])
		);
		expectSecurityHeaders(headers, "'none'");
	});

	it('on a static file’s 304 (without a CSP)', async () => {
		const first = await app.fetch('/favicon.svg');
		const response = await app.fetch('/favicon.svg', { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
		expect(response.status).toBe(304);
		expectSecurityHeaders(response.headers, "'none'", false);
	});

	it('adds HSTS when the site is served over https', async () => {
		const https = await startApp({ ORIGIN: 'https://pem.example' });
		try {
			for (const path of ['/', '/api/v1/rounds', '/no-such-page', '/favicon.svg', '/rounds/']) {
				const response = await https.fetch(path);
				expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
			}
		} finally {
			await https.stop();
		}
	}, 60_000);
});

describe('compression', () => {
	const text = [
		'/',
		'/rounds',
		'/rounds/__data.json',
		'/api/v1/rounds',
		'/api/v1/openapi.json',
		'/rounds.csv',
		'/charts/cumulative.svg',
		'/changes.atom',
		'/corrections',
		'/no-such-page'
	];

	it.each(text)('%s: brotli when accepted, gzip otherwise, identical text, Vary: Accept-Encoding', async (path) => {
		const plain = await app.raw(path);
		expect(plain.headers['content-encoding']).toBeUndefined();
		const br = await app.raw(path, { 'accept-encoding': 'gzip, deflate, br' });
		const gz = await app.raw(path, { 'accept-encoding': 'gzip, deflate' });
		expect([br.headers['content-encoding'], gz.headers['content-encoding']]).toEqual(['br', 'gzip']);
		for (const response of [plain, br, gz]) expect(response.headers.vary).toMatch(/Accept-Encoding/i);
		expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
		expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
		if (plain.body.byteLength > 2000) expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
	});

	it('keeps each encoding in the cache entry: a hit sends the stored bytes', async () => {
		const path = '/claims';
		const first = await app.raw(path, { 'accept-encoding': 'br' });
		const hit = await app.raw(path, { 'accept-encoding': 'br' });
		expect([first.headers['x-page-cache'], hit.headers['x-page-cache']]).toEqual(['miss', 'hit']);
		expect(brotliDecompressSync(hit.body).equals(brotliDecompressSync(first.body))).toBe(true);
		expect(hit.headers.etag).toMatch(/\.br"$/);
		const revalidated = await app.raw(path, { 'accept-encoding': 'br', 'if-none-match': String(hit.headers.etag) });
		expect(revalidated.status).toBe(304);
	});

	it('answers a HEAD from the cache, with no body, and never keeps what a HEAD rendered', async () => {
		const head = await app.fetch('/sources', { method: 'HEAD' });
		expect([head.status, head.headers.get('x-page-cache'), (await head.arrayBuffer()).byteLength]).toEqual([
			200,
			null,
			0
		]);
		const get = await app.fetch('/sources');
		expect([get.headers.get('x-page-cache'), (await get.text()).length > 1000]).toEqual(['miss', true]);
		const cachedHead = await app.fetch('/sources', { method: 'HEAD' });
		expect([cachedHead.headers.get('x-page-cache'), (await cachedHead.arrayBuffer()).byteLength]).toEqual(['hit', 0]);
	});

	it('does not compress images or the SQLite file', async () => {
		for (const path of ['/charts/cumulative.png', '/download/dataset.sqlite']) {
			expect((await app.raw(path, { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBeUndefined();
		}
	});

	it('serves static assets precompressed at build time, the client build cached for a year', async () => {
		const html = (await app.raw('/rounds')).body.toString();
		const asset = /\/_app\/immutable\/[^"]+\.(js|css)/.exec(html)?.[0] ?? '';
		expect(asset).not.toBe('');
		const plain = await app.raw(asset);
		for (const [encoding, decode] of [
			['br', brotliDecompressSync],
			['gzip', gunzipSync]
		] as const) {
			const compressed = await app.raw(asset, { 'accept-encoding': encoding });
			expect(compressed.headers['content-encoding']).toBe(encoding);
			expect(compressed.headers.vary).toMatch(/Accept-Encoding/i);
			expect(compressed.headers['cache-control']).toBe('public,max-age=31536000,immutable');
			expect(decode(compressed.body).equals(plain.body)).toBe(true);
		}
		const tooltips = await app.raw('/chart-tooltips.js', { 'accept-encoding': 'br' });
		expect(tooltips.headers['content-encoding']).toBe('br');
	});
});

describe('cache hits answered before routing', () => {
	/** Node's headers minus the date, which differs between two responses. */
	const withoutDate = ({ date: _date, ...headers }: Record<string, unknown>) => headers;

	it.each(['/rounds?year=2024', '/search?q=Medinsky', '/api/v1/rounds'])(
		'%s: the canonical address gets what every other spelling gets from the hooks',
		async (path) => {
			await app.raw(path, { 'accept-encoding': 'br' });
			// A spelling with an escape always goes through the router and the hooks.
			const escaped = path.replace(/^\/(.)/, (_all, first: string) => `/%${first.charCodeAt(0).toString(16)}`);
			// A cached page is compressed quickly first and better in the background, which may land between two
			// requests: the two answers are compared once they send the same bytes (at most a few tries).
			let viaHooks = await app.raw(escaped, { 'accept-encoding': 'br' });
			let fast = await app.raw(path, { 'accept-encoding': 'br' });
			for (let attempt = 0; attempt < 50 && !fast.body.equals(viaHooks.body); attempt += 1) {
				await new Promise((resolve) => setTimeout(resolve, 20));
				viaHooks = await app.raw(escaped, { 'accept-encoding': 'br' });
				fast = await app.raw(path, { 'accept-encoding': 'br' });
			}
			expect([viaHooks.headers['x-page-cache'], fast.headers['x-page-cache']]).toEqual(['hit', 'hit']);
			expect(withoutDate(fast.headers)).toEqual(withoutDate(viaHooks.headers));
			expect(fast.body.equals(viaHooks.body)).toBe(true);
			const revalidated = await app.raw(path, { 'accept-encoding': 'br', 'if-none-match': String(fast.headers.etag) });
			expect(revalidated.status).toBe(304);
		}
	);

	it('a maintainer’s session is never answered from the cache', async () => {
		await app.fetch('/rounds');
		const response = await app.fetch('/rounds', { headers: { cookie: await logIn() } });
		expect(response.headers.get('x-page-cache')).toBeNull();
	});
});

describe('the page cache is bounded', () => {
	it('renders a request with unknown parameters as the page without them, and keeps that', async () => {
		const first = await app.fetch('/claims?year=2025&utm_source=%3Cmark%3Ezzz');
		expect(first.status).toBe(200);
		expect(await first.text()).not.toContain('zzz');
		const canonical = await app.fetch('/claims?year=2025');
		expect(canonical.headers.get('x-page-cache')).toBe('hit');
	});

	it('serves unknown parameters from one entry, and its memory stays bounded', async () => {
		// Warm up first (the canonical pages are cached, the code is compiled), so what is measured is the growth from
		// the requests; a request with unknown parameters is served from its canonical page's entry once there is one.
		for (const path of ['/', '/rounds']) await app.fetch(path);
		for (let i = 0; i < 50; i += 1) await app.fetch(`/search?q=warm${i}`);
		const before = app.residentBytes();
		// 1,000 here against the real server; tests/server/page-cache-memory.test.ts drives 5,000 through the same hook.
		const queries = Array.from({ length: 1000 }, (_, i) =>
			// Unknown parameters (the overview, a list) are served from one entry; `q` is read, so each is its own.
			i % 10 === 0 ? `/search?q=term${i}` : i % 10 === 1 ? `/rounds?cb=${i}` : `/?cb=${i}&utm_source=${i}`
		);
		let next = 0;
		const statuses = new Set<number>();
		const unknownParameterMisses: string[] = [];
		await Promise.all(
			Array.from({ length: 8 }, async () => {
				while (next < queries.length) {
					const response = await app.fetch(queries[next++] ?? '/', { headers: { 'accept-encoding': 'br' } });
					statuses.add(response.status);
					if (response.url.includes('cb=') && response.headers.get('x-page-cache') !== 'hit') {
						unknownParameterMisses.push(response.url);
					}
					await response.arrayBuffer();
				}
			})
		);
		expect([...statuses]).toEqual([200]);
		expect(unknownParameterMisses).toEqual([]);
		// Resident memory is coarse (V8 grows its heap before collecting the renders' garbage), so the allowance is
		// generous; tests/server/page-cache-memory.test.ts measures the cache's own bytes under the same pattern.
		expect(app.residentBytes() - before).toBeLessThan(CACHE_MB * 1024 * 1024 + 96 * 1024 * 1024);
	}, 120_000);
});

describe('seeded bad input over every route and form', () => {
	const SEED = 20_260_601;
	const COUNT = 5000;

	/** Rows that hold what visitors and maintainers submitted: nothing invalid may add to them. */
	function storedRows(statePath: string): Record<string, number> {
		const db = new Database(statePath, { readonly: true });
		try {
			return Object.fromEntries(
				['corrections', 'revisions', 'revision_fields', 'maintainers'].map((table) => [
					table,
					(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
				])
			);
		} finally {
			db.close();
		}
	}

	it(`answers ${COUNT} generated requests with no 5xx and stores nothing`, async () => {
		// Client addresses come from X-Forwarded-For, so that each request is its own client and the rate limits do
		// not answer 429 before the forms are reached.
		const fuzzed = await startApp({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
		try {
			const login = await fuzzed.fetch('/login', {
				method: 'POST',
				body: new URLSearchParams({ ...MAINTAINER, next: '/review' }),
				headers: {
					origin: fuzzed.origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'x-forwarded-for': '10.0.0.1'
				}
			});
			const cookie = sessionCookie(login);
			expect(cookie).toMatch(/=/);
			const before = storedRows(fuzzed.statePath);
			const requests = badRequests(SEED, COUNT, fuzzed.origin, cookie);
			expect(new Set(requests.map((request) => JSON.stringify(request))).size).toBeGreaterThan(COUNT * 0.95);

			const failures: string[] = [];
			const statuses = new Map<number, number>();
			let next = 0;
			await Promise.all(
				Array.from({ length: 8 }, async () => {
					while (next < requests.length) {
						const request = requests[next++];
						if (!request) break;
						const response = await fuzzed.fetch(request.path, {
							method: request.method,
							headers: request.headers,
							body: request.body
						});
						await response.arrayBuffer();
						statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
						if (response.status >= 500) failures.push(`${response.status} ${request.method} ${request.path}`);
					}
				})
			);
			expect(failures).toEqual([]);
			// Sessions may end (a fuzzed logout with the cookie), but nothing else changes.
			expect(storedRows(fuzzed.statePath)).toEqual(before);
			// The inputs reached every kind of answer: pages, refusals of every sort, redirects.
			for (const status of [200, 303, 400, 403, 404, 405, 415]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
		} finally {
			await fuzzed.stop();
		}
	}, 180_000);
});
