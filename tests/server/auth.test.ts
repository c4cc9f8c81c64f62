// Maintainer accounts, login throttling, sessions with idle and absolute expiry, the suggestion limits, and the CLI.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	addMaintainer,
	createSession,
	logIn,
	maintainerForSession,
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS
} from '../../src/lib/server/auth/maintainers';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { RateLimiter } from '../../src/lib/server/auth/rate-limit';
import { guardSuggestion, MAX_SUGGESTION_BYTES } from '../../src/lib/server/corrections/guard';
import { openState, type StateDatabase } from '../../src/lib/server/db/state';
import { temporaryDir } from '../helpers/dataset';

let state: StateDatabase;
const T0 = Date.parse('2026-05-01T10:00:00Z');

beforeAll(async () => {
	state = openState(join(temporaryDir(), 'state.sqlite'));
	await addMaintainer(state, 'carol', 'a very long passphrase', new Date(T0));
}, 30_000);

describe('passwords', () => {
	it('are stored as scrypt hashes at OWASP cost, and verified', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(hash).not.toContain('correct horse');
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
	});

	it.each([
		{ username: 'dave', password: 'short', message: /at least 12/ },
		{ username: 'd', password: 'long enough password', message: /username/ },
		{ username: 'carol', password: 'long enough password', message: /already exists/ }
	])('refuses $username / a bad password', async ({ username, password, message }) => {
		await expect(addMaintainer(state, username, password, new Date(T0))).rejects.toThrow(message);
	});
});

describe('login', () => {
	it('gives the same answer for an unknown username and a wrong password', async () => {
		const unknown = await logIn(state, 'nobody', 'a very long passphrase', '10.0.0.1', T0);
		const wrong = await logIn(state, 'carol', 'not the passphrase', '10.0.0.2', T0);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
	});

	it('throttles an account after five failures, whatever the client', async () => {
		for (let attempt = 0; attempt < 5; attempt += 1) {
			await logIn(state, 'erin-unknown', 'wrong password!', `10.1.0.${attempt}`, T0);
		}
		const throttled = await logIn(state, 'erin-unknown', 'wrong password!', '10.1.0.99', T0 + 1000);
		expect(throttled).toMatchObject({ ok: false, reason: 'throttled' });
		expect(throttled.ok === false && throttled.reason === 'throttled' && throttled.retryAfterSeconds).toBeGreaterThan(
			0
		);
	}, 30_000);

	it('opens a session whose token finds the maintainer, until it idles or reaches its end', async () => {
		const result = await logIn(state, 'carol', 'a very long passphrase', '10.2.0.1', T0);
		if (!result.ok) throw new Error('login failed');
		expect(maintainerForSession(state, result.token, T0 + 1000)?.username).toBe('carol');
		expect(maintainerForSession(state, result.token, T0 + SESSION_IDLE_MS + 1)).toBeNull();

		const { token } = createSession(state, result.maintainer.id, T0);
		let now = T0;
		// Active every hour: never idle, but still ends at the absolute limit.
		while (now + 60 * 60 * 1000 < T0 + SESSION_ABSOLUTE_MS) {
			now += 60 * 60 * 1000;
			expect(maintainerForSession(state, token, now)).not.toBeNull();
		}
		expect(maintainerForSession(state, token, T0 + SESSION_ABSOLUTE_MS)).toBeNull();
		expect(maintainerForSession(state, 'forged-token', T0)).toBeNull();
	});

	it('stores only a hash of the session token', async () => {
		const { token } = createSession(state, 1, T0);
		const ids = state.prepare('SELECT id FROM sessions').all() as { id: string }[];
		expect(ids.map((row) => row.id)).not.toContain(token);
	});
});

describe('the suggestion form limits', () => {
	const post = (body: string) =>
		new Request('http://localhost/corrections/new', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});

	it('answers 429 with Retry-After once a client sent too many', async () => {
		const limiter = new RateLimiter(2, 60_000);
		expect(await guardSuggestion(post('a=1'), '10.3.0.1', T0, limiter)).toBeNull();
		expect(await guardSuggestion(post('a=1'), '10.3.0.1', T0 + 1, limiter)).toBeNull();
		const refused = await guardSuggestion(post('a=1'), '10.3.0.1', T0 + 2, limiter);
		expect(refused?.status).toBe(429);
		expect(Number(refused?.headers.get('retry-after'))).toBe(60);
		expect(await guardSuggestion(post('a=1'), '10.3.0.2', T0 + 3, limiter)).toBeNull();
		expect(await guardSuggestion(post('a=1'), '10.3.0.1', T0 + 60_001, limiter)).toBeNull();
	});

	it('answers 413 to a body over the limit', async () => {
		const refused = await guardSuggestion(
			post('x'.repeat(MAX_SUGGESTION_BYTES + 1)),
			'10.4.0.1',
			T0,
			new RateLimiter(5, 1000)
		);
		expect(refused?.status).toBe(413);
	});
});

describe('npm run maintainer', () => {
	it('adds a maintainer with the password from stdin, and never prints it', () => {
		const statePath = join(temporaryDir(), 'state.sqlite');
		const output = execFileSync('npx', ['tsx', 'src/lib/server/auth/maintainer-cli.ts', 'add', 'frank'], {
			input: 'twelve chars or more\n',
			env: { ...process.env, STATE_DB_PATH: statePath },
			encoding: 'utf8'
		});
		expect(output).toContain('Added maintainer frank');
		expect(output).not.toContain('twelve chars');
		const created = openState(statePath).prepare('SELECT username, password_hash FROM maintainers').all();
		expect(created).toEqual([{ username: 'frank', password_hash: expect.stringMatching(/^scrypt\$/) }]);
	}, 30_000);
});

describe('npm run db:backup', () => {
	it('writes a consistent copy of the application database and says where', () => {
		const dir = temporaryDir();
		const statePath = join(dir, 'state.sqlite');
		const live = openState(statePath);
		live
			.prepare(
				"INSERT INTO maintainers (username, password_hash, created_at) VALUES ('gina', 'scrypt$x', '2026-05-01')"
			)
			.run();
		const target = join(dir, 'copy.sqlite');
		const output = execFileSync('npx', ['tsx', 'src/lib/server/db/backup-cli.ts', target], {
			env: { ...process.env, STATE_DB_PATH: statePath },
			encoding: 'utf8'
		});
		expect(output).toContain(`to ${target}`);
		const copy = openState(target);
		expect(copy.prepare('SELECT username FROM maintainers').all()).toEqual([{ username: 'gina' }]);
		expect(copy.pragma('user_version', { simple: true })).toBe(1);
	}, 30_000);
});
