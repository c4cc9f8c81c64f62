// `npm run bench:scale`: issue #12's scale goals on synthetic datasets (1× and 100×): the build, start-up, uncached renders, memory, approvals.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { seededRandom } from '../src/lib/seeded-random';

const { values: options } = parseArgs({
	options: {
		scales: { type: 'string', default: '1,100' },
		requests: { type: 'string', default: '15' },
		'mixed-seconds': { type: 'string', default: '20' },
		approvals: { type: 'string', default: '3' },
		// What each approval changes: a claim's note (moves nothing derived) or its figure (its round, verdicts, charts).
		'approval-change': { type: 'string', default: 'note' },
		port: { type: 'string', default: '4320' },
		app: { type: 'string' }
	}
});
const scales = options.scales.split(',').map(Number);
const requests = Number(options.requests);
const mixedSeconds = Number(options['mixed-seconds']);
const approvals = Number(options.approvals);
const port = Number(options.port);
const origin = `http://127.0.0.1:${port}`;
const TODAY = '2026-11-29';
const work = mkdtempSync(join(tmpdir(), 'pem-bench-scale-'));

/** The production build: `--app <dir>` (a folder `vite build` wrote), else one built here into the work folder. */
async function appDir(): Promise<string> {
	if (options.app) return resolve(options.app);
	const out = join(work, 'app');
	await run(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
		SVELTEKIT_OUT_DIR: join(work, 'kit'),
		APP_BUILD_DIR: out
	});
	return out;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
	const started = performance.now();
	const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
	return new Promise((done, fail) =>
		child.on('exit', (code) =>
			code === 0 ? done(performance.now() - started) : fail(new Error(`${command} ${args.join(' ')}: ${code}`))
		)
	);
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

/** One GET; `uncached` sends a session cookie, which the page cache never answers (the page is rendered). */
function get(path: string, uncached: boolean): Promise<{ status: number; ms: number; bytes: number }> {
	const started = performance.now();
	const headers: Record<string, string> = uncached ? { cookie: 'pem_session=bench' } : {};
	return new Promise((done, fail) => {
		request(`${origin}${path}`, { headers }, (response) => {
			let bytes = 0;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () => done({ status: response.statusCode ?? 0, ms: performance.now() - started, bytes }));
		})
			.on('error', fail)
			.end();
	});
}

/** The server's peak resident memory so far (VmHWM), in MB. */
function peakRss(server: ChildProcess): number {
	const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

interface ScaleResult {
	scale: number;
	counts: string;
	buildMs: number;
	startupMs: number;
	pages: { family: string; path: string; firstMs: number; p50: number; slowest: number; bytes: number }[];
	peakRssMb: number;
	mixedRequests: number;
	mixedErrors: number;
	approval?: {
		first: number;
		p50: number;
		times: number[];
		cpu: number[];
		readP99Idle: number;
		readP99During: number;
	};
}

/** Ids to visit: the first of each kind (data/'s own, present at every scale) and a seeded sample for the mixed load. */
function idsOf(path: string) {
	const db = new Database(path, { readonly: true });
	const ids = (table: string) => db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
	const result = { rounds: ids('rounds'), claims: ids('claims'), sources: ids('sources') };
	db.close();
	return result;
}

function families(ids: ReturnType<typeof idsOf>): [string, string][] {
	const round = ids.rounds.includes('2024-12-30-exchange') ? '2024-12-30-exchange' : ids.rounds[0];
	return [
		['overview', '/'],
		['rounds list', '/rounds'],
		['rounds list, filtered', '/rounds?year=2025'],
		['round', `/rounds/${round}`],
		['statements list', '/claims'],
		['statement', `/claims/${ids.claims[0]}`],
		['sources list', '/sources'],
		['source', `/sources/${ids.sources[0]}`],
		['search', '/search?q=Medinsky'],
		['chart page', '/charts/cumulative'],
		['embed', '/embed/cumulative'],
		['years', '/years'],
		['changes', '/changes'],
		['corrections', '/corrections'],
		['download', '/download'],
		['API rounds', '/api/v1/rounds'],
		['API claims', '/api/v1/claims'],
		['API totals', '/api/v1/totals'],
		['round JSON', `/rounds/${round}.json`]
	];
}

async function startServer(app: string, env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; startupMs: number }> {
	const started = performance.now();
	const server = spawn(process.execPath, [app], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATASET_TODAY: TODAY, ...env }
	});
	for (;;) {
		// The first answer at all (a health check renders nothing): the overview's own first render is in the table.
		const answer = await get('/healthz', false).catch(() => null);
		if (answer?.status === 200) return { server, startupMs: performance.now() - started };
		if (server.exitCode !== null) throw new Error('the server exited');
		await new Promise((done) => setTimeout(done, 20));
	}
}

function stopServer(server: ChildProcess): Promise<void> {
	return new Promise((done) => {
		server.once('exit', () => done());
		server.kill('SIGTERM');
	});
}

/** Many readers at once over every family, varied ids and pages, images and downloads: what memory must survive. */
async function mixedLoad(ids: ReturnType<typeof idsOf>, seconds: number): Promise<{ count: number; errors: number }> {
	const random = seededRandom(7);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
	const paths = () => [
		`/rounds/${pick(ids.rounds)}`,
		`/claims/${pick(ids.claims)}`,
		`/sources/${pick(ids.sources)}`,
		`/rounds?page=${1 + Math.floor(random() * 50)}`,
		`/claims?page=${1 + Math.floor(random() * 50)}`,
		`/sources?page=${1 + Math.floor(random() * 50)}`,
		`/search?q=${pick(['Medinsky', 'UAE', '2025', 'bodies', '1,200', 'Zelensky'])}`,
		`/api/v1/claims?page=${1 + Math.floor(random() * 50)}`,
		`/rounds/${pick(ids.rounds)}/card.png`,
		'/',
		'/charts/cumulative.png',
		'/claims.csv',
		'/rounds.csv',
		'/download/dataset.sqlite'
	];
	const deadline = performance.now() + seconds * 1000;
	let count = 0;
	let errors = 0;
	const worker = async () => {
		while (performance.now() < deadline) {
			const answer = await get(pick(paths()), random() < 0.5).catch(() => ({ status: 0 }));
			count += 1;
			if (answer.status >= 500 || answer.status === 0) errors += 1;
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
	return { count, errors };
}

async function measureScale(app: string, scale: number): Promise<ScaleResult> {
	const folder = join(work, `x${scale}`);
	mkdirSync(folder, { recursive: true });
	const csv = join(folder, 'csv');
	const datasetPath = join(folder, 'dataset.sqlite');
	// The synthetic CSV files are kept: an approval rebuilds from them.
	await run(
		process.execPath,
		['--import', 'tsx', 'src/lib/server/db/synthetic-cli.ts', '--scale', String(scale), '--out', csv],
		{
			DATASET_DB_PATH: join(folder, 'first.sqlite'),
			DATASET_TODAY: TODAY
		}
	);
	// `data:build` itself, timed as a user runs it (a new process, from the CSV files).
	const buildMs = await run('npm', ['run', '--silent', 'data:build'], {
		DATA_DIR: csv,
		DATASET_DB_PATH: datasetPath,
		STATE_DB_PATH: join(folder, 'build-state.sqlite'),
		DATASET_TODAY: TODAY
	});
	const ids = idsOf(datasetPath);
	const counts = `${ids.rounds.length} rounds, ${ids.claims.length} claims, ${ids.sources.length} sources`;
	const env = { DATA_DIR: csv, DATASET_DB_PATH: datasetPath, STATE_DB_PATH: join(folder, 'state.sqlite') };
	const { server, startupMs } = await startServer(app, env);
	try {
		const pages: ScaleResult['pages'] = [];
		for (const [family, path] of families(ids)) {
			// The first render after start-up computes what is kept per dataset version; the rest are plain renders.
			const first = await get(path, true);
			if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
			// At most `requests` renders, and no more than about 20 s of them (a page that takes seconds gets 3).
			const times: number[] = [];
			const until = performance.now() + 20_000;
			while (times.length < requests && (times.length < 3 || performance.now() < until)) {
				times.push((await get(path, true)).ms);
			}
			pages.push({
				family,
				path,
				firstMs: first.ms,
				p50: median(times),
				slowest: Math.max(...times),
				bytes: first.bytes
			});
		}
		const mixed = await mixedLoad(ids, mixedSeconds);
		return {
			scale,
			counts,
			buildMs,
			startupMs,
			pages,
			peakRssMb: peakRss(server),
			mixedRequests: mixed.count,
			mixedErrors: mixed.errors
		};
	} finally {
		await stopServer(server);
	}
}

/**
 * Approvals at one scale, in a process of their own (tests/bench helpers), with a reader probing meanwhile; their
 * builds run on the production build's worker script, as in the server.
 */
async function measureApprovals(app: string, scale: number): Promise<ScaleResult['approval']> {
	const folder = join(work, `x${scale}`);
	const out = join(folder, 'approvals.json');
	await run(
		process.execPath,
		[
			'--import',
			'tsx',
			'bench/scale-approvals.ts',
			join(folder, 'csv'),
			out,
			String(approvals),
			options['approval-change'],
			join(app, 'build-worker.js')
		],
		{
			DATASET_TODAY: TODAY
		}
	);
	return JSON.parse(readFileSync(out, 'utf8')) as ScaleResult['approval'];
}

const round = (ms: number) => (ms >= 100 ? Math.round(ms).toLocaleString('en') : ms.toFixed(1));

function report(results: ScaleResult[]): string {
	const lines = [`# bench:scale, ${new Date().toISOString()}`, ''];
	for (const result of results) {
		lines.push(`## ${result.scale}× (${result.counts})`, '');
		lines.push(`- data:build: ${round(result.buildMs)} ms`);
		lines.push(`- start-up to the first 200 (of /healthz): ${round(result.startupMs)} ms`);
		lines.push(
			`- peak RSS after ${result.mixedRequests} mixed requests (${result.mixedErrors} errors): ${result.peakRssMb.toFixed(0)} MB`
		);
		if (result.approval) {
			const { first, p50, times, cpu, readP99Idle, readP99During } = result.approval;
			lines.push(
				`- approval (suggest, approve, publish): first after start-up ${round(first)} ms, then ${round(p50)} ms p50 (${times.map(round).join(', ')} ms; CPU of the process ${cpu.map(round).join(', ')} ms); a read's p99 ${round(readP99Idle)} ms idle, ${round(readP99During)} ms during approvals`
			);
		}
		lines.push(
			'',
			'| page | path | first render ms | uncached p50 ms | slowest ms | bytes |',
			'| --- | --- | --- | --- | --- | --- |'
		);
		for (const page of result.pages) {
			lines.push(
				`| ${page.family} | \`${page.path}\` | ${round(page.firstMs)} | ${round(page.p50)} | ${round(page.slowest)} | ${page.bytes} |`
			);
		}
		lines.push('');
	}
	return lines.join('\n');
}

const app = await appDir();
if (!existsSync(join(app, 'index.js'))) throw new Error(`${app} has no index.js: build the app first`);
const results: ScaleResult[] = [];
try {
	for (const scale of scales) {
		const result = await measureScale(app, scale);
		if (approvals > 0) result.approval = await measureApprovals(app, scale);
		results.push(result);
		console.log(report([result]));
	}
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/scale-${new Date().toISOString().slice(0, 10)}.md`;
	writeFileSync(file, report(results));
	console.log(`written to ${file}`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
