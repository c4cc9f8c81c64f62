// Page-cache hits answered on node:http before SvelteKit sees the request: the hooks' cache, their bytes and headers.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { negotiateEncoding, type ContentEncoding } from './compression';
import type { CachedPage, PageCache } from './page-cache';
import { cachedPageHeaders, etagMatches, notModifiedHeaders, type CacheLabel } from './responses';
import { securityHeaders } from './security-headers';

/** What the hooks hand to the server entry: their cache, how they name the current version, the session cookie. */
export interface SharedPageCache {
	cache: PageCache;
	version: () => string;
	sessionCookie: string;
}

/**
 * The server entry and SvelteKit's server are bundled apart, so one cache instance is handed over on a global
 * registered under a symbol (one per process, whichever bundle asks).
 */
const REGISTRY = Symbol.for('prisoner-exchange-monitor.page-cache');
type Registry = { [REGISTRY]?: SharedPageCache };

export function sharePageCache(shared: SharedPageCache): void {
	(globalThis as Registry)[REGISTRY] = shared;
}

/**
 * A request target that can be a cache key as written: a path with its query, printable ASCII without `%`. A key
 * is the decoded path and the route's parameters as URLSearchParams writes them, sorted, so a target spelled exactly
 * like a key that is in the cache is that key (the same path, so the same route, and the same parameters); every
 * other spelling (escapes, unknown or unsorted parameters) goes to the router and the hooks, which normalise it.
 */
const PLAIN_TARGET = /^\/[\x21-\x24\x26-\x7e]*$/;

/** Where a response goes, as far as its security headers depend on it. */
export interface Destination {
	embed: boolean;
	https: boolean;
}

/**
 * The complete head of a hit, security headers included: made once for each page, encoding and destination, and
 * again when the body it describes is replaced (a better compression).
 */
const prepared = new WeakMap<CachedPage, Map<string, { body: Buffer; headers: OutgoingHttpHeaders }>>();

function headersFor(
	page: CachedPage,
	encoding: ContentEncoding | null,
	body: Buffer,
	to: Destination,
	label: CacheLabel
) {
	let made = prepared.get(page);
	if (!made) prepared.set(page, (made = new Map()));
	const key = `${encoding}:${to.embed}:${to.https}:${label}`;
	const found = made.get(key);
	if (found?.body === body) return found.headers;
	const headers: OutgoingHttpHeaders = Object.fromEntries(cachedPageHeaders(page, encoding, label, body.byteLength));
	const csp = headers['content-security-policy'];
	for (const [name, value] of securityHeaders({
		status: page.status,
		csp: typeof csp === 'string' ? csp : null,
		...to
	})) {
		headers[name] = value;
	}
	made.set(key, { body, headers });
	return headers;
}

/**
 * The version the hooks name, asked once per turn of the event loop and shared by the requests read in that turn:
 * naming it stats the published file (a new file is a new version) and formats the day, which cost more than the rest
 * of a hit. A request read in a later turn (any request sent after an answer to an earlier one) asks again, so a
 * publication is seen by the same requests as before.
 */
let versionThisTurn: string | null = null;
function currentVersion(shared: SharedPageCache): string {
	if (versionThisTurn === null) {
		versionThisTurn = shared.version();
		setImmediate(() => (versionThisTurn = null));
	}
	return versionThisTurn;
}

/**
 * negotiateEncoding's answer for each Accept-Encoding header seen (clients send a handful: a browser always sends the
 * same one), kept for at most 64 headers so that a client sending a new one each time cannot grow it.
 */
const negotiated = new Map<string, ContentEncoding | null>();
function encodingFor(acceptEncoding: string | undefined): ContentEncoding | null {
	if (acceptEncoding === undefined) return null;
	let encoding = negotiated.get(acceptEncoding);
	if (encoding === undefined) {
		encoding = negotiateEncoding(acceptEncoding);
		if (negotiated.size >= 64) negotiated.clear();
		negotiated.set(acceptEncoding, encoding);
	}
	return encoding;
}

/**
 * Answers a public GET or HEAD whose target is a cached page, in an encoding already compressed, exactly as the hooks
 * answer a hit (headers, ETag, 304, Vary), with the security headers every response gets (`securityHeaders`, for
 * `to`); returns false, having written nothing, for anything else. A request that
 * carries the session cookie, or before the hooks have shared their cache, always goes through SvelteKit.
 */
export function answerFromCache(request: IncomingMessage, response: ServerResponse, to: Destination): boolean {
	const { method, url } = request;
	if ((method !== 'GET' && method !== 'HEAD') || url === undefined || !PLAIN_TARGET.test(url)) return false;
	const shared = (globalThis as Registry)[REGISTRY];
	if (!shared || request.headers.cookie?.includes(`${shared.sessionCookie}=`)) return false;
	const version = currentVersion(shared);
	const fresh = shared.cache.get(version, url);
	// While the hooks render a page of a new version, its previous version's page is sent (see PageCache).
	const page = fresh ?? (method === 'GET' ? shared.cache.stalePage(version, url) : undefined);
	if (!page) return false;
	const encoding = method === 'HEAD' ? null : encodingFor(request.headers['accept-encoding']);
	const ifNoneMatch = request.headers['if-none-match'];
	if (etagMatches(ifNoneMatch ?? null, page.etag)) {
		const headers = notModifiedHeaders(page.etag, encoding);
		for (const [name, value] of securityHeaders({ status: 304, csp: null, ...to })) headers[name] = value;
		response.writeHead(304, headers).end();
		return true;
	}
	// A body not compressed yet is made (and kept) by the hooks.
	const body = encoding ? page.bodies[encoding] : page.bodies.identity;
	if (!body) return false;
	response.writeHead(page.status, headersFor(page, encoding, body, to, fresh ? 'hit' : 'stale')).end(body);
	return true;
}
