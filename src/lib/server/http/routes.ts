// How the hooks see a request: by the route the router matched and the path as it decodes it, never the raw spelling.
import { RoundFilters } from '$lib/schemas/round-filters';
import { SearchParams } from '$lib/schemas/search';
import { StatementFilters, StatementPageQuery } from '$lib/schemas/statement-filters';
import { ApiPaging } from '$lib/schemas/api-paging';
import { decodedPath } from './paths';

/**
 * Routes that show the state database (corrections, the review queue, login, logout, the health check): never
 * cached. Compared with the matched route id, so `/%63orrections/new` or `/corrections/ne%77` are the same route as `/corrections/new`.
 */
const PRIVATE_ROUTES = ['/corrections', '/review', '/login', '/logout', '/healthz'];

export function isPrivateRoute(routeId: string | null): boolean {
	return routeId !== null && PRIVATE_ROUTES.some((prefix) => routeId === prefix || routeId.startsWith(`${prefix}/`));
}

/**
 * The downloads of the lists, whose bodies are streamed and grow with the dataset: kept in the page cache only while
 * they are small (see `storeOrStream`).
 */
const STREAMED_ROUTES = [
	'/rounds.[format=download]',
	'/claims.[format=download]',
	'/sources.[format=download]',
	'/totals.[format=download]'
];

export function isStreamedRoute(routeId: string | null): boolean {
	return routeId !== null && STREAMED_ROUTES.includes(routeId);
}

/** The suggestion forms' routes (one record; a new exchange as a whole): their posts get the size and rate limits. */
export const SUGGESTION_ROUTE = '/corrections/new';
export const SUGGESTION_ROUTES: readonly string[] = [SUGGESTION_ROUTE, '/corrections/new-exchange'];

export function isSuggestionPost(method: string, routeId: string | null): boolean {
	return method === 'POST' && routeId !== null && SUGGESTION_ROUTES.includes(routeId);
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);

/**
 * The query parameters each cacheable route reads. Any other parameter changes nothing on the page, so it is left
 * out of the cache key: `/?cb=1`, `/?cb=2`… are all the overview. A route that starts reading a parameter must be
 * listed here (tests/unit/http-routes.test.ts checks every route that reads `searchParams` is).
 */
export const QUERY_PARAMETERS: Record<string, readonly string[]> = {
	'/rounds': keysOf(RoundFilters),
	'/rounds.[format=download]': keysOf(RoundFilters),
	'/api/v1/rounds': [...keysOf(RoundFilters), ...keysOf(ApiPaging)],
	'/totals.[format=download]': keysOf(RoundFilters),
	'/api/v1/totals': keysOf(RoundFilters),
	'/claims': keysOf(StatementPageQuery),
	'/claims.[format=download]': keysOf(StatementFilters),
	'/api/v1/claims': [...keysOf(StatementFilters), ...keysOf(ApiPaging)],
	'/api/v1/sources': keysOf(ApiPaging),
	'/claimants': ['page'],
	'/claimants/[id]': ['page', 'record_page'],
	'/api/v1/claimants': keysOf(ApiPaging),
	'/charts/[chart=chart]': ['page'],
	'/search': keysOf(SearchParams),
	'/sources': ['page'],
	'/changes': ['page']
};

/** SvelteKit's own parameters on client-side data requests (`__data.json`), which change their response. */
const DATA_REQUEST_PARAMETERS = ['x-sveltekit-invalidated', 'x-sveltekit-trailing-slash'];

export interface CacheKey {
	/** The decoded path and the parameters the route reads, sorted, last value of each (as the pages parse them). */
	key: string;
	/** False when the request has parameters the route does not read, or one of them twice. */
	canonical: boolean;
	/** The query string the page sees once the others are dropped (without SvelteKit's own data-request parameters). */
	search: string;
}

/**
 * The cache key of a GET for a route. `requestUrl` is the request's own URL: SvelteKit strips `__data.json` from
 * `event.url`, and a page and its client-side data must not share an entry.
 */
export function cacheKey(requestUrl: URL, routeId: string, isDataRequest: boolean): CacheKey | null {
	const path = decodedPath(requestUrl.pathname);
	if (path === null) return null;
	const read = new Set([...(QUERY_PARAMETERS[routeId] ?? []), ...(isDataRequest ? DATA_REQUEST_PARAMETERS : [])]);
	const kept = new Map<string, string>();
	let canonical = true;
	for (const [name, value] of requestUrl.searchParams) {
		if (!read.has(name) || kept.has(name)) canonical = false;
		if (read.has(name)) kept.set(name, value);
	}
	const sorted = [...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const query = new URLSearchParams(sorted).toString();
	const search = new URLSearchParams(sorted.filter(([name]) => !DATA_REQUEST_PARAMETERS.includes(name))).toString();
	return { key: query ? `${path}?${query}` : path, canonical, search: search ? `?${search}` : '' };
}
