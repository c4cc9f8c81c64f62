// `npm run bench:overview`: the overview's uncached renders and the server's peak memory on a dataset you name, then under mixed load.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { seededRandom } from '../src/lib/seeded-random';

const { values: options } = parseArgs({
	options: {
		app: { type: 'string', default: 'build' },
		dataset: { type: 'string' },
		port: { type: 'string', default: '5170' },
		renders: { type: 'string', default: '15' },
		'mixed-seconds': { type: 'string', default: '30' },
		readers: { type: 'string', default: '8' },
		// A regular expression: the mixed load requests only the paths it matches (e.g. `csv|sqlite` for the downloads).
		only: { type: 'string', default: '' },
		// Sent as Accept-Encoding (e.g. `br, gzip`, as browsers do): the server then compresses; none by default.
		'accept-encoding': { type: 'string', default: '' }
	}
});
if (!options.dataset) throw new Error('--dataset <file> is required (e.g. the 100× file of data:synthetic)');
const origin = `http://127.0.0.1:${options.port}`;
const renders = Number(options.renders);

/** One GET; `uncached` sends a session cookie, which the page cache never answers (the page is rendered). */
function get(path: string, uncached: boolean): Promise<{ status: number; ms: number }> {
	const started = performance.now();
	const headers: Record<string, string> = uncached ? { cookie: 'pem_session=bench' } : {};
	if (options['accept-encoding']) headers['accept-encoding'] = options['accept-encoding'];
	return new Promise((done, fail) => {
		request(`${origin}${path}`, { headers, agent: false }, (response) => {
			response.on('data', () => {});
			response.on('end', () => done({ status: response.statusCode ?? 0, ms: performance.now() - started }));
		})
			.on('error', fail)
			.end();
	});
}

/** The server's resident memory (the whole process, every thread) now and at its peak so far (VmRSS, VmHWM), in MB. */
function memory(server: ChildProcess): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
	const mb = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024);
	return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

const work = mkdtempSync(join(tmpdir(), 'pem-bench-overview-'));
const server = spawn(process.execPath, [resolve(options.app)], {
	stdio: ['ignore', 'ignore', 'inherit'],
	env: {
		...process.env,
		PORT: options.port,
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATASET_DB_PATH: resolve(options.dataset),
		STATE_DB_PATH: join(work, 'state.sqlite')
	}
});
try {
	while ((await get('/healthz', false).catch(() => null))?.status !== 200) {
		if (server.exitCode !== null) throw new Error('the server exited');
		await new Promise((done) => setTimeout(done, 50));
	}
	console.log(`started: ${JSON.stringify(memory(server))} MB`);
	console.log('| path | first render ms | p50 ms | slowest ms | peak RSS after, MB |');
	console.log('| --- | --- | --- | --- | --- |');
	const families = ['/', '/uk', '/ru', '/charts/timeline-people?page=3', '/charts/discrepancies', '/embed/cumulative'];
	for (const path of renders > 0 ? families : []) {
		const first = await get(path, true);
		if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
		const times: number[] = [];
		for (let index = 0; index < renders; index += 1) times.push((await get(path, true)).ms);
		const row = [path, first.ms, median(times), Math.max(...times)].map((value) =>
			typeof value === 'number' ? value.toFixed(1) : value
		);
		console.log(`| ${row.join(' | ')} | ${memory(server).peak} |`);
	}
	// Many readers at once over every family, as in bench/scale.ts: what memory must survive.
	const db = new Database(resolve(options.dataset), { readonly: true });
	const ids = (table: string) => db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
	const rounds = ids('rounds');
	const claims = ids('claims');
	const sources = ids('sources');
	db.close();
	const random = seededRandom(7);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
	const paths = () => [
		`/rounds/${pick(rounds)}`,
		`/claims/${pick(claims)}`,
		`/sources/${pick(sources)}`,
		`/rounds?page=${1 + Math.floor(random() * 50)}`,
		`/claims?page=${1 + Math.floor(random() * 50)}`,
		`/sources?page=${1 + Math.floor(random() * 50)}`,
		`/search?q=${pick(['Medinsky', 'UAE', '2025', 'bodies', '1,200', 'Zelensky'])}`,
		`/api/v1/claims?page=${1 + Math.floor(random() * 50)}`,
		`/rounds/${pick(rounds)}/card.png`,
		'/',
		'/charts/cumulative.png',
		'/claims.csv',
		'/rounds.csv',
		'/download/dataset.sqlite'
	];
	const only = new RegExp(options.only);
	const deadline = performance.now() + Number(options['mixed-seconds']) * 1000;
	const counts = { requests: 0, errors: 0 };
	const reader = async () => {
		while (performance.now() < deadline) {
			const path = pick(paths().filter((candidate) => only.test(candidate)));
			const answer = await get(path, random() < 0.5).catch((error: Error) => {
				console.log(`${path}: ${error.message}`);
				return { status: 0 };
			});
			counts.requests += 1;
			if (answer.status >= 500 || answer.status === 0) {
				counts.errors += 1;
				console.log(`error: ${path} answered ${answer.status}`);
			}
		}
	};
	await Promise.all(Array.from({ length: Number(options.readers) }, reader));
	console.log(
		`mixed load: ${counts.requests} requests, ${counts.errors} errors; memory ${JSON.stringify(memory(server))} MB`
	);
} finally {
	server.kill('SIGTERM');
	rmSync(work, { recursive: true, force: true });
}
