// Server hooks: public GET pages are rendered once per dataset version, then served from memory; every GET gets an ETag and Cache-Control.
import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { version as appVersion } from '$app/environment';
import { SESSION_COOKIE, maintainerForSession } from '$lib/server/auth/maintainers';
import { todayIso } from '$lib/server/config';
import { guardSuggestion, isSuggestionPost } from '$lib/server/corrections/guard';
import { ensurePublished, publishTarget } from '$lib/server/corrections/publishing';
import { getState } from '$lib/server/db/state';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { PAGE_CACHE_CONTROL, PageCache } from '$lib/server/page-cache';

const cache = new PageCache();

/** Before the first request: the published dataset must show every decision the state database holds. */
export const init: ServerInit = () => {
	const repair = ensurePublished(getState(), publishTarget());
	if (repair.removed.length > 0) console.warn(`removed files of interrupted builds: ${repair.removed.join(', ')}`);
	if (repair.republished && repair.ok) console.warn('the published dataset was behind the decisions: republished');
	if (repair.republished && !repair.ok) {
		console.error(`the published dataset is behind the decisions and cannot be rebuilt:\n${repair.errors.join('\n')}`);
	}
};

/** Pages that show the state database (corrections, the review queue, login, the health check) are never cached. */
const UNCACHED_PREFIXES = ['/_app/', '/corrections', '/review', '/login', '/logout', '/healthz'];

/**
 * Public pages and their client-side data (`__data.json`) are cacheable; only successful ones are kept.
 * A maintainer's requests bypass the cache, so nothing rendered for them is ever served to anyone else.
 */
function isCacheable(request: Request, url: URL, locals: App.Locals): boolean {
	return (
		request.method === 'GET' &&
		locals.maintainer === null &&
		!UNCACHED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))
	);
}

/** Reads the session cookie: a valid session sets `locals.maintainer`, an expired one is removed. */
const authenticate: Handle = ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.maintainer = token ? maintainerForSession(getState(), token, Date.now()) : null;
	if (token && !event.locals.maintainer) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

/** The suggestion form's size and rate limits, before SvelteKit reads the body. */
const limitSuggestions: Handle = async ({ event, resolve }) => {
	if (isSuggestionPost(event.request, event.url.pathname)) {
		const refused = await guardSuggestion(event.request, event.getClientAddress(), Date.now());
		if (refused) return refused;
	}
	return resolve(event);
};

const cachePages: Handle = async ({ event, resolve }) => {
	if (!isCacheable(event.request, event.url, event.locals)) return resolve(event);
	// The application's build is part of the version, so a new release never serves pages rendered by the old one;
	// so is the day, because citations print the date they were read, and the revision, because /changes lists them.
	const dataset = datasetInfo(getDataset());
	const version = `${appVersion}:${dataset.version}:r${dataset.revision}:${todayIso()}`;
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
	// A response that sets a cookie belongs to one visitor: never shared, never cached.
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	const headers = new Headers(response.headers);
	headers.set('etag', etag);
	headers.set('cache-control', PAGE_CACHE_CONTROL);
	// Only text is kept in memory. Binary responses (the SQLite file, chart images and cards, whose PNGs are memoised
	// where they are rendered) pass through, with the same ETag and Cache-Control, so a revalidation still gets a 304.
	const type = response.headers.get('content-type') ?? '';
	if (!/^(text\/|application\/(json|atom\+xml))/.test(type)) {
		return new Response(response.body, { status: 200, headers });
	}
	const body = await response.text();
	cache.set(version, key, { status: 200, body, etag, headers: [...headers.entries()] });
	headers.set('x-page-cache', 'miss');
	return new Response(body, { status: 200, headers });
};

export const handle: Handle = sequence(authenticate, limitSuggestions, cachePages);
