// Ends the maintainer's session: only a form posted from this site, so that no link, image, script or other site can log anyone out.
import { redirect } from '@sveltejs/kit';
import { endSession, SESSION_COOKIE } from '$lib/server/auth/maintainers';
import { getState } from '$lib/server/db/state';
import type { RequestHandler } from './$types';
import { localHref } from '$lib/i18n/addresses';

/** What an HTML form sends; anything else (JSON, text, no body type) is not the logout button. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

const refuse = (status: 403 | 415, message: string) =>
	new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export const POST: RequestHandler = ({ request, url, cookies }) => {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return refuse(415, 'Log out with the form on this site.');
	// Browsers send Origin with every form post; a missing or "null" one is not our page.
	if (request.headers.get('origin') !== url.origin) return refuse(403, 'Log out from a page of this site.');
	const token = cookies.get(SESSION_COOKIE);
	if (token) endSession(getState(), token);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, localHref('/'));
};
