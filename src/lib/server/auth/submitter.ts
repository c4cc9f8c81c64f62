// The suggesting browser's id: a random httpOnly cookie, kept as a hash with each suggestion and with each maintainer who logs in from it.
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { preparedFor } from '../db/prepared';
import type { StateDatabase } from '../db/state';

export const SUBMITTER_COOKIE = 'pem_submitter';
/** Long enough to outlast a suggestion's review. */
const SUBMITTER_COOKIE_DAYS = 400;

const statements = preparedFor((db: StateDatabase) => ({
	link: db.prepare<[number, string, string], unknown>(
		'INSERT OR IGNORE INTO maintainer_browsers (maintainer_id, submitter_hash, first_seen_at) VALUES (?, ?, ?)'
	)
}));

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

/** The hash of this browser's submitter id, giving the browser one first when it has none (or a malformed one). */
export function submitterHash(cookies: Cookies, url: URL, now: Date): string {
	let id = cookies.get(SUBMITTER_COOKIE) ?? '';
	if (!/^[A-Za-z0-9_-]{43}$/.test(id)) {
		id = randomBytes(32).toString('base64url');
		cookies.set(SUBMITTER_COOKIE, id, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: new Date(now.getTime() + SUBMITTER_COOKIE_DAYS * 24 * 60 * 60 * 1000)
		});
	}
	return hashOf(id);
}

/** Remembers that a maintainer logged in from this browser: its suggestions, before or after, are theirs. */
export function linkBrowser(state: StateDatabase, maintainerId: number, cookies: Cookies, url: URL, now: Date): void {
	statements(state).link.run(maintainerId, submitterHash(cookies, url, now), now.toISOString());
}
