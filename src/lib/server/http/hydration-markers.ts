// Svelte's hydration markers taken out of pages that are never hydrated: a few kilobytes of comments per page.
/**
 * The comments Svelte's server renderer writes for the client to hydrate against: block starts and ends
 * (`<!--[-->`, `<!--[1-->`, `<!--[-1-->`, `<!--]-->`), empty anchors (`<!---->`) and the head's component hashes
 * (`<!--1uha8ag-->`). Nothing else in a page is a comment (data is always escaped), so nothing else matches.
 */
const HYDRATION_MARKER = /<!--(?:\[-?\d*|\]|[a-z0-9]*)-->/g;

/** The page's client script: a page that has it is hydrated, and keeps its markers. */
const CLIENT_START = '__sveltekit_';

/**
 * A finished page without SvelteKit's client (every public page: `csr = false`) loses its hydration markers; a page
 * that will be hydrated, or a chunk of a page still streaming, is left as it is.
 */
export function withoutHydrationMarkers(html: string, done: boolean): string {
	if (!done || html.includes(CLIENT_START)) return html;
	return html.replace(HYDRATION_MARKER, '');
}
