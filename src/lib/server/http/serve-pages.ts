// The hook that answers public GETs from the page cache before any rendering, and compresses every text response.
import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/maintainers';
import { isCompressible, negotiateEncoding } from './compression';
import { PAGE_CACHE_CONTROL, PageCache } from './page-cache';
import { compressed, etagMatches, fromCache, notModified, storeAndServe, storeOrStream } from './responses';
import { cacheKey, isPrivateRoute, isStreamedRoute } from './routes';

/**
 * The largest streamed download kept whole in the page cache, in bytes (1 MiB): every download of the real dataset
 * fits, so they are served like pages; at scale the long ones are streamed and never held whole.
 */
export const STREAMED_CACHE_LIMIT = 1024 * 1024;

/**
 * Public GETs and HEADs (the route is not private, and no session cookie is sent) are answered from `cache` before
 * authentication, loads or rendering; a miss is rendered, kept and compressed. Every other text response is
 * compressed on the fly. Routes are decided on the matched route, so no spelling of a path changes the decision.
 * `version` names the current dataset version: a new one empties the cache.
 */
export function servePages(cache: PageCache, version: () => string): Handle {
	return async ({ event, resolve }) => {
		const { request } = event;
		const encoding = request.method === 'HEAD' ? null : negotiateEncoding(request.headers.get('accept-encoding'));
		const routeId = event.route.id;
		const read = request.method === 'GET' || request.method === 'HEAD';
		const publicGet = read && routeId !== null && !isPrivateRoute(routeId) && !event.cookies.get(SESSION_COOKIE);
		const key = publicGet && routeId ? cacheKey(new URL(request.url), routeId, event.isDataRequest) : null;
		if (!key) return compressed(await resolve(event), encoding);

		const current = version();
		const etag = PageCache.etagFor(current, key.key);
		if (etagMatches(request.headers.get('if-none-match'), etag)) return notModified(etag, encoding);
		const cached = cache.get(current, key.key);
		if (cached) return fromCache(cache, current, key.key, cached, encoding, 'hit');
		// After a publication makes the cache stale, every reader of a page would otherwise render it at once: the first
		// renders, the others are sent the previous version's page meanwhile (or, when there is none, wait for the render
		// and are sent what it kept).
		const pending = cache.rendering(current, key.key);
		if (pending) {
			const stale = request.method === 'GET' ? cache.stalePage(current, key.key) : undefined;
			if (stale) return fromCache(cache, current, key.key, stale, encoding, 'stale');
			await pending;
			const rendered = cache.get(current, key.key);
			if (rendered) return fromCache(cache, current, key.key, rendered, encoding, 'hit');
		}

		// A HEAD is answered from the cache (Node sends no body), but what it renders is never kept.
		if (request.method === 'HEAD') return resolve(event);
		// A request with parameters the page does not read is rendered as the page's own address, so what it renders
		// (links that keep the query, say) is the canonical page, and it is kept under the canonical key.
		if (!key.canonical) event.url.search = key.search;
		const render = (async () => {
			const response = await resolve(event);
			// A response that sets a cookie belongs to one visitor: never shared, never cached.
			if (response.status !== 200 || response.headers.has('set-cookie')) return compressed(response, encoding);
			if (isStreamedRoute(routeId)) {
				return storeOrStream(cache, current, key.key, etag, response, encoding, STREAMED_CACHE_LIMIT);
			}
			if (isCompressible(response.headers.get('content-type'))) {
				return storeAndServe(cache, current, key.key, etag, response, encoding);
			}
			// Binary responses (the SQLite file, chart images and cards, whose PNGs are memoised where they are rendered)
			// are not kept here, but carry the same ETag and Cache-Control, so a revalidation still gets a 304.
			const headers = new Headers(response.headers);
			headers.set('etag', etag);
			headers.set('cache-control', PAGE_CACHE_CONTROL);
			return compressed(new Response(response.body, { status: 200, headers }), encoding);
		})();
		cache.renderInFlight(
			current,
			key.key,
			render.catch(() => undefined)
		);
		return render;
	};
}
