// The page-cache hook under concurrent misses: after a publication empties the cache, a page is rendered once, not once per reader.
import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/lib/server/http/page-cache';
import { servePages } from '../../src/lib/server/http/serve-pages';

/** The parts of SvelteKit's event the hook reads, for a GET of `path` on route `routeId`. */
function eventFor(path: string, routeId: string): RequestEvent {
	const url = new URL(path, 'http://example.org');
	return {
		request: new Request(url, { headers: { 'accept-encoding': 'gzip' } }),
		route: { id: routeId },
		url,
		isDataRequest: false,
		cookies: { get: () => undefined }
	} as unknown as RequestEvent;
}

describe('servePages', () => {
	it.each([
		{ readers: 1, version: 'v1' },
		{ readers: 8, version: 'v1' },
		{ readers: 8, version: 'v2' }
	])('renders a page once for $readers concurrent readers', async ({ readers, version }) => {
		let renders = 0;
		let finish: () => void = () => undefined;
		const resolve = async (_event: RequestEvent, _options?: ResolveOptions) => {
			renders += 1;
			await new Promise<void>((done) => (finish = done));
			return new Response('<p>rounds</p>'.repeat(100), { headers: { 'content-type': 'text/html' } });
		};
		const handle = servePages(new PageCache(), () => version);
		const answers = Array.from({ length: readers }, () => handle({ event: eventFor('/rounds', '/rounds'), resolve }));
		await new Promise((tick) => setTimeout(tick, 10));
		finish();
		const responses = await Promise.all(answers);
		expect(renders).toBe(1);
		expect(responses.map((response) => response.status)).toEqual(Array(readers).fill(200));
		expect(responses.map((response) => response.headers.get('x-page-cache')).sort()).toEqual(
			['miss', ...Array(readers - 1).fill('hit')].sort()
		);
		const bodies = await Promise.all(responses.map((response) => response.arrayBuffer()));
		for (const body of bodies)
			expect(Buffer.from(body).equals(Buffer.from(bodies[0] ?? new ArrayBuffer(0)))).toBe(true);
	});

	it('renders again for readers of a page that could not be kept', async () => {
		let renders = 0;
		const resolve = async () => {
			renders += 1;
			await new Promise((tick) => setTimeout(tick, 5));
			return new Response('gone', { status: 404, headers: { 'content-type': 'text/plain' } });
		};
		const handle = servePages(new PageCache(), () => 'v1');
		const responses = await Promise.all(
			[1, 2, 3].map(() => handle({ event: eventFor('/rounds', '/rounds'), resolve }))
		);
		expect(responses.map((response) => response.status)).toEqual([404, 404, 404]);
		expect(renders).toBe(3);
	});

	it("sends the previous version's page to other readers while the new version's first render is in flight", async () => {
		let version = 'v1';
		let finish: () => void = () => undefined;
		const resolve = async (_event: RequestEvent, _options?: ResolveOptions) => {
			const rendered = `<p>rounds of ${version}</p>`;
			if (version === 'v2') await new Promise<void>((done) => (finish = done));
			return new Response(rendered, { headers: { 'content-type': 'text/html' } });
		};
		const handle = servePages(new PageCache(), () => version);
		const read = () => handle({ event: eventFor('/rounds', '/rounds'), resolve });
		const first = await read();
		expect(first.headers.get('x-page-cache')).toBe('miss');
		version = 'v2';
		// The first reader after the new version renders it; the others meanwhile are sent v1's page, at once.
		const rendering = read();
		await new Promise((tick) => setTimeout(tick, 5));
		const meanwhile = await Promise.all([read(), read()]);
		expect(meanwhile.map((response) => response.headers.get('x-page-cache'))).toEqual(['stale', 'stale']);
		expect(meanwhile.map((response) => response.headers.get('etag'))).toEqual([
			first.headers.get('etag'),
			first.headers.get('etag')
		]);
		finish();
		const rendered = await rendering;
		expect([rendered.headers.get('x-page-cache'), (await read()).headers.get('x-page-cache')]).toEqual(['miss', 'hit']);
		expect(rendered.headers.get('etag')).not.toBe(first.headers.get('etag'));
	});
});
