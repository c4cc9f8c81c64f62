// Maintainer accounts and their sessions in the state database: login with throttling and logging, idle and absolute expiry.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { preparedFor } from '../db/prepared';
import type { StateDatabase } from '../db/state';
import { decoyHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { LoginThrottle } from './login-throttle';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'pem_session';

export interface Maintainer {
	id: number;
	username: string;
	/** The name shown publicly (on decisions, revisions and the feed); the login name never is. */
	displayName: string;
}

const statements = preparedFor((db: StateDatabase) => ({
	insert: db.prepare<[string, string, string], unknown>(
		'INSERT INTO maintainers (username, password_hash, created_at) VALUES (?, ?, ?)'
	),
	setDisplayName: db.prepare<[string, number], { changes: number }>(
		'UPDATE maintainers SET display_name = ? WHERE id = ?'
	),
	byName: db.prepare<[string], { id: number; username: string; display_name: string; password_hash: string }>(
		'SELECT id, username, display_name, password_hash FROM maintainers WHERE username = ?'
	),
	byDisplayName: db.prepare<[string], { id: number }>('SELECT id FROM maintainers WHERE display_name = ?'),
	setEmail: db.prepare<[string | null, number], unknown>('UPDATE maintainers SET email = ? WHERE id = ?'),
	count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM maintainers'),
	insertSession: db.prepare<[string, number, number, number, number], unknown>(
		'INSERT INTO sessions (id, maintainer_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)'
	),
	session: db.prepare<
		[string],
		{ maintainer_id: number; username: string; display_name: string; last_seen_at: number; expires_at: number }
	>(
		`SELECT s.maintainer_id, m.username, m.display_name, s.last_seen_at, s.expires_at
		 FROM sessions s JOIN maintainers m ON m.id = s.maintainer_id WHERE s.id = ?`
	),
	touch: db.prepare<[number, string], unknown>('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
	deleteSession: db.prepare<[string], unknown>('DELETE FROM sessions WHERE id = ?'),
	deleteExpired: db.prepare<[number, number], unknown>(
		'DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?'
	)
}));

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/i;

export const DISPLAY_NAME_PATTERN = /^\S(?:.{0,58}\S)?$/u;

/** Checks a display name: 2–60 characters, not the login name (which stays private), not another maintainer's. */
function checkDisplayName(state: StateDatabase, displayName: string, username: string, id: number | null): void {
	if (displayName.length < 2 || !DISPLAY_NAME_PATTERN.test(displayName) || /\p{Cc}/u.test(displayName)) {
		throw new Error('A display name is 2–60 characters, without leading or trailing spaces.');
	}
	if (displayName.toLowerCase() === username.toLowerCase()) {
		throw new Error('The display name is public: choose one that is not the login name.');
	}
	const holder = statements(state).byDisplayName.get(displayName);
	if (holder && holder.id !== id) throw new Error(`Another maintainer is already shown as ${displayName}.`);
}

const Email = z.email().max(254);

function checkEmail(email: string): void {
	if (!Email.safeParse(email).success) throw new Error(`${email} is not an email address.`);
}

/**
 * Creates a maintainer; the password is only ever kept as its scrypt hash. Without a display name,
 * the maintainer is shown publicly as "Maintainer <number>". The email (never shown) marks suggestions
 * that give it as this maintainer's own.
 */
export async function addMaintainer(
	state: StateDatabase,
	username: string,
	password: string,
	now: Date,
	displayName: string | null = null,
	email: string | null = null
): Promise<Maintainer> {
	if (!USERNAME_PATTERN.test(username)) {
		throw new Error('A username is 2–40 letters, digits, dots, dashes or underscores.');
	}
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new Error(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
	}
	if (password.length > MAX_PASSWORD_LENGTH)
		throw new Error(`A password has at most ${MAX_PASSWORD_LENGTH} characters.`);
	if (statements(state).byName.get(username)) throw new Error(`The maintainer ${username} already exists.`);
	if (displayName !== null) checkDisplayName(state, displayName, username, null);
	if (email !== null) checkEmail(email);
	const hash = await hashPassword(password);
	return state.transaction(() => {
		const id = Number(statements(state).insert.run(username, hash, now.toISOString()).lastInsertRowid);
		const shown = displayName ?? `Maintainer ${id}`;
		statements(state).setDisplayName.run(shown, id);
		statements(state).setEmail.run(email, id);
		return { id, username, displayName: shown };
	})();
}

/** Sets (or with null, removes) a maintainer's own contact address, for the two-person rule. */
export function setEmail(state: StateDatabase, username: string, email: string | null): void {
	const account = statements(state).byName.get(username);
	if (!account) throw new Error(`There is no maintainer ${username}.`);
	if (email !== null) checkEmail(email);
	statements(state).setEmail.run(email, account.id);
}

/** Changes the name a maintainer is shown by publicly. */
export function setDisplayName(state: StateDatabase, username: string, displayName: string): Maintainer {
	const account = statements(state).byName.get(username);
	if (!account) throw new Error(`There is no maintainer ${username}.`);
	checkDisplayName(state, displayName, account.username, account.id);
	statements(state).setDisplayName.run(displayName, account.id);
	return { id: account.id, username: account.username, displayName };
}

/** How many maintainers the instance has. */
export function maintainerCount(state: StateDatabase): number {
	return statements(state).count.get()?.count ?? 0;
}

/** Failed logins per client, and per account and client (known accounts or not, so throttling reveals nothing). */
const throttle = new LoginThrottle();

export type LoginResult =
	| { ok: true; maintainer: Maintainer; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** A username as it may appear in the log: at most 40 characters, without control characters, quoted. */
const forLog = (username: string) => JSON.stringify(username.slice(0, 40).replace(/\p{C}/gu, '?'));

/**
 * Checks a username and password. Unknown usernames and wrong passwords give the same answer after the
 * same work. A client that keeps failing is made to wait before it is checked again (see LoginThrottle);
 * failures never hold up the right password from a client that has not failed. Failures are logged, never passwords.
 */
export async function logIn(
	state: StateDatabase,
	username: string,
	password: string,
	client: string,
	now: number,
	limits: LoginThrottle = throttle
): Promise<LoginResult> {
	const accountKey = username.toLowerCase();
	const decision = limits.check(accountKey, client, now);
	if (!decision.allowed) {
		console.warn(`login refused for ${forLog(username)} from ${client}: throttled for ${decision.retryAfterSeconds} s`);
		return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	}
	const account = username.length <= 40 ? statements(state).byName.get(username) : undefined;
	const valid =
		password.length <= MAX_PASSWORD_LENGTH &&
		(await verifyPassword(password, account?.password_hash ?? (await decoyHash())));
	if (!account || !valid) {
		const recent = limits.failed(accountKey, client, now);
		console.warn(
			`failed login for ${forLog(username)} from ${client} (${account ? 'wrong password' : 'unknown account'}; ${recent} recent failure(s) for this account)`
		);
		return { ok: false, reason: 'invalid' };
	}
	limits.succeeded(accountKey, client);
	const { token, expiresAt } = createSession(state, account.id, now);
	return {
		ok: true,
		maintainer: { id: account.id, username: account.username, displayName: account.display_name },
		token,
		expiresAt
	};
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh session with a new random token (never reused from before login). */
export function createSession(
	state: StateDatabase,
	maintainerId: number,
	now: number
): { token: string; expiresAt: number } {
	statements(state).deleteExpired.run(now, now - SESSION_IDLE_MS);
	const token = randomBytes(32).toString('base64url');
	const expiresAt = now + SESSION_ABSOLUTE_MS;
	statements(state).insertSession.run(sessionIdOf(token), maintainerId, now, now, expiresAt);
	return { token, expiresAt };
}

/** The maintainer a session token belongs to, or null when it is unknown, idle too long or past its end. */
export function maintainerForSession(state: StateDatabase, token: string, now: number): Maintainer | null {
	const id = sessionIdOf(token);
	const session = statements(state).session.get(id);
	if (!session) return null;
	if (now >= session.expires_at || now - session.last_seen_at >= SESSION_IDLE_MS) {
		statements(state).deleteSession.run(id);
		return null;
	}
	// Writing on every request would make each page view a write; a minute's precision is enough for idle expiry.
	if (now - session.last_seen_at > 60_000) statements(state).touch.run(now, id);
	return { id: session.maintainer_id, username: session.username, displayName: session.display_name };
}

/** Ends a session. */
export function endSession(state: StateDatabase, token: string): void {
	statements(state).deleteSession.run(sessionIdOf(token));
}
