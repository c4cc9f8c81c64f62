// Seeded generator of malformed requests over every route and form: odd paths, queries, bodies, types and headers.
import { seededRandom } from '../../src/lib/seeded-random';

export interface BadRequest {
	method: string;
	/** Path and query exactly as sent (already percent-encoded, or deliberately not). */
	path: string;
	headers: Record<string, string>;
	body?: string;
}

/** Every route of the site, with ids from the valid-data fixture. */
export const ROUTES = [
	'/',
	'/rounds',
	'/rounds/2024-12-30-exchange',
	'/rounds/2024-12-30-exchange.json',
	'/rounds/2024-12-30-exchange/card.png',
	'/rounds.csv',
	'/rounds.json',
	'/claims',
	'/claims/c1',
	'/claims/c1.json',
	'/claims.csv',
	'/claims.json',
	'/claimants',
	'/claimants/k-medinsky',
	'/claimants/k-medinsky.json',
	'/sources',
	'/sources/s-kyiv',
	'/sources/s-kyiv.json',
	'/sources.csv',
	'/search',
	'/changes',
	'/changes.atom',
	'/charts/cumulative.svg',
	'/charts/timeline-people.png',
	'/embed/cumulative',
	'/methodology',
	'/download',
	'/download/dataset.sqlite',
	'/api/v1',
	'/api/v1/rounds',
	'/api/v1/rounds/2024-12-30-exchange',
	'/api/v1/claims',
	'/api/v1/sources',
	'/api/v1/claimants',
	'/api/v1/claimants/k-medinsky',
	'/api/v1/totals',
	'/api/v1/openapi.json',
	'/corrections',
	'/corrections/1',
	'/corrections/new',
	'/corrections/new-exchange',
	'/review',
	'/login',
	'/logout'
];

/** The routes with forms, and the action names they have (an empty name is the default action). */
export const FORMS: Record<string, string[]> = {
	'/corrections/new': [''],
	'/corrections/new-exchange': ['send', 'add'],
	'/login': [''],
	'/review': ['approve', 'reject', 'revert'],
	'/logout': ['']
};

const PARAMETERS = [
	'q',
	'kind',
	'year',
	'status',
	'mediator',
	'sort',
	'page',
	'statement',
	'limit',
	'cursor',
	'entity',
	'id',
	'next',
	'submitted',
	'x-sveltekit-invalidated',
	'x-sveltekit-trailing-slash',
	'__proto__',
	'constructor',
	'cb'
];

const VALUES = [
	'',
	' ',
	'%',
	'%E0%A4%A',
	'%00',
	'%FF',
	'%2F..%2F',
	'é',
	'€',
	'𝕏',
	'\u202e',
	'-1',
	'0',
	'1e309',
	'99999999999999999999',
	'NaN',
	'null',
	'[]',
	'{"a":1}',
	'<script>alert(1)</script>',
	'"\'`',
	'../../etc/passwd',
	'//example.org',
	'https://example.org/',
	'javascript:alert(1)',
	'*',
	'OR 1=1 --',
	'NEAR(a b',
	'"unbalanced',
	'a AND OR NOT',
	// API cursors: a version with no payload, a payload that is not JSON, JSON of the wrong shape, a forged key.
	'000000000000.',
	'0123456789ab.bm90IGpzb24',
	'0123456789ab.eyJhIjoxfQ',
	'0123456789ab.WyJyb3VuZHM6ZGF0ZV9kZXNjIiwiMjAyNS0wMS0wMSIsbnVsbF0',
	'2025',
	'2024-12-30-exchange',
	'c1',
	'claim',
	'disputed',
	'date_asc',
	'x'.repeat(300),
	'y'.repeat(5000)
];

const CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'application/x-www-form-urlencoded; charset=latin1',
	'multipart/form-data; boundary=fuzz',
	'multipart/form-data; boundary=other',
	'multipart/form-data',
	'multipart/form-data; boundary=',
	'text/plain',
	'text/plain; charset=utf-8',
	'application/json',
	'application/xml',
	'application/octet-stream',
	'image/png',
	'',
	'nonsense',
	'*/*'
];

const ACTIONS = [
	'',
	'?/default',
	'?/__proto__',
	'?/constructor',
	'?/toString',
	'?/hasOwnProperty',
	'?/approve',
	'?/reject',
	'?/revert',
	'?/send',
	'?/add',
	'?/',
	'?/%00',
	'?/a/b',
	'?//',
	'?/APPROVE',
	'?/approve&/reject'
];

/**
 * Form fields, of every form. `password` is left out: a login with one costs a deliberately slow scrypt, and
 * tests/server/auth.test.ts covers wrong passwords; without it the login form still meets every other bad input.
 */
const FIELDS = [
	'kind',
	'entity',
	'record_id',
	'field:number',
	'field:__proto__',
	'reason',
	'evidence',
	'contact_email',
	'website',
	'username',
	'next',
	'correction_id',
	'note',
	'source:url',
	'round.date',
	'round.kind',
	'round.parent_id',
	's1.number',
	's1.source.url',
	's12.claimant',
	's99.note',
	'seen_duplicates',
	'__proto__',
	'constructor[prototype]',
	''
];

export function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)] as T;
}

/** Percent-encodes some characters of a path (as a browser never would), or breaks its encoding. */
function respell(random: () => number, path: string): string {
	const chars = [...path].map((char) => {
		const r = random();
		if (char === '/' || r > 0.3) return char;
		const hex = [...Buffer.from(char)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
		return r < 0.15 ? hex.toUpperCase() : hex;
	});
	const spelled = chars.join('');
	return pick(random, [
		spelled,
		spelled,
		`${spelled}/`,
		`${spelled}//`,
		spelled.replace(/\//g, '//'),
		`${spelled}/%`,
		`${spelled}%E0%A4%A`,
		`${spelled}/%2e%2e/%2e%2e/etc/passwd`,
		`${spelled}/__data.json`,
		`${spelled}%2F`,
		`${spelled}%252F`,
		`${spelled};jsessionid=1`,
		`${spelled}/${'a'.repeat(2000)}`,
		spelled.toUpperCase(),
		`${spelled}/%00`,
		`${spelled}.json`
	]);
}

function query(random: () => number): string {
	const parts: string[] = [];
	const count = Math.floor(random() * 4);
	for (let i = 0; i < count; i += 1) {
		const name = pick(random, PARAMETERS);
		const value = pick(random, VALUES);
		// Sometimes raw (possibly broken) escapes, sometimes properly encoded.
		parts.push(random() < 0.4 ? `${name}=${value}` : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

function formBody(random: () => number, type: string): string {
	const fields: [string, string][] = [];
	const count = Math.floor(random() * 6);
	for (let i = 0; i < count; i += 1) fields.push([pick(random, FIELDS), pick(random, VALUES)]);
	// A suggestion is never complete: no reason, so nothing can be stored whatever else is sent.
	const kept = fields.filter(([name]) => name !== 'reason');
	if (type.startsWith('multipart/')) {
		const boundary = random() < 0.7 ? 'fuzz' : 'mismatch';
		const parts = kept.map(
			([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
		);
		return random() < 0.2 ? parts.join('') : `${parts.join('')}--${boundary}--\r\n`;
	}
	if (type.startsWith('application/json')) {
		return random() < 0.5 ? JSON.stringify(Object.fromEntries(kept)) : '{"broken":';
	}
	if (random() < 0.2) return pick(random, VALUES);
	return kept
		.map(([name, value]) =>
			random() < 0.3 ? `${name}=${value}` : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
		)
		.join('&');
}

/**
 * `count` malformed requests from `seed`: GETs with odd queries and spellings, posts of every content type to forms
 * and to routes without forms, odd action names and methods. `cookie` (a maintainer's session) goes on some of them,
 * so the review actions are reached too; each comes from its own client address, so the rate limits do not hide
 * the actions behind 429s.
 */
export function badRequests(seed: number, count: number, origin: string, cookie: string): BadRequest[] {
	const random = seededRandom(seed);
	const requests: BadRequest[] = [];
	for (let i = 0; i < count; i += 1) {
		const headers: Record<string, string> = {
			'x-forwarded-for': `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`
		};
		if (random() < 0.3)
			headers.cookie = random() < 0.7 ? cookie : `pem_session=${pick(random, VALUES).replace(/[^\x21-\x7e]/g, '')}`;
		if (random() < 0.3)
			headers.accept = pick(random, ['application/json', 'text/html', '*/*', 'image/png', 'nonsense']);
		if (random() < 0.3)
			headers['accept-encoding'] = pick(random, ['br', 'gzip', 'br;q=0, gzip;q=0', 'identity', 'zstd', '*', 'x;q=abc']);
		if (random() < 0.2) headers['if-none-match'] = pick(random, ['*', '"x"', 'W/"x"', '"', '""', 'garbage']);
		const kind = random();
		if (kind < 0.45) {
			requests.push({
				method: pick(random, ['GET', 'GET', 'GET', 'HEAD']),
				path: respell(random, pick(random, ROUTES)) + query(random),
				headers
			});
			continue;
		}
		if (kind < 0.9) {
			const formRoutes = Object.keys(FORMS);
			const path = random() < 0.8 ? pick(random, formRoutes) : pick(random, ROUTES);
			const type = pick(random, CONTENT_TYPES);
			if (type) headers['content-type'] = type;
			headers.origin = random() < 0.9 ? origin : pick(random, ['null', 'https://example.org', origin.toUpperCase()]);
			const spelled = random() < 0.3 ? respell(random, path) : path;
			requests.push({ method: 'POST', path: spelled + pick(random, ACTIONS), headers, body: formBody(random, type) });
			continue;
		}
		headers.origin = origin;
		requests.push({
			method: pick(random, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']),
			path: pick(random, ROUTES) + query(random),
			headers,
			body: random() < 0.5 ? 'a=1' : undefined
		});
	}
	return requests;
}
