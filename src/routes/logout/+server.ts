// Ends the maintainer's session. POST only, so that a link or an image cannot log anyone out.
import { redirect } from '@sveltejs/kit';
import { endSession, SESSION_COOKIE } from '$lib/server/auth/maintainers';
import { getState } from '$lib/server/db/state';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) endSession(getState(), token);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/');
};
