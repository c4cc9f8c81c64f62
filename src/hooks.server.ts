// Server hooks: public GET pages are rendered once per dataset version, then served from memory; every GET gets an ETag and Cache-Control.
import type { Handle } from '@sveltejs/kit';
import { version as appVersion } from '$app/environment';
import { todayIso } from '$lib/server/config';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { PAGE_CACHE_CONTROL, PageCache } from '$lib/server/page-cache';

const cache = new PageCache();

/** Pages and their client-side data (`__data.json`) are cacheable; only successful ones are kept. */
function isCacheable(request: Request, url: URL): boolean {
	return request.method === 'GET' && !url.pathname.startsWith('/_app/');
}

export const handle: Handle = async ({ event, resolve }) => {
	if (!isCacheable(event.request, event.url)) return resolve(event);
	// The application's build is part of the version, so a new release never serves pages rendered by the old one;
	// so is the day, because citations print the date they were read.
	const version = `${appVersion}:${datasetInfo(getDataset()).version}:${todayIso()}`;
	// The request's own URL, not event.url: SvelteKit strips `__data.json` from event.url, and a page and
	// its client-side data must not share a cache entry.
	const requested = new URL(event.request.url);
	const key = requested.pathname + requested.search;
	const etag = PageCache.etagFor(version, key);

	if (event.request.headers.get('if-none-match') === etag) {
		return new Response(null, { status: 304, headers: { etag, 'cache-control': PAGE_CACHE_CONTROL } });
	}
	const cached = cache.get(version, key);
	if (cached) {
		return new Response(cached.body, { status: cached.status, headers: [...cached.headers, ['x-page-cache', 'hit']] });
	}

	const response = await resolve(event);
	if (response.status !== 200) return response;
	const headers = new Headers(response.headers);
	headers.set('etag', etag);
	headers.set('cache-control', PAGE_CACHE_CONTROL);
	// Only text is kept in memory. Binary responses (the SQLite file, chart images and cards, whose PNGs are memoised
	// where they are rendered) pass through, with the same ETag and Cache-Control, so a revalidation still gets a 304.
	const type = response.headers.get('content-type') ?? '';
	if (!/^(text\/|application\/json)/.test(type)) return new Response(response.body, { status: 200, headers });
	const body = await response.text();
	cache.set(version, key, { status: 200, body, etag, headers: [...headers.entries()] });
	headers.set('x-page-cache', 'miss');
	return new Response(body, { status: 200, headers });
};
