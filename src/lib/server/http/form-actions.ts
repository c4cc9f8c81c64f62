// Checks a form post before SvelteKit runs the action: a known action name, a form content type, a body that parses.
import { json, text } from '@sveltejs/kit';

/** The accepted media types. SvelteKit also passes `text/plain` to actions, which our forms never send. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** The pages' action names by route id, read from the modules themselves so the list cannot drift. */
const pageServers = import.meta.glob<{ actions?: Record<string, unknown> }>('/src/routes/**/+page.server.ts');
const actionsByRoute = new Map(
	Object.entries(pageServers).map(([file, load]) => [
		file.replace(/^\/src\/routes/, '').replace(/\/\+page\.server\.ts$/, '') || '/',
		load
	])
);

/**
 * The action a post asks for, the way SvelteKit reads it: the first query parameter starting with `/`, or `default`.
 * `explicit` says whether the name was given (SvelteKit refuses an explicit `?/default` with an error).
 */
export function requestedAction(url: URL): { name: string; explicit: boolean } {
	for (const [param] of url.searchParams) {
		if (param.startsWith('/')) return { name: param.slice(1), explicit: true };
	}
	return { name: 'default', explicit: false };
}

/** The answer to a refused post: JSON for enhanced forms (which ask for it), plain text otherwise. */
function refuse(request: Request, status: number, message: string): Response {
	const wantsJson = /^application\/json\b/.test(request.headers.get('accept') ?? '');
	return wantsJson ? json({ type: 'error', error: { message } }, { status }) : text(message, { status });
}

/**
 * Null when a POST to a page may go on to its action; otherwise a 4xx answer. Without this, an unknown or reserved
 * action name (`?/default`, `?/__proto__`), a `text/plain` body or a malformed multipart body reach SvelteKit or the
 * action as an exception, answered 500. Pages without actions are left to SvelteKit, which answers 405.
 */
export async function checkFormPost(request: Request, routeId: string | null): Promise<Response | null> {
	const load = routeId === null ? undefined : actionsByRoute.get(routeId);
	if (request.method !== 'POST' || !load) return null;
	const actions = (await load()).actions;
	if (!actions) return null;

	const { name, explicit } = requestedAction(new URL(request.url));
	if (explicit && name === 'default') return refuse(request, 400, 'The form action name "default" is reserved.');
	if (!Object.hasOwn(actions, name)) return refuse(request, 404, `This page has no form action named "${name}".`);

	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.has(type)) {
		return refuse(request, 415, 'A form must be sent as application/x-www-form-urlencoded or multipart/form-data.');
	}
	try {
		await request.clone().formData();
	} catch {
		return refuse(request, 400, 'The form data could not be read: the body does not match its content type.');
	}
	return null;
}
