// Maintainers' login: a fresh server-side session in an httpOnly, SameSite=Lax cookie, throttled on failures.
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { logIn, SESSION_COOKIE } from '$lib/server/auth/maintainers';
import { linkBrowser } from '$lib/server/auth/submitter';
import { getState } from '$lib/server/db/state';
import { sameSitePath } from '$lib/server/http/same-site-path';
import type { Actions, PageServerLoad } from './$types';
import { localHref } from '$lib/i18n/addresses';

/**
 * Only a path on this site, percent-encoded: never `//host` or an absolute URL, so login cannot redirect elsewhere.
 * Without one, the review queue in the language of the login page.
 */
const localPath = (value: unknown) => sameSitePath(localHref('/review')).parse(value ?? localHref('/review'));

const LoginForm = z.object({
	username: z.string().trim().min(1).max(100),
	password: z.string().min(1).max(1024)
});

export const load: PageServerLoad = ({ locals, url }) => {
	const next = localPath(url.searchParams.get('next'));
	if (locals.maintainer) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await request.formData();
		// Decided before any session exists, so that a bad `next` can never leave one behind.
		const next = localPath(form.get('next'));
		const username = String(form.get('username') ?? '');
		const parsed = LoginForm.safeParse({ username, password: form.get('password') ?? '' });
		if (!parsed.success) return fail(400, { username, message: m.login_error_invalid() });
		const result = await logIn(getState(), parsed.data.username, parsed.data.password, getClientAddress(), Date.now());
		if (!result.ok && result.reason === 'throttled') {
			return fail(429, {
				username,
				message: m.login_error_throttled({ minutes: Math.ceil(result.retryAfterSeconds / 60) })
			});
		}
		if (!result.ok) return fail(400, { username, message: m.login_error_invalid() });
		// Suggestions sent from this browser, before or after, are this maintainer's: they cannot approve them.
		linkBrowser(getState(), result.maintainer.id, cookies, url, new Date());
		cookies.set(SESSION_COOKIE, result.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			// Secure whenever the site is served over HTTPS (production); plain-HTTP local runs keep working.
			secure: url.protocol === 'https:',
			expires: new Date(result.expiresAt)
		});
		redirect(303, next);
	}
};
