// `npm run bench:downloads -- --app build --dataset x100.sqlite`: each long download served by a fresh server process: peak memory, CPU, first byte.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
	options: {
		app: { type: 'string', default: 'build' },
		dataset: { type: 'string' },
		paths: { type: 'string', default: '/claims.csv,/claims.json,/rounds.json,/sources.csv' },
		encodings: { type: 'string', default: 'identity,br' },
		port: { type: 'string', default: '4330' }
	}
});
if (!options.dataset) {
	console.error('usage: npm run bench:downloads -- --dataset FILE.sqlite [--app DIR] [--paths /a.csv,/b.json]');
	process.exit(2);
}
const port = Number(options.port);
const origin = `http://127.0.0.1:${port}`;
const TICKS_PER_SECOND = 100;
/** The state database of the measured servers: its own, never data/state. */
const stateDb = join(mkdtempSync(join(tmpdir(), 'pem-bench-downloads-')), 'state.sqlite');

/** The process's CPU time so far (user and system), in ms, from /proc. */
function cpuMs(child: ChildProcess): number {
	const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The process's resident memory now (VmRSS) and at its peak (VmHWM), in MB. */
function memoryMb(child: ChildProcess): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
	const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** One GET, read to the end: its status, time to the first body byte and to the end, and bytes on the wire. */
function get(
	path: string,
	encoding: string
): Promise<{ status: number; firstMs: number; totalMs: number; bytes: number }> {
	const started = performance.now();
	return new Promise((done, fail) => {
		request(`${origin}${path}`, { headers: { 'accept-encoding': encoding } }, (response) => {
			let bytes = 0;
			let firstMs = NaN;
			response.on('data', (chunk: Buffer) => {
				if (bytes === 0) firstMs = performance.now() - started;
				bytes += chunk.length;
			});
			response.on('end', () =>
				done({ status: response.statusCode ?? 0, firstMs, totalMs: performance.now() - started, bytes })
			);
		})
			.on('error', fail)
			.end();
	});
}

async function startServer(): Promise<ChildProcess> {
	const server = spawn(process.execPath, [resolve(options.app)], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATASET_DB_PATH: resolve(options.dataset!),
			STATE_DB_PATH: stateDb
		}
	});
	for (;;) {
		const answer = await get('/healthz', 'identity').catch(() => null);
		if (answer?.status === 200) return server;
		if (server.exitCode !== null) throw new Error('the server exited');
		await new Promise((done) => setTimeout(done, 20));
	}
}

const stop = (server: ChildProcess) =>
	new Promise<void>((done) => {
		server.once('exit', () => done());
		server.kill('SIGTERM');
	});

const rows: string[] = [
	'| download | encoding | status | MB on the wire | first byte (ms) | whole (ms) | server CPU (ms) | RSS before (MB) | peak RSS (MB) |',
	'|---|---|---|--:|--:|--:|--:|--:|--:|'
];
for (const path of options.paths.split(',')) {
	for (const encoding of options.encodings.split(',')) {
		// A fresh process for each download, so its peak is the download's alone.
		const server = await startServer();
		const before = memoryMb(server);
		const cpuBefore = cpuMs(server);
		const answer = await get(path, encoding);
		const cpu = cpuMs(server) - cpuBefore;
		// What the server does after answering (a cached body recompressed off the request path) counts for its peak.
		await new Promise((done) => setTimeout(done, 1000));
		const after = memoryMb(server);
		await stop(server);
		rows.push(
			`| ${path} | ${encoding} | ${answer.status} | ${(answer.bytes / 1e6).toFixed(1)} | ${answer.firstMs.toFixed(0)} | ${answer.totalMs.toFixed(0)} | ${cpu.toFixed(0)} | ${before.rss.toFixed(0)} | ${after.peak.toFixed(0)} |`
		);
		console.error(rows.at(-1));
	}
}
console.log(rows.join('\n'));
