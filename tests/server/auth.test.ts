// Maintainer accounts, login throttling, sessions with idle and absolute expiry, the suggestion limits, and the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
	addMaintainer,
	createSession,
	logIn,
	maintainerForSession,
	setDisplayName,
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS
} from '../../src/lib/server/auth/maintainers';
import {
	ATTACK_FAILURES,
	BASE_BACKOFF_MS,
	FORGET_AFTER_MS,
	FREE_FAILURES,
	LoginThrottle,
	MAX_BACKOFF_MS
} from '../../src/lib/server/auth/login-throttle';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { RateLimiter } from '../../src/lib/server/auth/rate-limit';
import { guardSuggestion, MAX_SUGGESTION_BYTES } from '../../src/lib/server/corrections/guard';
import { migrations } from '../../src/lib/server/db/migrations';
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

describe('display names', () => {
	it('are what the public sees: given, or "Maintainer <number>", never the login name, never shared', async () => {
		const shown = await addMaintainer(state, 'hana', 'a very long passphrase', new Date(T0), 'Hana K.');
		expect(shown.displayName).toBe('Hana K.');
		const unnamed = await addMaintainer(state, 'ivan', 'a very long passphrase', new Date(T0));
		expect(unnamed.displayName).toBe(`Maintainer ${unnamed.id}`);
		await expect(addMaintainer(state, 'jo', 'a very long passphrase', new Date(T0), 'JO')).rejects.toThrow(
			/login name/
		);
		await expect(addMaintainer(state, 'kim', 'a very long passphrase', new Date(T0), 'hana k.')).rejects.toThrow(
			/already shown/
		);
		await expect(addMaintainer(state, 'lea', 'a very long passphrase', new Date(T0), ' x')).rejects.toThrow(/2–60/);
		expect(setDisplayName(state, 'ivan', 'Ivan P.').displayName).toBe('Ivan P.');
		expect(() => setDisplayName(state, 'nobody', 'Somebody')).toThrow(/no maintainer/);
	}, 30_000);

	it('are given to the maintainers of an older database by the migration', () => {
		const path = join(temporaryDir(), 'state.sqlite');
		const old = new Database(path);
		old.exec(migrations[0] ?? '');
		old.pragma('user_version = 1');
		old.prepare("INSERT INTO maintainers (username, password_hash, created_at) VALUES ('olga', 'scrypt$x', 'x')").run();
		old.close();
		const migrated = openState(path);
		expect(migrated.prepare('SELECT username, display_name FROM maintainers').all()).toEqual([
			{ username: 'olga', display_name: 'Maintainer 1' }
		]);
		migrated.close();
	});
});

describe('login', () => {
	it('gives the same answer for an unknown username and a wrong password', async () => {
		const unknown = await logIn(state, 'nobody', 'a very long passphrase', '10.0.0.1', T0);
		const wrong = await logIn(state, 'carol', 'not the passphrase', '10.0.0.2', T0);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
	}, 30_000);

	it('never locks out the right password from a client that has not failed, and logs failures without passwords', async () => {
		const limits = new LoginThrottle();
		const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		try {
			// An attacker who knows the public login name fails from two addresses until both are held off.
			for (let attempt = 0; attempt < ATTACK_FAILURES; attempt += 1) {
				const client = `10.1.0.${attempt % 2}`;
				expect(await logIn(state, 'carol', `guess number ${attempt}`, client, T0 + attempt, limits)).toEqual({
					ok: false,
					reason: 'invalid'
				});
			}
			expect(await logIn(state, 'carol', 'guess number 99', '10.1.0.1', T0 + 100, limits)).toMatchObject({
				ok: false,
				reason: 'throttled'
			});
			// Carol, from her own network, gets in at once.
			const own = await logIn(state, 'carol', 'a very long passphrase', '10.1.9.9', T0 + 200, limits);
			expect(own.ok).toBe(true);
			const logged = warnings.mock.calls.map((call) => String(call[0]));
			expect(logged.filter((line) => line.startsWith('failed login for "carol" from 10.1.0.'))).toHaveLength(
				ATTACK_FAILURES
			);
			expect(logged.some((line) => line.includes('throttled'))).toBe(true);
			expect(logged.join('\n')).not.toMatch(/guess number|very long passphrase/);
		} finally {
			warnings.mockRestore();
		}
	}, 60_000);

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

describe('login throttling', () => {
	type Step = { account: string; client: string; at: number; fail?: boolean; expect?: number };
	const attack = (account: string, clients: number, failures: number): Step[] =>
		Array.from({ length: failures }, (_, index) => ({
			account,
			client: `attacker-${index % clients}`,
			at: index,
			fail: true
		}));
	it.each<{ name: string; steps: Step[] }>([
		{
			name: 'a client gets five free failures, then waits 30 s, 1 min, 2 min…',
			steps: [
				...attack('ann', 1, FREE_FAILURES),
				{ account: 'ann', client: 'attacker-0', at: 1000, expect: 30 },
				{ account: 'ann', client: 'attacker-0', at: FREE_FAILURES - 1 + BASE_BACKOFF_MS, expect: 0, fail: true },
				{ account: 'ann', client: 'attacker-0', at: FREE_FAILURES + BASE_BACKOFF_MS, expect: 60 }
			]
		},
		{
			name: 'a client failing across many accounts is held off too',
			steps: [
				...Array.from({ length: FREE_FAILURES }, (_, index) => ({
					account: `user${index}`,
					client: 'spray',
					at: index,
					fail: true
				})),
				{ account: 'someone-else', client: 'spray', at: 10, expect: 30 }
			]
		},
		{
			name: 'an attack on an account never holds up a client that has not failed',
			steps: [
				...attack('bea', 5, 50),
				{ account: 'bea', client: 'owner', at: 100, expect: 0 },
				{ account: 'bea', client: 'attacker-1', at: 100, expect: MAX_BACKOFF_MS / 1000 }
			]
		},
		{
			name: 'under attack, one failure from a new client makes it wait',
			steps: [
				...attack('cid', ATTACK_FAILURES, ATTACK_FAILURES),
				{ account: 'cid', client: 'newcomer', at: 100, fail: true },
				{ account: 'cid', client: 'newcomer', at: 101, expect: 30 },
				{ account: 'cid', client: 'other', at: 101, expect: 0 }
			]
		},
		{
			name: 'the wait is capped at 15 minutes and failures are forgotten after an hour',
			steps: [
				...attack('dan', 1, 30),
				{ account: 'dan', client: 'attacker-0', at: 100, expect: MAX_BACKOFF_MS / 1000 },
				{ account: 'dan', client: 'attacker-0', at: 29 + FORGET_AFTER_MS, expect: 0 }
			]
		}
	])('$name', ({ steps }) => {
		const limits = new LoginThrottle();
		for (const step of steps) {
			if (step.expect !== undefined) {
				const decision = limits.check(step.account, step.client, T0 + step.at);
				expect(decision.allowed ? 0 : decision.retryAfterSeconds).toBe(step.expect);
			}
			if (step.fail) limits.failed(step.account, step.client, T0 + step.at);
		}
	});

	it('keeps a bounded number of keys', () => {
		const limits = new LoginThrottle(100);
		for (let index = 0; index < 1000; index += 1) limits.failed(`user${index}`, `client${index}`, T0);
		expect(limits.check('user0', 'client0', T0)).toEqual({ allowed: true });
		expect(limits.check('user999', 'client999', T0)).toEqual({ allowed: true });
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

	it('does not count the exchange form\'s "add another statement", which stores nothing, but limits its size', async () => {
		const limiter = new RateLimiter(1, 60_000);
		const exchange = (action: string, body = 'a=1') =>
			new Request(`http://localhost/corrections/new-exchange?/${action}`, {
				method: 'POST',
				body,
				headers: { 'content-type': 'application/x-www-form-urlencoded' }
			});
		for (let step = 0; step < 5; step += 1) {
			expect(await guardSuggestion(exchange('add'), '10.5.0.1', T0 + step, limiter)).toBeNull();
		}
		expect(await guardSuggestion(exchange('send'), '10.5.0.1', T0 + 5, limiter)).toBeNull();
		expect((await guardSuggestion(exchange('send'), '10.5.0.1', T0 + 6, limiter))?.status).toBe(429);
		const large = await guardSuggestion(exchange('add', 'x'.repeat(MAX_SUGGESTION_BYTES + 1)), '10.5.0.2', T0, limiter);
		expect(large?.status).toBe(413);
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
	it('adds a maintainer with the password from stdin (never printed), and changes the public name and address', () => {
		const statePath = join(temporaryDir(), 'state.sqlite');
		const cli = (args: string[]) =>
			spawnSync('npx', ['tsx', 'src/lib/server/auth/maintainer-cli.ts', ...args], {
				input: 'twelve chars or more\n',
				env: { ...process.env, STATE_DB_PATH: statePath },
				encoding: 'utf8'
			});
		const added = cli(['add', 'frank', '--display', 'Frank M.', '--email', 'frank@example.org']);
		expect(added.stdout).toContain('Added maintainer frank, shown publicly as Frank M.');
		expect(added.stdout + added.stderr).not.toContain('twelve chars');
		expect(cli(['display', 'frank', 'F. Miller']).stdout).toContain('frank is now shown as F. Miller.');
		expect(cli(['email', 'frank', 'not an address'])).toMatchObject({ status: 1, stderr: /not an email address/ });
		expect(cli(['add', 'gus', '--colour', 'red'])).toMatchObject({ status: 2, stderr: /usage:/ });
		const created = openState(statePath)
			.prepare('SELECT username, display_name, email, password_hash FROM maintainers')
			.all();
		expect(created).toEqual([
			{
				username: 'frank',
				display_name: 'F. Miller',
				email: 'frank@example.org',
				password_hash: expect.stringMatching(/^scrypt\$/)
			}
		]);
	}, 60_000);
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
		expect(copy.pragma('user_version', { simple: true })).toBe(migrations.length);
	}, 30_000);
});
