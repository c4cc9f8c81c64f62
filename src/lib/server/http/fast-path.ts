// Page-cache hits answered on node:http before SvelteKit sees the request: the hooks' cache, their bytes and headers.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { negotiateEncoding, type ContentEncoding } from './compression';
import type { CachedPage, PageCache } from './page-cache';
import { cachedPageHeaders, etagMatches, notModifiedHeaders } from './responses';

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

/** Node's headers for each cached page and encoding, made once for each body sent (a better compression replaces it). */
const prepared = new WeakMap<CachedPage, Map<ContentEncoding | null, { body: Buffer; headers: OutgoingHttpHeaders }>>();

function headersFor(page: CachedPage, encoding: ContentEncoding | null, body: Buffer): OutgoingHttpHeaders {
	let byEncoding = prepared.get(page);
	if (!byEncoding) prepared.set(page, (byEncoding = new Map()));
	const made = byEncoding.get(encoding);
	if (made?.body === body) return made.headers;
	const headers = Object.fromEntries(cachedPageHeaders(page, encoding, 'hit', body.byteLength));
	byEncoding.set(encoding, { body, headers });
	return headers;
}

/**
 * Answers a public GET or HEAD whose target is a cached page, in an encoding already compressed, exactly as the hooks
 * answer a hit (headers, ETag, 304, Vary); returns false, having written nothing, for anything else. A request that
 * carries the session cookie, or before the hooks have shared their cache, always goes through SvelteKit.
 */
export function answerFromCache(request: IncomingMessage, response: ServerResponse): boolean {
	const { method, url } = request;
	if ((method !== 'GET' && method !== 'HEAD') || url === undefined || !PLAIN_TARGET.test(url)) return false;
	const shared = (globalThis as Registry)[REGISTRY];
	if (!shared || request.headers.cookie?.includes(`${shared.sessionCookie}=`)) return false;
	const version = shared.version();
	const page = shared.cache.get(version, url);
	if (!page) return false;
	const encoding = method === 'HEAD' ? null : negotiateEncoding(request.headers['accept-encoding'] ?? null);
	const ifNoneMatch = request.headers['if-none-match'];
	if (etagMatches(ifNoneMatch ?? null, page.etag)) {
		response.writeHead(304, notModifiedHeaders(page.etag, encoding)).end();
		return true;
	}
	// A body not compressed yet is made (and kept) by the hooks.
	const body = encoding ? page.bodies[encoding] : page.bodies.identity;
	if (!body) return false;
	response.writeHead(page.status, headersFor(page, encoding, body)).end(body);
	return true;
}
