// The in-memory page cache: one dataset version at a time (the previous one stale), bounded by bytes and by count (LRU), with stable ETags.
import { describe, expect, it } from 'vitest';
import { PageCache, type CachedPage } from '../../src/lib/server/http/page-cache';

const page = (body: string | number): CachedPage => ({
	status: 200,
	bodies: { identity: typeof body === 'number' ? Buffer.alloc(body, 'x') : Buffer.from(body) },
	headers: [],
	etag: '"x"'
});
const text = (cached: CachedPage | undefined) => cached?.bodies.identity.toString();

describe('PageCache', () => {
	it('serves a page stored under the same version', () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('overview'));
		expect(text(cache.get('v1', '/'))).toBe('overview');
		expect(cache.get('v1', '/rounds')).toBeUndefined();
	});

	it('answers no page of an earlier version when the dataset version changes', () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('old'));
		expect(cache.get('v2', '/')).toBeUndefined();
		expect(cache.size).toBe(0);
		cache.set('v2', '/', page('new'));
		expect(text(cache.get('v2', '/'))).toBe('new');
		// The version before the previous one is gone altogether.
		expect(cache.get('v3', '/')).toBeUndefined();
		expect(cache.get('v4', '/')).toBeUndefined();
		expect([cache.size, cache.bytes]).toEqual([0, 0]);
	});

	it('sends the previous version of a page only while the new version of that page is rendering', async () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('old'));
		cache.set('v1', '/rounds', page('old rounds'));
		expect(cache.get('v2', '/')).toBeUndefined();
		// Nothing in flight: a reader waits for (or makes) the new render.
		expect(cache.stalePage('v2', '/')).toBeUndefined();
		let finish = () => {};
		const render = new Promise<void>((done) => (finish = done));
		cache.renderInFlight('v2', '/', render);
		expect(cache.rendering('v2', '/')).toBe(render);
		expect([text(cache.stalePage('v2', '/')), cache.stalePage('v2', '/rounds')]).toEqual(['old', undefined]);
		// Never under another version than the one being rendered.
		expect(cache.stalePage('v1', '/')).toBeUndefined();
		cache.set('v2', '/', page('new'));
		finish();
		await render;
		await Promise.resolve();
		expect([cache.rendering('v2', '/'), cache.stalePage('v2', '/'), text(cache.get('v2', '/'))]).toEqual([
			undefined,
			undefined,
			'new'
		]);
	});

	it('drops a page rendered under a version that has since been replaced', () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('first'));
		expect(cache.get('v2', '/')).toBeUndefined();
		cache.set('v1', '/', page('late render of v1'));
		expect([cache.get('v2', '/'), cache.size]).toEqual([undefined, 0]);
	});

	it('counts stale pages in its bounds and evicts them first', () => {
		const cache = new PageCache(10_000, 3);
		cache.set('v1', '/a', page(1_000));
		cache.set('v1', '/b', page(1_000));
		expect(cache.get('v2', '/a')).toBeUndefined();
		expect(cache.bytes).toBeGreaterThanOrEqual(2_000);
		cache.set('v2', '/a', page(1_000));
		cache.set('v2', '/b', page(1_000));
		// Four entries over a bound of three: the oldest stale one went, both current ones stay.
		const never = new Promise(() => {});
		cache.renderInFlight('v2', '/a', never);
		cache.renderInFlight('v2', '/b', never);
		expect([cache.stalePage('v2', '/a'), cache.stalePage('v2', '/b')?.bodies.identity.length]).toEqual([
			undefined,
			1_000
		]);
		expect([cache.size, cache.get('v2', '/a') !== undefined, cache.get('v2', '/b') !== undefined]).toEqual([
			2,
			true,
			true
		]);
	});

	it('drops the least recently used page beyond its count', () => {
		const cache = new PageCache(1e9, 2);
		cache.set('v1', '/a', page('a'));
		cache.set('v1', '/b', page('b'));
		cache.get('v1', '/a');
		cache.set('v1', '/c', page('c'));
		expect([text(cache.get('v1', '/a')), cache.get('v1', '/b'), text(cache.get('v1', '/c'))]).toEqual([
			'a',
			undefined,
			'c'
		]);
	});

	it('stays under its byte bound, counting compressed bodies too', () => {
		const cache = new PageCache(100_000, 1_000_000);
		for (let i = 0; i < 5000; i += 1) {
			const entry = page(5_000 + (i % 7) * 100);
			cache.set('v1', `/search?q=${i}`, entry);
			cache.addEncoding('v1', `/search?q=${i}`, entry, 'br', Buffer.alloc(1_000));
			expect(cache.bytes).toBeLessThanOrEqual(100_000);
		}
		expect(cache.size).toBeGreaterThan(10);
		expect(text(cache.get('v1', '/search?q=4999'))).toHaveLength(5_000 + (4999 % 7) * 100);
		expect(cache.get('v1', '/search?q=0')).toBeUndefined();
	});

	it('never keeps a page larger than an eighth of the bound, so one page cannot empty the cache', () => {
		const cache = new PageCache(80_000, 100);
		cache.set('v1', '/small', page(1_000));
		cache.set('v1', '/huge', page(20_000));
		expect([cache.get('v1', '/small') !== undefined, cache.get('v1', '/huge')]).toEqual([true, undefined]);
	});

	it('adds an encoding only to the entry it was computed from', () => {
		const cache = new PageCache();
		const first = page('first');
		cache.set('v1', '/', first);
		cache.set('v1', '/', page('second'));
		cache.addEncoding('v1', '/', first, 'gzip', Buffer.from('stale'));
		expect(cache.get('v1', '/')?.bodies.gzip).toBeUndefined();
	});

	it.each([
		{ a: ['v1', '/'], b: ['v1', '/'], same: true },
		{ a: ['v1', '/'], b: ['v2', '/'], same: false },
		{ a: ['v1', '/rounds'], b: ['v1', '/rounds?year=2025'], same: false }
	])('ETag of $a and $b are equal: $same', ({ a, b, same }) => {
		const etagA = PageCache.etagFor(a[0] ?? '', a[1] ?? '');
		const etagB = PageCache.etagFor(b[0] ?? '', b[1] ?? '');
		expect(etagA).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
		expect(etagA === etagB).toBe(same);
	});
});
