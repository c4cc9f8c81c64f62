// The page cache under an adversarial request pattern: 5,000 distinct query strings of large pages stay within its bound.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { PAGE_CACHE_MAX_ENTRIES, PageCache } from '../../src/lib/server/http/page-cache';
import { servePages } from '../../src/lib/server/http/serve-pages';

/** A page of about 35 kB that differs per query, so compression cannot make it small and no two are alike. */
function largePage(query: string): string {
	let state = [...query].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
	const words: string[] = [];
	for (let i = 0; i < 5_000; i += 1) {
		state = (state * 1_103_515_245 + 12_345) >>> 0;
		words.push(state.toString(36));
	}
	return `<!doctype html><p>${words.join(' ')}</p>`;
}

function event(path: string, routeId: string): RequestEvent {
	return {
		request: new Request(`http://localhost${path}`, { headers: { 'accept-encoding': 'identity' } }),
		url: new URL(`http://localhost${path}`),
		route: { id: routeId },
		isDataRequest: false,
		cookies: { get: () => undefined },
		locals: { maintainer: null }
	} as unknown as RequestEvent;
}

/** Renders what the page sees: `event.url`, which the hook reduces to the parameters the page reads. */
const resolve = (request: RequestEvent, _options?: ResolveOptions) =>
	Promise.resolve(
		new Response(largePage(request.url.href), { headers: { 'content-type': 'text/html; charset=utf-8' } })
	);

// A full collection before each measurement, so that what is measured is what is kept, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const measured = () => {
	collectGarbage();
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.arrayBuffers;
};

/** A smaller bound than the default 64 MiB, so that 2,500 distinct pages (~90 MB) are well over it. */
const BOUND = 16 * 1024 * 1024;

describe('the page cache under 5,000 distinct query strings', () => {
	it('keeps its bytes under the bound, and the heap grows by little more than that', async () => {
		const cache = new PageCache(BOUND);
		const handle = servePages(cache, () => 'v1');
		const before = measured();
		let largest = 0;
		for (let i = 0; i < 5000; i += 1) {
			// A parameter /search reads makes an entry per value; one it does not read makes none.
			const path = i % 2 === 0 ? `/search?q=term${i}` : `/search?q=term0&cb=${i}`;
			const response = await handle({ event: event(path, '/search'), resolve });
			expect(response.status).toBe(200);
			await response.arrayBuffer();
			expect(cache.bytes).toBeLessThanOrEqual(BOUND);
			if (i % 250 === 249) largest = Math.max(largest, measured() - before);
		}
		// The byte bound, not the count, is what stopped it; and the process did not keep what the cache dropped.
		expect(cache.size).toBeLessThan(Math.min(PAGE_CACHE_MAX_ENTRIES, 2500));
		expect(largest).toBeLessThan(BOUND + 48 * 1024 * 1024);
	}, 120_000);
});
