// `npm run bench:http`: the production server against a static server sending the very same bytes, side by side on
// one core each, load from autocannon on another; then reads while approvals are published; writes both tables to bench/results/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
	options: {
		duration: { type: 'string', default: '5' },
		connections: { type: 'string', default: '10' },
		rounds: { type: 'string', default: '3' },
		'no-nginx': { type: 'boolean', default: false },
		'no-approvals': { type: 'boolean', default: false },
		app: { type: 'string' },
		'only-approvals': { type: 'boolean', default: false },
		profile: { type: 'string' },
		port: { type: 'string', default: '4391' },
		paths: { type: 'string' },
		client: { type: 'string', default: 'autocannon' }
	}
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const rounds = Number(options.rounds);
/**
 * `--client wrk|autocannon`: the load generator of the side-by-side part. autocannon (the default, a Node program)
 * appends every response body to a string, decoding it as UTF-8; a 13 kB brotli body (`/`) is binary and slow to
 * decode, so autocannon, not the server, then sets the pace, and a server idle most of the run spends more CPU per
 * response (each request wakes it alone, on caches the machine's other work has used). wrk (C, Debian's package,
 * installed with apt-get when absent) reads the bytes without looking at them and keeps a server busy.
 */
const client = options.client;
if (client !== 'autocannon' && client !== 'wrk') throw new Error('--client must be autocannon or wrk');

/** The pages measured (`--paths a,b`): the issue's four, and the chart image. Every request asks for compressed bytes, as browsers do. */
const paths = options.paths?.split(',') ?? [
	'/',
	'/rounds/2024-12-30-exchange',
	'/rounds',
	'/search?q=Medinsky',
	'/charts/cumulative.png'
];
const ACCEPT_ENCODING = 'br, gzip';
/** `--port <n>`: the app listens on n and the static server on n + 1. */
const APP_PORT = Number(options.port);
const STATIC_PORT = APP_PORT + 1;
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

async function captureOnce(path: string): Promise<Captured> {
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

/**
 * A page's bytes once they stop changing: the first hit may send the quickly compressed body, replaced by the best
 * compression in the background; both servers must send the bytes the app serves from then on.
 */
async function capture(path: string): Promise<Captured> {
	let previous = await captureOnce(path);
	let unchanged = 0;
	// The same bytes three seconds running (a loaded machine takes a while over the best brotli of a large page).
	for (let attempt = 0; attempt < 60 && unchanged < 3; attempt += 1) {
		await new Promise((done) => setTimeout(done, 1000));
		const next = await captureOnce(path);
		unchanged = next.body.equals(previous.body) ? unchanged + 1 : 0;
		previous = next;
	}
	return previous;
}

/** A Debian package's program (nginx, wrk), installed with apt-get when absent (bounded in time); null when it cannot be had. */
function findProgram(name: string): string | null {
	const which = () =>
		spawnSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name}`], { encoding: 'utf8', stdio: 'pipe' });
	let found = which().stdout.trim().split('\n')[0] ?? '';
	if (!found && process.getuid?.() === 0) {
		console.log(`${name} is not installed: installing it with apt-get (at most 5 minutes)`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		spawnSync('timeout', ['120', 'apt-get', 'update', '-qq'], { stdio: 'inherit', env });
		spawnSync('timeout', ['180', 'apt-get', 'install', '-y', '-qq', name], { stdio: 'inherit', env });
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
	/** The server's CPU time per response (µs), its worker processes included; NaN when it cannot be read. */
	cpuPerResponse: number;
}

/** Clock ticks per second of /proc's CPU times (Linux's USER_HZ, 100 everywhere it runs). */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * The CPU time (ms, user and system) used so far by a process and every process under it (nginx's worker is the
 * master's child), from /proc; NaN where there is no /proc. A server pinned to one core that serves as many
 * responses as the load generator can ask for is idle part of the time, so its CPU per response, not its
 * requests per second, says what one response costs it.
 */
function cpuMs(root: number | undefined): number {
	if (root === undefined || !existsSync('/proc/self/stat')) return Number.NaN;
	const stats = new Map<number, { parent: number; ticks: number }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The command name, in parentheses, may hold spaces: the fields are counted after its closing one.
			const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
			stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
		} catch {
			// The process ended while /proc was read.
		}
	}
	let ticks = 0;
	for (const [pid, stat] of stats) {
		for (let at: number | undefined = pid; at !== undefined && at > 1; at = stats.get(at)?.parent) {
			if (at === root) {
				ticks += stat.ticks;
				break;
			}
		}
	}
	return (ticks * 1000) / TICKS;
}

/**
 * wrk's report as one line of JSON (its Lua `done` hook): responses, bytes read, errors of every kind (non-2xx or 3xx
 * statuses included) and the latency percentiles, from wrk's own counts rather than its rounded text.
 */
const WRK_REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"total":%d,"bytes":%d,"micros":%d,"errors":%d,"p50":%.3f,"p99":%.3f}\\n',
    summary.requests, summary.bytes, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`;
let wrkScript: string | null = null;

/** The load generator's command for one run against `url` (see `--client`). */
function loadCommand(url: string, generator: 'autocannon' | 'wrk', seconds: number) {
	if (generator === 'wrk') {
		const wrk = findProgram('wrk');
		if (!wrk) throw new Error('--client wrk: wrk is not installed and could not be');
		if (!wrkScript) {
			wrkScript = join(mkdtempSync(join(tmpdir(), 'pem-bench-wrk-')), 'report.lua');
			writeFileSync(wrkScript, WRK_REPORT);
		}
		const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', wrkScript];
		return pinned(1, wrk, [...args, '-H', `accept-encoding: ${ACCEPT_ENCODING}`, url]);
	}
	const cli = resolve('node_modules/autocannon/autocannon.js');
	const args = ['--json', '-c', String(connections), '-d', String(seconds)];
	return pinned(1, process.execPath, [cli, ...args, '-H', `accept-encoding=${ACCEPT_ENCODING}`, url]);
}

/** The figures of a run, from either load generator's report. */
function parseReport(
	stdout: string,
	generator: 'autocannon' | 'wrk'
): { total: number; perSecond: number; bytes: number; errors: number; p50: number; p99: number } {
	if (generator === 'wrk') {
		const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as {
			total: number;
			bytes: number;
			micros: number;
			errors: number;
			p50: number;
			p99: number;
		};
		return { ...report, perSecond: report.total / (report.micros / 1e6) };
	}
	const report = JSON.parse(stdout) as {
		requests: { average: number; total: number };
		latency: { p50: number; p99: number };
		throughput: { total: number };
		errors: number;
		non2xx: number;
	};
	return {
		total: report.requests.total,
		perSecond: report.requests.average,
		bytes: report.throughput.total,
		errors: report.errors + report.non2xx,
		p50: report.latency.p50,
		p99: report.latency.p99
	};
}

/**
 * One run of the load generator on core 1, with the CPU time of `server` (a process id) meanwhile; asynchronous, so
 * that this process can drive approvals meanwhile.
 */
async function load(
	url: string,
	server?: number,
	seconds = duration,
	generator: 'autocannon' | 'wrk' = 'autocannon'
): Promise<Measure> {
	const { command, args } = loadCommand(url, generator, seconds);
	const cpuBefore = cpuMs(server);
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
	let stdout = '';
	child.stdout.on('data', (chunk) => (stdout += String(chunk)));
	await once(child, 'close');
	const cpu = cpuMs(server) - cpuBefore;
	const report = parseReport(stdout, generator);
	return {
		requestsPerSecond: report.perSecond,
		p50: report.p50,
		p99: report.p99,
		bytesPerResponse: report.total > 0 ? report.bytes / report.total : 0,
		errors: report.errors,
		cpuPerResponse: report.total > 0 ? (cpu * 1000) / report.total : Number.NaN
	};
}

/** The maintainer who approves during the second part (SINGLE_MAINTAINER: one person may approve a suggestion). */
const MAINTAINER = { username: 'bench', password: 'bench http passphrase' };
/** What is read while approvals are published: each publication is a new dataset version, which makes the cache stale. */
const READ_PATHS = ['/search?q=Medinsky', '/rounds'];
const appOrigin = `http://${host}:${APP_PORT}`;

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(`${appOrigin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(form),
		// The app reads client addresses from X-Forwarded-For here (as behind a proxy): every request must carry one.
		headers: { origin: appOrigin, accept: 'text/html', 'x-forwarded-for': '10.255.0.1', ...headers }
	});
}

async function logIn(): Promise<string> {
	const response = await post('/login', { ...MAINTAINER, next: '/review' });
	const cookie = response.headers.getSetCookie().find((set) => set.startsWith('pem_session='));
	if (response.status !== 303 || !cookie)
		throw new Error(`the benchmark's maintainer could not log in (${response.status})`);
	return cookie.split(';')[0] ?? '';
}

/**
 * A visitor suggests a new note for a claim and the maintainer approves it: one publication. Each suggestion comes
 * from its own (forwarded) address, so the suggestion form's per-address limit never refuses one. Returns its time.
 */
async function suggestAndApprove(cookie: string, n: number): Promise<number> {
	const started = performance.now();
	const suggestion = {
		kind: 'change',
		entity: 'claim',
		record_id: 'c0002',
		'field:note': `Benchmark note ${n}.`,
		reason: 'Benchmark of reads during approvals.',
		evidence: 'https://example.org/benchmark',
		contact_email: '',
		website: ''
	};
	const suggested = await post('/corrections/new', suggestion, {
		'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
	});
	const id = /^\/corrections\/(\d+)/.exec(suggested.headers.get('location') ?? '')?.[1];
	if (suggested.status !== 303 || !id) throw new Error(`a suggestion was refused (${suggested.status})`);
	const approved = await post('/review?/approve', { correction_id: id, reason: 'Benchmark.' }, { cookie });
	await approved.arrayBuffer();
	if (approved.status !== 200) throw new Error(`an approval failed (${approved.status})`);
	return performance.now() - started;
}

/** A latency in ms as the table prints it: wrk's have fractions, autocannon's are whole. */
const ms = (value: number) => String(Math.round(value * 10) / 10);

const median = (numbers: number[]) => {
	const sorted = [...numbers].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function main() {
	// Always built, unless `--app <dir>` names a build to measure (an earlier commit's, say): build/ may hold an older
	// build, or adapter-node's own server instead of ours.
	if (!options.app) run('npm', ['run', 'build']);
	const appDir = resolve(options.app ?? 'build');
	const scratch = mkdtempSync(join(tmpdir(), 'pem-bench-http-'));
	// Its own published dataset and state database: the approvals publish corrections, never into data/build/.
	const instance = {
		...process.env,
		DATASET_DB_PATH: join(scratch, 'dataset.sqlite'),
		STATE_DB_PATH: join(scratch, 'state.sqlite')
	};
	run('npm', ['run', '-s', 'data:build'], instance);
	const added = spawnSync('npm', ['run', '-s', 'maintainer', '--', 'add', MAINTAINER.username], {
		input: `${MAINTAINER.password}\n`,
		env: instance,
		stdio: ['pipe', 'inherit', 'inherit']
	});
	if (added.status !== 0) throw new Error('could not create the benchmark maintainer');
	const children: ChildProcess[] = [];
	let nodeStatic: Server | null = null;
	const stopAll = () => {
		for (const child of children) child.kill();
		nodeStatic?.close();
	};
	process.on('exit', stopAll);
	try {
		// `--profile <dir>`: the server writes a CPU profile there when it stops (`node --cpu-prof`).
		const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.profile)}`] : [];
		const app = pinned(0, process.execPath, [...profile, appDir]);
		// taskset runs the server in its own process (exec), so the child's id is the server's.
		const appServer = spawn(app.command, app.args, {
			stdio: 'ignore',
			env: {
				...instance,
				PORT: String(APP_PORT),
				HOST: host,
				ORIGIN: appOrigin,
				SINGLE_MAINTAINER: 'true',
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			}
		});
		children.push(appServer);
		await waitFor(`http://${host}:${APP_PORT}/methodology`);
		const captured = await Promise.all(paths.map(capture));

		const nginx = options['no-nginx'] ? null : findProgram('nginx');
		let baseline: string;
		// The static server's process, whose CPU is read (the Node fallback runs in this process: not read).
		let staticServer: ChildProcess | null = null;
		if (nginx) {
			const config = join(scratch, 'nginx.conf');
			writeFileSync(config, nginxConfig(scratch, captured));
			const server = pinned(0, nginx, ['-c', config, '-p', scratch]);
			staticServer = spawn(server.command, server.args, { stdio: 'inherit' });
			children.push(staticServer);
			baseline = `nginx (${spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim()})`;
		} else {
			// Same process pinning is not possible for a server inside this process: the load generator is pinned instead.
			nodeStatic = nodeStaticServer(captured);
			await new Promise<void>((done) => nodeStatic?.listen(STATIC_PORT, host, done));
			baseline = 'a minimal Node static server (nginx was not available)';
		}
		await waitFor(`http://${host}:${STATIC_PORT}/`);
		console.log(
			`baseline: ${baseline}; load generator: ${client}; pinned to cores: ${canPin ? 'yes' : 'no (taskset or a second core missing)'}`
		);

		const rows: string[] = [];
		for (const response of options['only-approvals'] ? [] : captured) {
			const app: Measure[] = [];
			const stat: Measure[] = [];
			for (let round = 0; round < rounds; round += 1) {
				// Alternate which goes first, so that neither always gets the warmer machine.
				const order = round % 2 === 0 ? (['app', 'static'] as const) : (['static', 'app'] as const);
				for (const which of order) {
					const port = which === 'app' ? APP_PORT : STATIC_PORT;
					const server = which === 'app' ? appServer.pid : staticServer?.pid;
					(which === 'app' ? app : stat).push(
						await load(`http://${host}:${port}${response.path}`, server, duration, client)
					);
				}
			}
			const m = (list: Measure[], key: keyof Measure) => median(list.map((measure) => measure[key]));
			const ratio = m(app, 'requestsPerSecond') / Math.max(1, m(stat, 'requestsPerSecond'));
			// What one core could serve of each, from the CPU each spent per response: the ratio of the costs.
			const cpuRatio = m(stat, 'cpuPerResponse') / m(app, 'cpuPerResponse');
			rows.push(
				`| \`${response.path}\` | ${m(app, 'requestsPerSecond').toFixed(0)} | ${m(stat, 'requestsPerSecond').toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${m(app, 'cpuPerResponse').toFixed(0)} / ${m(stat, 'cpuPerResponse').toFixed(0)} µs | ${Number.isNaN(cpuRatio) ? 'n/a' : `${(cpuRatio * 100).toFixed(0)} %`} | ${ms(m(app, 'p50'))} / ${ms(m(app, 'p99'))} ms | ${ms(m(stat, 'p50'))} / ${ms(m(stat, 'p99'))} ms | ${m(app, 'bytesPerResponse').toFixed(0)} | ${m(stat, 'bytesPerResponse').toFixed(0)} | ${response.headers['content-encoding'] ?? 'none'} | ${m(app, 'errors') + m(stat, 'errors')} |`
			);
			console.log(rows.at(-1));
		}
		const readRows: string[] = [];
		if (!options['no-approvals']) {
			const cookie = await logIn();
			let published = 0;
			for (const path of READ_PATHS) {
				const idle: Measure[] = [];
				const during: Measure[] = [];
				const approvalTimes: number[] = [];
				for (let round = 0; round < rounds; round += 1) {
					idle.push(await load(`${appOrigin}${path}`, appServer.pid));
					let stop = false;
					const approving = (async () => {
						while (!stop) approvalTimes.push(await suggestAndApprove(cookie, (published += 1)));
					})();
					during.push(await load(`${appOrigin}${path}`, appServer.pid));
					stop = true;
					await approving;
				}
				const m = (list: Measure[], key: keyof Measure) => median(list.map((measure) => measure[key]));
				const ratio = m(during, 'p99') / Math.max(1, m(idle, 'p99'));
				const mean = approvalTimes.reduce((sum, time) => sum + time, 0) / Math.max(1, approvalTimes.length);
				readRows.push(
					`| \`${path}\` | ${m(idle, 'requestsPerSecond').toFixed(0)} | ${m(during, 'requestsPerSecond').toFixed(0)} | ${m(idle, 'p50')} / ${m(idle, 'p99')} ms | ${m(during, 'p50')} / ${m(during, 'p99')} ms | ${ratio.toFixed(1)}× (${ratio <= 1.5 ? 'met' : 'missed'}) | ${approvalTimes.length} in ${rounds * duration} s, ${mean.toFixed(0)} ms mean | ${m(idle, 'errors') + m(during, 'errors')} |`
				);
				console.log(readRows.at(-1));
			}
		}
		const date = new Date().toISOString();
		const table = [
			`# bench:http, ${date}`,
			'',
			`App: the production server (\`node build\`: the server entry, then SvelteKit) on the real dataset. Baseline: ${baseline}, serving the bytes the app sent for each address, with its headers. Load generator: ${client}. ${canPin ? `Both servers on core 0 (one at a time), ${client} on core 1.` : 'Not pinned to cores.'} ${connections} connections, ${duration} s per run, ${rounds} alternated runs each; medians. Requests ask for \`accept-encoding: ${ACCEPT_ENCODING}\`; bytes per response include headers. CPU per response is the server's user and system time during the run (from /proc, worker processes included) divided by the responses sent: when the load generator, not the server, sets the pace, the server is idle part of the time and its requests per second say little, while the ratio of the two servers' CPU per response says how many requests each could serve on the core.`,
			'',
			'| address | app req/s | baseline req/s | app / baseline | CPU per response, app / baseline | baseline CPU / app CPU (req/s one core could serve, app / baseline) | app p50 / p99 | baseline p50 / p99 | app bytes | baseline bytes | encoding | errors |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...rows,
			'',
			...(readRows.length > 0
				? [
						`Reads while approvals are published: the app alone, ${connections} connections for ${duration} s, idle and then while a maintainer approves suggestions back to back over HTTP (each approval publishes a new dataset version, which makes the page cache stale); ${rounds} runs each, medians. Goal: p99 during approvals at most 1.5 times the idle p99.`,
						'',
						'| read | idle req/s | during approvals req/s | idle p50 / p99 | during p50 / p99 | p99 during / idle (goal ≤ 1.5×) | approvals published | errors |',
						'| --- | --- | --- | --- | --- | --- | --- | --- |',
						...readRows,
						''
					]
				: [])
		].join('\n');
		mkdirSync('bench/results', { recursive: true });
		const file = `bench/results/http-${date.slice(0, 16).replace(':', '')}${client === 'wrk' ? '-wrk' : ''}.md`;
		writeFileSync(file, table);
		console.log(`\n${table}\nwritten to ${file}`);
	} finally {
		stopAll();
	}
}

await main();
