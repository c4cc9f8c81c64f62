// A request's path as the router decodes it: shared by the hooks and the production server entry, which runs before the router.
import { withoutLocale } from '../../i18n/addresses';

/**
 * The path as the router matches it: percent-decoded except `%25` (SvelteKit's `decode_pathname`), so every
 * spelling of one path is one key. Null when it does not decode (the router answers those itself).
 */
export function decodedPath(pathname: string): string | null {
	try {
		return pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return null;
	}
}

/**
 * Embeds (`/embed/<chart>`, in every language: `/uk/embed/<chart>`) are made to be framed by any site; nothing else
 * may be framed.
 */
export function isEmbedPath(pathname: string): boolean {
	const path = decodedPath(pathname);
	return path !== null && withoutLocale(path).startsWith('/embed/');
}
