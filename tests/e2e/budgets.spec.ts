// Byte budgets of every public page family at 1× (the real dataset) and 10× (the synthetic one): HTML, the JavaScript
// each page loads, and both brotli-compressed with node:zlib here. Bytes only, so the check cannot be flaky; timings
// belong to the benchmarks.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** Brotli-compressed JavaScript a public page may load. */
const JS_BUDGET = 10 * 1024;
/** The overview's HTML before compression, and brotli-compressed, at 1×. */
const OVERVIEW_HTML_BUDGET = 120 * 1024;
const OVERVIEW_BROTLI_BUDGET = 25 * 1024;
/** A page at 10× may weigh at most this many times what it weighs at 1×: page weight must not grow with the data. */
const GROWTH_BUDGET = 1.5;

/** Every public page family, by one address that exists at both scales (the synthetic copy 0 is data/). */
const pages = [
	'/',
	'/uk',
	'/ru',
	'/uk/rounds/2024-12-30-exchange',
	'/ru/claims',
	'/rounds',
	'/rounds?year=2025&sort=gap_desc',
	'/rounds/2024-12-30-exchange',
	'/claims',
	'/claims/c0001',
	'/claims?sort=date_asc',
	'/claimants',
	'/claimants/k-zelensky',
	'/sources',
	'/sources/s0001',
	'/search?q=Medinsky',
	'/search?q=Medinsky&kind=claim',
	'/charts/timeline-people',
	'/charts/cumulative',
	'/embed/timeline-people',
	'/embed/cumulative',
	'/embed/discrepancies',
	'/download',
	'/methodology',
	'/corrections',
	'/corrections/new?entity=round&id=2024-12-30-exchange',
	'/changes',
	'/api/v1',
	'/api/v1/rounds',
	'/api/v1/claims',
	'/api/v1/sources',
	'/api/v1/claimants'
];

/**
 * Budgets not met yet, with why; each is checked to be still over, so that meeting it fails this test until the entry
 * is removed. The charts draw bins of time, a bounded number of stated totals and the latest rows, so the overview and
 * the embeds no longer grow with the data.
 */
const knownOver: Record<string, string> = {
	'/uk html at 1×':
		'a Cyrillic letter takes two bytes in UTF-8, so the same page in Ukrainian is about 136 kB before compression (14.7 kB brotli)',
	'/ru html at 1×':
		'a Cyrillic letter takes two bytes in UTF-8, so the same page in Russian is about 137 kB before compression (16.9 kB brotli)',
	'/uk html at 10×': 'as at 1×: about 19 % over 120 kB because of UTF-8, and well within 1.5 times that budget',
	'/ru html at 10×': 'as at 1×: about 19 % over 120 kB because of UTF-8, and well within 1.5 times that budget'
};

interface Weight {
	html: number;
	htmlBrotli: number;
	js: number;
	jsBrotli: number;
	jsFiles: string[];
}

const brotli = (bytes: Buffer) => brotliCompressSync(bytes).length;

/**
 * A GET, tried a second time when the connection was closed under it: a kept-alive socket may be closed by the
 * server's idle timeout just as it is reused after a slow page. The bytes are the same either way.
 */
async function get(url: string | URL): Promise<Response> {
	try {
		return await fetch(url);
	} catch {
		return fetch(url);
	}
}

/** The JavaScript files an HTML page loads: scripts, module preloads, dynamic imports, and what those import. */
async function javascriptOf(base: string, path: string, html: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	const pending = [
		...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
		...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
		...html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)
	].map((match) => new URL(match[1] ?? '', new URL(path, base)).href);
	while (pending.length > 0) {
		const url = pending.pop() ?? '';
		if (files.has(url)) continue;
		const response = await get(url);
		expect(response.status, url).toBe(200);
		const body = Buffer.from(await response.arrayBuffer());
		files.set(url, body);
		const text = body.toString('utf8');
		for (const match of text.matchAll(/(?:from\s*|import\s*\(?\s*)"(\.{1,2}\/[^"]+\.js)"/g)) {
			pending.push(new URL(match[1] ?? '', url).href);
		}
	}
	return files;
}

async function weigh(base: string, path: string): Promise<Weight> {
	const response = await get(new URL(path, base));
	expect(response.status, `${base}${path}`).toBe(200);
	const body = Buffer.from(await response.arrayBuffer());
	const isHtml = (response.headers.get('content-type') ?? '').startsWith('text/html');
	const scripts = isHtml ? await javascriptOf(base, path, body.toString('utf8')) : new Map<string, Buffer>();
	const js = [...scripts.values()];
	return {
		html: body.length,
		htmlBrotli: brotli(body),
		js: js.reduce((sum, file) => sum + file.length, 0),
		jsBrotli: js.reduce((sum, file) => sum + brotli(file), 0),
		jsFiles: [...scripts.keys()].map((url) => new URL(url).pathname)
	};
}

/** Checks `actual <= budget`, or for a known gap that it is still over (see knownOver). */
function withinBudget(key: string, actual: number, budget: number) {
	if (key in knownOver) {
		expect(actual, `${key} now meets its budget of ${budget}: remove it from knownOver`).toBeGreaterThan(budget);
	} else {
		expect(actual, `${key}: ${actual} bytes, budget ${budget}`).toBeLessThanOrEqual(budget);
	}
}

test.describe('byte budgets at 1× and 10×', () => {
	test.describe.configure({ mode: 'serial', timeout: 180_000 });
	const port = Number(process.env.E2E_PORT ?? 4173) + 1;
	const scratch = `tests/.tmp/budgets-${port}`;
	const tenX = `http://127.0.0.1:${port}`;
	let server: ChildProcess | undefined;
	const weights = new Map<string, { one: Weight; ten: Weight }>();

	test.beforeAll(async () => {
		test.setTimeout(180_000);
		rmSync(scratch, { recursive: true, force: true });
		mkdirSync(scratch, { recursive: true });
		const env = { ...process.env, DATASET_DB_PATH: `${scratch}/x10.sqlite`, STATE_DB_PATH: `${scratch}/state.sqlite` };
		const built = spawnSync('npm', ['run', '-s', 'data:synthetic', '--', '--scale', '10'], { env, encoding: 'utf8' });
		expect(built.status, built.stderr).toBe(0);
		// The production build the other journeys run against, on the synthetic dataset.
		server = spawn('node', ['build'], {
			env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: tenX },
			stdio: 'inherit'
		});
		for (let attempt = 0; attempt < 300; attempt += 1) {
			const up = await fetch(`${tenX}/methodology`).then(
				(response) => response.ok,
				() => false
			);
			if (up) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	});

	test.afterAll(() => {
		server?.kill();
	});

	test('weigh every page family at both scales', async ({ baseURL }) => {
		for (const path of pages) {
			weights.set(path, { one: await weigh(baseURL ?? '', path), ten: await weigh(tenX, path) });
		}
		const table = [...weights].map(([path, { one, ten }]) => ({
			path,
			'html 1×': one.html,
			'br 1×': one.htmlBrotli,
			'html 10×': ten.html,
			'br 10×': ten.htmlBrotli,
			'js br': Math.max(one.jsBrotli, ten.jsBrotli)
		}));
		console.table(table);
	});

	test('no public page loads more than 10 kB of compressed JavaScript', () => {
		for (const [path, { one, ten }] of weights) {
			for (const weight of [one, ten]) {
				withinBudget(`${path} js`, weight.jsBrotli, JS_BUDGET);
				// No page loads the framework's client: its entry would be here.
				expect(
					weight.jsFiles.filter((file) => file.includes('/_app/')),
					path
				).toEqual([]);
			}
		}
	});

	test('the overview is at most 120 kB of HTML and 25 kB brotli at 1×, and within 1.5 times that at 10×', () => {
		const overview = weights.get('/');
		withinBudget('/ html at 1×', overview?.one.html ?? Infinity, OVERVIEW_HTML_BUDGET);
		withinBudget('/ brotli at 1×', overview?.one.htmlBrotli ?? Infinity, OVERVIEW_BROTLI_BUDGET);
		withinBudget('/ html at 10×', overview?.ten.html ?? Infinity, OVERVIEW_HTML_BUDGET * GROWTH_BUDGET);
		withinBudget('/ brotli at 10×', overview?.ten.htmlBrotli ?? Infinity, OVERVIEW_BROTLI_BUDGET * GROWTH_BUDGET);
	});

	test('in Ukrainian and Russian the overview is at most 25 kB brotli at 1× and within 1.5 times that at 10×', () => {
		for (const path of ['/uk', '/ru']) {
			const overview = weights.get(path);
			withinBudget(`${path} brotli at 1×`, overview?.one.htmlBrotli ?? Infinity, OVERVIEW_BROTLI_BUDGET);
			withinBudget(
				`${path} brotli at 10×`,
				overview?.ten.htmlBrotli ?? Infinity,
				OVERVIEW_BROTLI_BUDGET * GROWTH_BUDGET
			);
			withinBudget(`${path} html at 1×`, overview?.one.html ?? Infinity, OVERVIEW_HTML_BUDGET);
			withinBudget(`${path} html at 10×`, overview?.ten.html ?? Infinity, OVERVIEW_HTML_BUDGET);
		}
	});

	test('no page weighs more than 1.5 times as much at 10× as at 1×', () => {
		expect(weights.size).toBe(pages.length);
		for (const [path, { one, ten }] of weights) {
			withinBudget(`${path} growth`, ten.html, Math.round(one.html * GROWTH_BUDGET));
		}
	});
});
