// Approvals on a production server (`node <app>`): a maintainer approves figure changes over HTTP while clients read; times, readers' p99 and the server's peak memory.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addMaintainer } from '../src/lib/server/auth/maintainers';
import { getState } from '../src/lib/server/db/state';
import { suggestClaimChange } from '../tests/helpers/suggestions';

const { values: options } = parseArgs({
	options: {
		app: { type: 'string', default: 'build' },
		dataset: { type: 'string' },
		'data-dir': { type: 'string' },
		approvals: { type: 'string', default: '3' },
		readers: { type: 'string', default: '4' },
		port: { type: 'string', default: '4460' }
	}
});
if (!options.dataset || !options['data-dir'])
	throw new Error('usage: approvals-server.ts --dataset <built file> --data-dir <its CSV folder> [--app build]');

// A copy of the built file and a new state database with one maintainer and a figure change of each of N claims.
const folder = mkdtempSync(join(tmpdir(), 'pem-bench-approvals-server-'));
const env = {
	DATASET_DB_PATH: join(folder, 'dataset.sqlite'),
	STATE_DB_PATH: join(folder, 'state.sqlite'),
	DATA_DIR: resolve(options['data-dir']),
	DATASET_TODAY: process.env.DATASET_TODAY ?? '2026-11-29'
};
copyFileSync(options.dataset, env.DATASET_DB_PATH);
Object.assign(process.env, env);
const state = getState();
const password = 'correct horse battery';
await addMaintainer(state, 'alice', password, new Date('2026-05-01T10:00:00Z'));
const ids = Array.from({ length: Number(options.approvals) }, (_, index) =>
	suggestClaimChange(state, {
		recordId: `c${String(index + 2).padStart(4, '0')}`,
		field: 'number',
		value: String(300 + index),
		reason: 'Benchmark.',
		now: new Date(0)
	})
);
state.close();

const base = `http://127.0.0.1:${options.port}`;
// As `npm start` runs it (MALLOC_ARENA_MAX=2, see Running it in production).
const server = spawn(process.execPath, [resolve(options.app)], {
	env: { ...process.env, ...env, PORT: options.port, HOST: '127.0.0.1', ORIGIN: base, MALLOC_ARENA_MAX: '2' },
	stdio: ['ignore', 'ignore', 'inherit']
});
/** The server process's resident memory now, and at its peak since start or since `resetPeak`, in MB. */
const memory = (key: 'VmRSS' | 'VmHWM') =>
	Math.round(
		Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]) / 1024
	);
const resetPeak = () => writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
for (;;) {
	const up = await fetch(`${base}/healthz`).then(
		(response) => response.ok,
		() => false
	);
	if (up) break;
	await sleep(200);
}
const formHeaders = { origin: base, 'content-type': 'application/x-www-form-urlencoded' };
const login = await fetch(`${base}/login`, {
	method: 'POST',
	body: new URLSearchParams({ username: 'alice', password, next: '/review' }),
	headers: formHeaders,
	redirect: 'manual'
});
const cookie = login.headers
	.getSetCookie()
	.map((line) => line.split(';')[0])
	.join('; ');
if (!cookie) throw new Error(`the login failed (${login.status})`);

// Readers without a session (the page cache answers them when it can), one request at a time each; each request's
// time counts for the phase it started and ended in.
type Phase = 'warm' | 'idle' | 'during' | 'off';
let phase: Phase = 'warm';
const waits: Record<'idle' | 'during', number[]> = { idle: [], during: [] };
const paths = ['/', '/rounds', '/claims', '/search?q=Medinsky', '/uk', '/charts/timeline-people'];
const readers = Array.from({ length: Number(options.readers) }, async (_, reader) => {
	for (let index = reader; phase !== 'off'; index += 1) {
		const started = performance.now();
		const during = phase;
		const response = await fetch(base + paths[index % paths.length]);
		await response.arrayBuffer();
		if (during === phase && (during === 'idle' || during === 'during')) waits[during].push(performance.now() - started);
	}
});
await sleep(5000);
phase = 'idle';
await sleep(6000);
const before = memory('VmRSS');
resetPeak();
phase = 'during';
const times: number[] = [];
for (const id of ids) {
	const started = performance.now();
	const response = await fetch(`${base}/review?/approve`, {
		method: 'POST',
		body: new URLSearchParams({ correction_id: String(id), reason: 'Benchmark.' }),
		headers: { ...formHeaders, cookie, 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	const answer = (await response.json()) as { type: string };
	if (answer.type !== 'success') throw new Error(`approval ${id} failed: ${JSON.stringify(answer)}`);
	times.push(Math.round(performance.now() - started));
}
phase = 'off';
await Promise.all(readers);
const p99 = (values: number[]) =>
	Math.round([...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1] ?? NaN);
console.log(
	JSON.stringify({
		times,
		readP99Idle: p99(waits.idle),
		readP99During: p99(waits.during),
		reads: [waits.idle.length, waits.during.length],
		memoryMb: { before, peakDuring: memory('VmHWM') }
	})
);
server.kill('SIGTERM');
