// The in-memory page cache: one dataset version at a time, bounded by bytes and by count (LRU), with stable ETags.
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

	it('forgets every page when the dataset version changes', () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('old'));
		expect(cache.get('v2', '/')).toBeUndefined();
		expect([cache.size, cache.bytes]).toEqual([0, 0]);
		cache.set('v2', '/', page('new'));
		expect(text(cache.get('v2', '/'))).toBe('new');
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
