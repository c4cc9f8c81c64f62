// The production build (`npm run build`: the app and its server entry) run with `node` on a fixture dataset, for HTTP tests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { addMaintainer } from '../../src/lib/server/auth/maintainers';
import { buildDataset } from '../../src/lib/server/db/build';
import { openState } from '../../src/lib/server/db/state';
import { FIXED_TODAY, fixtureDir, temporaryDir } from './dataset';

/** The build, in its own folders under tests/.tmp so it never replaces `build/` or `.svelte-kit/`. */
const BUILD_ROOT = resolve('tests/.tmp/http-build');
let built: string | null = null;

/**
 * Builds the app once per test process. The message catalog is already compiled (`npm test` runs `check` first;
 * VITEST, inherited, keeps the Paraglide plugin from recompiling it while other test files read it).
 */
export function buildApp(): string {
	if (built) return built;
	rmSync(BUILD_ROOT, { recursive: true, force: true });
	// As `npm run build`: the app, then the server entry (index.js, in place of adapter-node's own server).
	for (const config of ['vite.config.ts', 'vite.server.config.ts']) {
		execFileSync(
			process.execPath,
			[resolve('node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'error'],
			{
				env: { ...process.env, SVELTEKIT_OUT_DIR: join(BUILD_ROOT, 'kit'), APP_BUILD_DIR: join(BUILD_ROOT, 'app') },
				stdio: ['ignore', 'ignore', 'inherit']
			}
		);
	}
	built = join(BUILD_ROOT, 'app');
	return built;
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface RunningApp {
	origin: string;
	/** The state database the server writes: corrections, sessions. */
	statePath: string;
	/** Sends a request to the server; `path` may carry any (already encoded) spelling, it is sent as written. */
	fetch(path: string, init?: RequestInit): Promise<Response>;
	/** A GET whose body is returned exactly as sent (fetch would decompress it). */
	raw(path: string, headers?: Record<string, string>): Promise<RawResponse>;
	/** The server process's resident memory, from /proc. */
	residentBytes(): number;
	stop(): Promise<void>;
}

export interface RawResponse {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export const MAINTAINER = { username: 'mira', password: 'a long test passphrase' } as const;

/** A fresh data folder, published dataset and state database (with one maintainer), and the server on them. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
	const app = buildApp();
	const dir = temporaryDir();
	const dataDir = join(dir, 'data');
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	const datasetPath = join(dir, 'dataset.sqlite');
	const result = buildDataset({ dataDir, outPath: datasetPath, today: FIXED_TODAY });
	if (!result.ok) throw new Error(result.errors.join('\n'));
	const statePath = join(dir, 'state.sqlite');
	const state = openState(statePath);
	await addMaintainer(state, MAINTAINER.username, MAINTAINER.password, new Date(`${FIXED_TODAY}T00:00:00Z`));
	state.close();

	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [join(app, 'index.js')], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			DATA_DIR: dataDir,
			DATASET_DB_PATH: datasetPath,
			STATE_DB_PATH: statePath,
			DATASET_TODAY: FIXED_TODAY,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Never outlive the tests, even when they stop early.
	process.once('exit', () => child.kill());
	let errors = '';
	child.stderr?.on('data', (chunk) => (errors += String(chunk)));
	await new Promise<void>((ready, fail) => {
		child.stdout?.on('data', (chunk) => String(chunk).includes('Listening') && ready());
		child.once('exit', (code) => fail(new Error(`the server exited (${code}):\n${errors}`)));
	});
	return {
		origin,
		statePath,
		fetch: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
		raw: (path, headers = {}) =>
			new Promise((done, fail) => {
				const request = httpRequest(`${origin}${path}`, { headers }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () =>
						done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
					);
				});
				request.on('error', fail);
				request.end();
			}),
		residentBytes: () => {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
		},
		stop: () =>
			new Promise((stopped) => {
				child.once('exit', () => stopped());
				child.kill('SIGTERM');
			})
	};
}
