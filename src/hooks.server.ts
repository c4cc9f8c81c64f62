// Server hooks: the language of the address; public pages served from memory, compressed, before any rendering (and the cache shared with the server
// entry, which answers hits itself); sessions; the checks on form posts (action names, content types, size and rate limits).
import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { version as appVersion } from '$app/environment';
import { SESSION_COOKIE, maintainerForSession } from '$lib/server/auth/maintainers';
import { pageCacheBytes, todayIso } from '$lib/server/config/environment';
import { guardSuggestion } from '$lib/server/corrections/guard';
import { ensurePublished, hasCurrentSchema, publishTarget } from '$lib/server/corrections/publishing';
import { getState } from '$lib/server/db/state';
import { getDataset, type DatasetDatabase } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { sharePageCache } from '$lib/server/http/fast-path';
import { checkFormPost } from '$lib/server/http/form-actions';
import { withoutHydrationMarkers } from '$lib/server/http/hydration-markers';
import { PageCache } from '$lib/server/http/page-cache';
import { isSuggestionPost } from '$lib/server/http/routes';
import { servePages } from '$lib/server/http/serve-pages';
import { paraglideMiddleware } from '$lib/paraglide/server';

const cache = new PageCache(pageCacheBytes());

/** Before the first request: the published dataset must show every decision the state database holds. */
export const init: ServerInit = () => {
	const repair = ensurePublished(getState(), publishTarget());
	if (repair.removed.length > 0) console.warn(`removed files of interrupted builds: ${repair.removed.join(', ')}`);
	if (repair.republished && repair.ok) console.warn('the published dataset was behind the decisions: republished');
	if (repair.republished && !repair.ok) {
		const problem = `the published dataset is behind the decisions and cannot be rebuilt:\n${repair.errors.join('\n')}`;
		// A file of an older schema cannot be served at all (its tables are not the ones the pages query): refuse to
		// start rather than answer every request with an error. A file merely behind the decisions is still served.
		if (!hasCurrentSchema(publishTarget().outPath)) throw new Error(problem);
		console.error(problem);
	}
};

/**
 * The version pages are cached under, named again only when the published file or the day changes: every request
 * asks for it (a cache hit too), and reading the dataset's meta and formatting the date each time cost a hit more than
 * the look-up itself. The file is still checked on every call (getDataset), so a new one is seen at once.
 */
let named: { db: DatasetDatabase; until: number; version: string } | null = null;
function cacheVersion(): string {
	const db = getDataset();
	if (named?.db === db && Date.now() < named.until) return named.version;
	const dataset = datasetInfo(db);
	const day = todayIso();
	// The application's build is part of the version, so a new release never serves pages rendered by the old one;
	// so is the day, because citations print the date they were read, and the revision, because /changes lists them.
	const version = `${appVersion}:${dataset.version}:r${dataset.revision}:${day}`;
	named = { db, until: Date.parse(`${day}T00:00:00Z`) + 86_400_000, version };
	return version;
}

/**
 * The language of the address (`/uk/…`, `/ru/…`, else English) for everything the request renders, and in `<html lang>`;
 * a page that is never hydrated also loses Svelte's hydration markers on the way out.
 * Only the address decides: the configured strategies are the URL and the base language, so the middleware never
 * redirects, and `Accept-Language` changes nothing. The request itself is not replaced by the middleware's de-localised
 * one: routing is done by `reroute` (src/hooks.ts), and the page cache keys on the address as asked, language included.
 */
const language: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html, done }) => withoutHydrationMarkers(html.replace('%lang%', locale), done)
		})
	);

/** Reads the session cookie: a valid session sets `locals.maintainer`, an expired one is removed. */
const authenticate: Handle = ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.maintainer = token ? maintainerForSession(getState(), token, Date.now()) : null;
	if (token && !event.locals.maintainer) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return resolve(event);
};

/** Form posts: a clear 4xx for what no action can read (not counted against the limits), then the suggestion form's limits. */
const checkPosts: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	const malformed = await checkFormPost(event.request, routeId);
	if (malformed) return malformed;
	if (isSuggestionPost(event.request.method, routeId)) {
		const refused = await guardSuggestion(event.request, event.getClientAddress(), Date.now());
		if (refused) return refused;
	}
	return resolve(event);
};

// The production server (src/lib/server/http/node-server.ts) answers hits on canonical addresses before routing, and
// sets the security headers on every response, these hooks' included.
sharePageCache({ cache, version: cacheVersion, sessionCookie: SESSION_COOKIE });

/**
 * SvelteKit lists a hydrated page's scripts and styles in a `link` preload response header. On the maintainers' pages
 * (/review, whose client carries three catalogs' chunks) that header alone is about 3.5 kB, and with the session cookies
 * it outgrows a proxy's default 4 kB header buffer (nginx: 502 "upstream sent too big header"), so it is not sent: the
 * browser finds the same modules through the entry script's imports, a round trip or two later, and the stylesheets
 * through the head's links. Public pages are never hydrated and lose nothing. Innermost, so the page cache never
 * stores the header either.
 */
const withoutPreloadHeader: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.headers.has('link')) response.headers.delete('link');
	return response;
};

export const handle: Handle = sequence(
	language,
	servePages(cache, cacheVersion),
	authenticate,
	checkPosts,
	withoutPreloadHeader
);
