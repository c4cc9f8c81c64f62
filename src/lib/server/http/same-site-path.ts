// Where a form may send the visitor next: a path on this site, percent-encoded, never another origin.
import { z } from 'zod';

const SAME_SITE = 'http://same-site.invalid';

/**
 * A same-site path with its query, percent-encoded so it is always a valid Location header (`/€`, `%00` or `%FF` in
 * `next` once answered 500); anything that resolves to another origin (`//host`, `/\host`, `https://…`) gives `fallback`.
 */
export function sameSitePath(fallback: string) {
	return z
		.unknown()
		.transform((value) => {
			if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
			const url = URL.canParse(value, SAME_SITE) ? new URL(value, SAME_SITE) : null;
			return url && url.origin === SAME_SITE ? url.pathname + url.search : fallback;
		})
		.pipe(z.string());
}
