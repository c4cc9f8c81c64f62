// `npm run bench:http`: the production server against a static server sending the very same bytes, side by side on
// one core each, load from autocannon on another; writes a table of ratios to bench/results/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
	options: {
		duration: { type: 'string', default: '5' },
		connections: { type: 'string', default: '10' },
		rounds: { type: 'string', default: '3' },
		'no-nginx': { type: 'boolean', default: false }
	}
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const rounds = Number(options.rounds);

/** The pages measured: the four, and the chart image. Every request asks for compressed bytes, as browsers do. */
const paths = ['/', '/rounds/2024-12-30-exchange', '/rounds', '/search?q=Medinsky', '/charts/cumulative.png'];
const ACCEPT_ENCODING = 'br, gzip';
const APP_PORT = 4391;
const STATIC_PORT = 4392;
const host = '127.0.0.1';

/** Cores: the servers share the first, the load generator has the second (when there are two and taskset exists). */
const canPin = availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
const pinned = (core: number, command: string, args: string[]) =>
	canPin ? { command: 'taskset', args: ['-c', String(core), command, ...args] } : { command, args };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function waitFor(url: string): Promise<void> {
	for (let attempt = 0; attempt < 300; attempt += 1) {
		if (
			await fetch(url).then(
				(response) => response.ok,
				() => false
			)
		)
			return;
		await new Promise((done) => setTimeout(done, 100));
	}
	throw new Error(`${url} did not answer`);
}

/** A response as the app sent it: the bytes on the wire and the headers the static server repeats. */
interface Captured {
	path: string;
	body: Buffer;
	headers: Record<string, string>;
}

async function capture(path: string): Promise<Captured> {
	// Node's fetch would decode the body: read the raw bytes with http.get instead.
	const { get } = await import('node:http');
	return new Promise((done, fail) => {
		get(`http://${host}:${APP_PORT}${path}`, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const headers: Record<string, string> = {};
				for (const name of ['content-type', 'content-encoding', 'vary', 'cache-control', 'etag']) {
					const value = response.headers[name];
					if (typeof value === 'string') headers[name] = value;
				}
				done({ path, body: Buffer.concat(chunks), headers });
			});
		}).on('error', fail);
	});
}

/** nginx, installed with apt-get when absent (bounded in time); null when it cannot be had. */
function findNginx(): string | null {
	if (options['no-nginx']) return null;
	const which = () => spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' });
	let found = which().stdout.trim().split('\n')[0] ?? '';
	if (!found && process.getuid?.() === 0) {
		console.log('nginx is not installed: installing it with apt-get (at most 5 minutes)');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		spawnSync('timeout', ['120', 'apt-get', 'update', '-qq'], { stdio: 'inherit', env });
		spawnSync('timeout', ['180', 'apt-get', 'install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
		found = which().stdout.trim().split('\n')[0] ?? '';
	}
	return found || null;
}

/** An nginx configuration serving each captured response from a file, with its headers, on one worker. */
function nginxConfig(root: string, captured: Captured[]): string {
	const locations = captured.map((response, index) => {
		const file = join(root, `body-${index}`);
		writeFileSync(file, response.body);
		const extra = Object.entries(response.headers)
			.filter(([name]) => name !== 'content-type')
			.map(([name, value]) => `add_header ${name} '${value.replaceAll("'", '')}' always;`)
			.join(' ');
		const location = response.path.split('?')[0];
		return `location = ${location} { root ${root}; try_files /body-${index} =404; types { } default_type '${response.headers['content-type'] ?? 'text/html'}'; etag off; ${extra} }`;
	});
	return `worker_processes 1; daemon off; pid ${root}/nginx.pid; error_log ${root}/error.log; user root;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path ${root}; proxy_temp_path ${root}; fastcgi_temp_path ${root}; uwsgi_temp_path ${root}; scgi_temp_path ${root};
  server { listen ${host}:${STATIC_PORT}; ${locations.join('\n    ')} } }
`;
}

/** The minimal Node static server used when nginx is unavailable: the captured bytes and headers from memory. */
function nodeStaticServer(captured: Captured[]): Server {
	const byPath = new Map(captured.map((response) => [response.path.split('?')[0], response]));
	return createServer((request, response) => {
		const found = byPath.get((request.url ?? '/').split('?')[0]);
		if (!found) return response.writeHead(404).end();
		response.writeHead(200, { ...found.headers, 'content-length': found.body.length }).end(found.body);
	});
}

interface Measure {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	bytesPerResponse: number;
	errors: number;
}

function load(url: string): Measure {
	const cli = resolve('node_modules/autocannon/autocannon.js');
	const { command, args } = pinned(1, process.execPath, [
		cli,
		'--json',
		'-c',
		String(connections),
		'-d',
		String(duration),
		'-H',
		`accept-encoding=${ACCEPT_ENCODING}`,
		url
	]);
	const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const report = JSON.parse(result.stdout) as {
		requests: { average: number; total: number };
		latency: { p50: number; p99: number };
		throughput: { total: number };
		errors: number;
		non2xx: number;
	};
	return {
		requestsPerSecond: report.requests.average,
		p50: report.latency.p50,
		p99: report.latency.p99,
		bytesPerResponse: report.requests.total > 0 ? report.throughput.total / report.requests.total : 0,
		errors: report.errors + report.non2xx
	};
}

const median = (numbers: number[]) => {
	const sorted = [...numbers].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function main() {
	if (!existsSync('build/index.js')) run('npm', ['run', 'build']);
	run('npm', ['run', '-s', 'data:build', '--', '--if-stale']);
	const scratch = mkdtempSync(join(tmpdir(), 'pem-bench-http-'));
	const children: ChildProcess[] = [];
	let nodeStatic: Server | null = null;
	const stopAll = () => {
		for (const child of children) child.kill();
		nodeStatic?.close();
	};
	process.on('exit', stopAll);
	try {
		const app = pinned(0, process.execPath, ['build']);
		children.push(
			spawn(app.command, app.args, {
				stdio: 'ignore',
				env: {
					...process.env,
					PORT: String(APP_PORT),
					HOST: host,
					ORIGIN: `http://${host}:${APP_PORT}`,
					STATE_DB_PATH: join(scratch, 'state.sqlite')
				}
			})
		);
		await waitFor(`http://${host}:${APP_PORT}/methodology`);
		const captured = await Promise.all(paths.map(capture));

		const nginx = findNginx();
		let baseline: string;
		if (nginx) {
			const config = join(scratch, 'nginx.conf');
			writeFileSync(config, nginxConfig(scratch, captured));
			const server = pinned(0, nginx, ['-c', config, '-p', scratch]);
			children.push(spawn(server.command, server.args, { stdio: 'inherit' }));
			baseline = `nginx (${spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim()})`;
		} else {
			// Same process pinning is not possible for a server inside this process: the load generator is pinned instead.
			nodeStatic = nodeStaticServer(captured);
			await new Promise<void>((done) => nodeStatic?.listen(STATIC_PORT, host, done));
			baseline = 'a minimal Node static server (nginx was not available)';
		}
		await waitFor(`http://${host}:${STATIC_PORT}/`);
		console.log(`baseline: ${baseline}; pinned to cores: ${canPin ? 'yes' : 'no (taskset or a second core missing)'}`);

		const rows: string[] = [];
		for (const response of captured) {
			const app: Measure[] = [];
			const stat: Measure[] = [];
			for (let round = 0; round < rounds; round += 1) {
				// Alternate which goes first, so that neither always gets the warmer machine.
				const order = round % 2 === 0 ? (['app', 'static'] as const) : (['static', 'app'] as const);
				for (const which of order) {
					const port = which === 'app' ? APP_PORT : STATIC_PORT;
					(which === 'app' ? app : stat).push(load(`http://${host}:${port}${response.path}`));
				}
			}
			const m = (list: Measure[], key: keyof Measure) => median(list.map((measure) => measure[key]));
			const ratio = m(app, 'requestsPerSecond') / Math.max(1, m(stat, 'requestsPerSecond'));
			rows.push(
				`| \`${response.path}\` | ${m(app, 'requestsPerSecond').toFixed(0)} | ${m(stat, 'requestsPerSecond').toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${m(app, 'p50')} / ${m(app, 'p99')} ms | ${m(stat, 'p50')} / ${m(stat, 'p99')} ms | ${m(app, 'bytesPerResponse').toFixed(0)} | ${m(stat, 'bytesPerResponse').toFixed(0)} | ${response.headers['content-encoding'] ?? 'none'} | ${m(app, 'errors') + m(stat, 'errors')} |`
			);
			console.log(rows.at(-1));
		}
		const date = new Date().toISOString();
		const table = [
			`# bench:http, ${date}`,
			'',
			`App: the production server (\`node build\`) on the real dataset. Baseline: ${baseline}, serving the bytes the app sent for each address, with its headers. ${canPin ? 'Both servers on core 0 (one at a time), autocannon on core 1.' : 'Not pinned to cores.'} ${connections} connections, ${duration} s per run, ${rounds} alternated runs each; medians. Requests ask for \`accept-encoding: ${ACCEPT_ENCODING}\`; bytes per response include headers.`,
			'',
			'| address | app req/s | baseline req/s | app / baseline | app p50 / p99 | baseline p50 / p99 | app bytes | baseline bytes | encoding | errors |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...rows,
			''
		].join('\n');
		mkdirSync('bench/results', { recursive: true });
		const file = `bench/results/http-${date.slice(0, 16).replace(':', '')}.md`;
		writeFileSync(file, table);
		console.log(`\n${table}\nwritten to ${file}`);
	} finally {
		stopAll();
	}
}

await main();
