// Universal hooks: every page's address in Ukrainian or Russian (`/uk/…`, `/ru/…`) is routed to the page written for it.
import type { Reroute } from '@sveltejs/kit';
import { isLanguageNeutral, withoutLocale } from '$lib/i18n/addresses';

/**
 * The route of a language's address is its path without the prefix; the request keeps its own URL, so the language,
 * the cache key and the canonical address stay those of the address asked for. Paraglide's `deLocalizeUrl` is not
 * used here because it also strips `/en`, which would give every English page a second address. The addresses that
 * exist in one language only (the API, the downloads) are not rerouted: under a prefix they are not found.
 */
export const reroute: Reroute = ({ url }) => {
	const path = withoutLocale(url.pathname);
	return path === url.pathname || isLanguageNeutral(path) ? url.pathname : path;
};
