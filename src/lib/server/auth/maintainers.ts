// Maintainer accounts and their sessions in the state database: login with throttling, idle and absolute expiry.
import { createHash, randomBytes } from 'node:crypto';
import { preparedFor } from '../db/prepared';
import type { StateDatabase } from '../db/state';
import { decoyHash, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { RateLimiter } from './rate-limit';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'pem_session';

export interface Maintainer {
	id: number;
	username: string;
}

const statements = preparedFor((db: StateDatabase) => ({
	insert: db.prepare<[string, string, string], unknown>(
		'INSERT INTO maintainers (username, password_hash, created_at) VALUES (?, ?, ?)'
	),
	byName: db.prepare<[string], { id: number; username: string; password_hash: string }>(
		'SELECT id, username, password_hash FROM maintainers WHERE username = ?'
	),
	count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM maintainers'),
	insertSession: db.prepare<[string, number, number, number, number], unknown>(
		'INSERT INTO sessions (id, maintainer_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)'
	),
	session: db.prepare<[string], { maintainer_id: number; username: string; last_seen_at: number; expires_at: number }>(
		`SELECT s.maintainer_id, m.username, s.last_seen_at, s.expires_at
		 FROM sessions s JOIN maintainers m ON m.id = s.maintainer_id WHERE s.id = ?`
	),
	touch: db.prepare<[number, string], unknown>('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
	deleteSession: db.prepare<[string], unknown>('DELETE FROM sessions WHERE id = ?'),
	deleteExpired: db.prepare<[number, number], unknown>(
		'DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?'
	)
}));

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/i;

/** Creates a maintainer; the password is only ever kept as its scrypt hash. */
export async function addMaintainer(
	state: StateDatabase,
	username: string,
	password: string,
	now: Date
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
	const hash = await hashPassword(password);
	const result = statements(state).insert.run(username, hash, now.toISOString());
	return { id: Number(result.lastInsertRowid), username };
}

/** How many maintainers the instance has. */
export function maintainerCount(state: StateDatabase): number {
	return statements(state).count.get()?.count ?? 0;
}

/** Failed logins per account (known or not, so throttling reveals nothing) and per client address. */
const failuresPerAccount = new RateLimiter(5, 15 * 60 * 1000);
const failuresPerClient = new RateLimiter(20, 15 * 60 * 1000);

export type LoginResult =
	| { ok: true; maintainer: Maintainer; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a username and password. Unknown usernames and wrong passwords give the same answer after the
 * same work; after too many failures for the account or the client, nothing is checked until the window passes.
 */
export async function logIn(
	state: StateDatabase,
	username: string,
	password: string,
	client: string,
	now: number
): Promise<LoginResult> {
	const accountKey = username.toLowerCase();
	for (const decision of [failuresPerAccount.check(accountKey, now), failuresPerClient.check(client, now)]) {
		if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
	}
	const account = username.length <= 40 ? statements(state).byName.get(username) : undefined;
	const valid =
		password.length <= MAX_PASSWORD_LENGTH &&
		(await verifyPassword(password, account?.password_hash ?? (await decoyHash())));
	if (!account || !valid) {
		failuresPerAccount.record(accountKey, now);
		failuresPerClient.record(client, now);
		return { ok: false, reason: 'invalid' };
	}
	failuresPerAccount.reset(accountKey);
	const { token, expiresAt } = createSession(state, account.id, now);
	return { ok: true, maintainer: { id: account.id, username: account.username }, token, expiresAt };
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
	return { id: session.maintainer_id, username: session.username };
}

/** Ends a session. */
export function endSession(state: StateDatabase, token: string): void {
	statements(state).deleteSession.run(sessionIdOf(token));
}
