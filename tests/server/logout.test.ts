// Logout ends the session only for a form posted from this site; anything else is refused and the session kept.
import { join } from 'node:path';
import { isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMaintainer, createSession, maintainerForSession } from '../../src/lib/server/auth/maintainers';
import { getState, type StateDatabase } from '../../src/lib/server/db/state';
import { temporaryDir } from '../helpers/dataset';

const SITE = 'https://exchanges.example.org';
const T0 = Date.parse('2026-05-01T10:00:00Z');
let state: StateDatabase;
let maintainerId: number;
let POST: (event: unknown) => Response | Promise<Response>;

beforeAll(async () => {
	process.env.STATE_DB_PATH = join(temporaryDir(), 'state.sqlite');
	state = getState();
	maintainerId = (await addMaintainer(state, 'mona', 'a very long passphrase', new Date(T0))).id;
	POST = (await import('../../src/routes/logout/+server')).POST as unknown as typeof POST;
}, 30_000);

/** Posts to /logout with a live session; returns the status and whether the session survived. */
async function logout(headers: Record<string, string>, body: string | null = 'x=1') {
	const { token } = createSession(state, maintainerId, Date.now());
	const deleted: string[] = [];
	const cookies = { get: () => token, delete: (name: string) => deleted.push(name) };
	const request = new Request(`${SITE}/logout`, { method: 'POST', headers, body });
	let status: number;
	try {
		status = (await POST({ request, url: new URL(request.url), cookies })).status;
	} catch (thrown) {
		if (!isRedirect(thrown)) throw thrown;
		status = thrown.status;
	}
	return { status, kept: maintainerForSession(state, token, Date.now()) !== null && deleted.length === 0 };
}

const form = 'application/x-www-form-urlencoded';
describe('POST /logout', () => {
	it.each<{ name: string; headers: Record<string, string>; body?: string | null; status: number; kept?: boolean }>([
		{ name: 'a form from this site', headers: { 'content-type': form, origin: SITE }, status: 303, kept: false },
		{
			name: 'a multipart form from this site',
			headers: { 'content-type': 'multipart/form-data; boundary=x', origin: SITE },
			body: '--x--\r\n',
			status: 303,
			kept: false
		},
		{
			name: 'a form from another site',
			headers: { 'content-type': form, origin: 'https://evil.example' },
			status: 403
		},
		{ name: 'a form with a "null" origin', headers: { 'content-type': form, origin: 'null' }, status: 403 },
		{ name: 'a form without an origin', headers: { 'content-type': form }, status: 403 },
		{
			name: 'the same origin over http',
			headers: { 'content-type': form, origin: 'http://exchanges.example.org' },
			status: 403
		},
		{ name: 'JSON from this site', headers: { 'content-type': 'application/json', origin: SITE }, status: 415 },
		{
			name: 'text from another site',
			headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
			status: 415
		},
		{ name: 'no content type', headers: { origin: SITE }, body: null, status: 415 }
	])('$name: $status', async ({ headers, body, status, kept }) => {
		const outcome = await logout(headers, body === undefined ? 'x=1' : body);
		expect(outcome).toEqual({ status, kept: kept ?? true });
	});
});
