// The production build behind nginx with deploy/nginx.conf: hits from the proxy's cache, the app's compression passed
// through, a maintainer's session bypassing the cache, and an approved correction visible within the page's max-age.
// Run by .ci/run (`npx tsx tests/proxy/behind-nginx.ts`); prints each check and exits non-zero at the first that fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const host = '127.0.0.1';
const APP_PORT = Number(process.env.PROXY_TEST_APP_PORT ?? 4311);
const PROXY_PORT = Number(process.env.PROXY_TEST_PORT ?? 4312);
const proxy = `http://${host}:${PROXY_PORT}`;
const app = `http://${host}:${APP_PORT}`;
/** Shortened from the default 60 s (the app's PAGE_MAX_AGE) so the wait for a correction stays short. */
const MAX_AGE = 2;
const MAINTAINER = { username: 'proxy', password: 'proxy test passphrase' };
/** The claim whose note the correction changes, and the note. */
const CLAIM = 'c0549';
const NOTE = `Corrected through the proxy test, run ${process.pid}.`;

const buildDir = resolve(process.env.APP_BUILD_DIR ?? 'build');
const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill()));

function fail(message: string): never {
	console.error(`FAILED: ${message}`);
	process.exit(1);
}
function check(condition: boolean, what: string, detail = ''): void {
	if (!condition) fail(`${what}${detail ? ` (${detail})` : ''}`);
	console.log(`ok: ${what}${detail ? ` (${detail})` : ''}`);
}

interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}
/** One request, the body as sent (not decompressed). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
	return new Promise<Answer>((done, failed) => {
		const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
			);
		});
		outgoing.on('error', failed);
		outgoing.end(options.body);
	});
}
/** A form posted through the proxy, from the site's own origin. */
const postForm = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
	send(`${proxy}${path}`, {
		method: 'POST',
		body: new URLSearchParams(form).toString(),
		headers: { origin: proxy, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers }
	});
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor(url: string, what: string): Promise<void> {
	for (let attempt = 0; attempt < 300; attempt += 1) {
		const answered = await send(url).then(
			(answer) => answer.status < 500,
			() => false
		);
		if (answered) return;
		await sleep(100);
	}
	fail(`${what} did not answer at ${url}`);
}

function npm(args: string[], env: NodeJS.ProcessEnv, input?: string): void {
	const result = spawnSync('npm', ['run', '-s', ...args], { env, input, stdio: ['pipe', 'inherit', 'inherit'] });
	if (result.status !== 0) fail(`npm run ${args.join(' ')}`);
}

/** deploy/nginx.conf as shipped, pointed at this run's ports and cache folder; each change must find its line. */
function nginxConfig(scratch: string): string {
	let site = readFileSync('deploy/nginx.conf', 'utf8');
	const replace = (pattern: RegExp, by: string) => {
		if (!pattern.test(site)) fail(`deploy/nginx.conf no longer has ${pattern}: update this test with it`);
		site = site.replace(pattern, by);
	};
	replace(/\/var\/cache\/nginx\/exchanges/g, join(scratch, 'cache'));
	replace(/server 127\.0\.0\.1:3000;/g, `server ${host}:${APP_PORT};`);
	replace(/listen 80;/, `listen ${host}:${PROXY_PORT};`);
	writeFileSync(join(scratch, 'site.conf'), site);
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
		.map((kind) => `${kind}_temp_path ${join(scratch, kind)};`)
		.join(' ');
	// As root, nginx's workers would otherwise run as nobody and could not write the cache in this private folder.
	const user = process.getuid?.() === 0 ? 'user root;' : '';
	return `${user} worker_processes 1; daemon off; pid ${join(scratch, 'nginx.pid')}; error_log ${join(scratch, 'error.log')};
events { worker_connections 256; }
http { access_log off; ${temp} include ${join(scratch, 'site.conf')}; }
`;
}

async function main(): Promise<void> {
	const started = Date.now();
	const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
	if (!nginx) fail('nginx is not installed (.ci/run installs it with apt-get)');
	if (!existsSync(join(buildDir, 'index.js'))) fail(`no production build in ${buildDir}: run npm run build first`);

	const scratch = mkdtempSync(join(tmpdir(), 'pem-proxy-test-'));
	chmodSync(scratch, 0o700);
	mkdirSync(join(scratch, 'cache'));
	const instance = {
		...process.env,
		DATASET_DB_PATH: join(scratch, 'dataset.sqlite'),
		STATE_DB_PATH: join(scratch, 'state.sqlite')
	};
	npm(['data:build'], instance);
	npm(['maintainer', '--', 'add', MAINTAINER.username], instance, `${MAINTAINER.password}\n`);

	const server = spawn(process.execPath, [buildDir], {
		env: {
			...instance,
			HOST: host,
			PORT: String(APP_PORT),
			// The public address is the proxy's: forms are posted from it.
			ORIGIN: proxy,
			PAGE_MAX_AGE: String(MAX_AGE),
			SINGLE_MAINTAINER: 'true',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.push(server);
	const configPath = join(scratch, 'nginx.conf');
	writeFileSync(configPath, nginxConfig(scratch));
	const test = spawnSync(nginx, ['-t', '-c', configPath, '-p', scratch], { encoding: 'utf8' });
	if (test.status !== 0) fail(`nginx refuses deploy/nginx.conf:\n${test.stderr}`);
	children.push(spawn(nginx, ['-c', configPath, '-p', scratch], { stdio: ['ignore', 'ignore', 'inherit'] }));
	await waitFor(`${app}/healthz`, 'the app');
	await waitFor(`${proxy}/healthz`, 'nginx');
	console.log(`the app on ${app} behind nginx (deploy/nginx.conf) on ${proxy}, pages max-age=${MAX_AGE} s`);

	// (a) Repeated requests are answered by the cache.
	const br = { 'accept-encoding': 'br, gzip' };
	const first = await send(`${proxy}/rounds`, { headers: br });
	const second = await send(`${proxy}/rounds`, { headers: br });
	check(
		first.status === 200 && second.headers['x-cache-status'] === 'HIT',
		'a repeated GET /rounds is answered from nginx’s cache',
		`X-Cache-Status ${first.headers['x-cache-status']}, then ${second.headers['x-cache-status']}`
	);

	// (b) The app's own compression is passed through, one cached copy per encoding.
	const identity = (await send(`${app}/rounds`)).body;
	check(
		second.headers['content-encoding'] === 'br' && brotliDecompressSync(second.body).equals(identity),
		'the cached copy is the app’s brotli, which decodes to the page',
		`${second.body.byteLength} bytes for ${identity.byteLength}`
	);
	await send(`${proxy}/rounds`, { headers: { 'accept-encoding': 'gzip' } });
	const gzip = await send(`${proxy}/rounds`, { headers: { 'accept-encoding': 'gzip' } });
	check(
		gzip.headers['content-encoding'] === 'gzip' &&
			gzip.headers['x-cache-status'] === 'HIT' &&
			gunzipSync(gzip.body).equals(identity),
		'a client asking for gzip gets the app’s gzip copy, cached apart (Vary: Accept-Encoding)',
		`X-Cache-Status ${gzip.headers['x-cache-status']}`
	);
	const security = String(second.headers['content-security-policy'] ?? '');
	check(
		/frame-ancestors 'none'/.test(security) && second.headers['x-content-type-options'] === 'nosniff',
		'the app’s security headers are stored and sent with the cached copy'
	);

	// A maintainer's session goes to the app and is never stored.
	const login = await postForm('/login', { ...MAINTAINER, next: '/review' }, { 'x-forwarded-for': '10.0.0.1' });
	const session = [login.headers['set-cookie'] ?? []].flat().find((cookie) => cookie.startsWith('pem_session='));
	check(login.status === 303 && session !== undefined, 'a maintainer logs in through the proxy');
	const cookie = session?.split(';')[0] ?? '';
	const withSession = await send(`${proxy}/rounds`, { headers: { ...br, cookie } });
	check(
		withSession.headers['x-cache-status'] === 'BYPASS',
		'a request with a session cookie bypasses the cache',
		`X-Cache-Status ${withSession.headers['x-cache-status']}`
	);

	// (c) An approved correction is visible through the proxy within the page's max-age (plus the one request that
	// nginx answers stale while it fetches the new page).
	const claimPage = `${proxy}/claims/${CLAIM}`;
	await send(claimPage, { headers: br });
	const before = await send(claimPage, { headers: br });
	check(
		before.headers['x-cache-status'] === 'HIT' && !brotliDecompressSync(before.body).toString().includes(NOTE),
		`/claims/${CLAIM} is cached without the new note`
	);
	const suggestion = await postForm(
		'/corrections/new',
		{
			kind: 'change',
			entity: 'claim',
			record_id: CLAIM,
			'field:note': NOTE,
			reason: 'The proxy test checks that approved corrections show through the cache.',
			evidence: 'https://example.org/proxy-test',
			contact_email: '',
			website: ''
		},
		{ 'x-forwarded-for': '10.0.0.2' }
	);
	const correctionId = /^\/corrections\/(\d+)/.exec(String(suggestion.headers.location ?? ''))?.[1];
	check(suggestion.status === 303 && correctionId !== undefined, 'a visitor suggests a new note through the proxy');
	const approval = await postForm(
		'/review?/approve',
		{ correction_id: correctionId ?? '', reason: 'Checked.' },
		{ cookie, 'x-forwarded-for': '10.0.0.1' }
	);
	check(approval.status === 200, 'the maintainer approves it through the proxy', `HTTP ${approval.status}`);
	const approvedAt = Date.now();
	const seen: string[] = [];
	let visibleAfter: number | null = null;
	while (Date.now() - approvedAt < (MAX_AGE + 5) * 1000) {
		const answer = await send(claimPage, { headers: br });
		const shows = brotliDecompressSync(answer.body).toString().includes(NOTE);
		seen.push(`${answer.headers['x-cache-status']}${shows ? ' (new)' : ''}`);
		if (shows) {
			visibleAfter = (Date.now() - approvedAt) / 1000;
			break;
		}
		await sleep(250);
	}
	// max-age, counted by nginx in whole seconds (a copy stored at 10.0 s with max-age 2 is fresh until 12.999 s, so up to
	// a second longer than max-age), then one stale answer while nginx refreshes, and the request that follows it.
	const limit = MAX_AGE + 2;
	check(
		visibleAfter !== null && visibleAfter <= limit,
		`the approved note shows through the proxy within max-age (${MAX_AGE} s, nginx counting whole seconds) plus one request`,
		`after ${visibleAfter ?? 'never'} s; answers: ${seen.join(', ')}`
	);
	console.log(`all proxy checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
process.exit(0);
