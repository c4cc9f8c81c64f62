// The in-memory page cache: one dataset version at a time, bounded, with stable ETags.
import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/lib/server/page-cache';

const page = (body: string) => ({ status: 200, body, headers: [] as [string, string][], etag: '"x"' });

describe('PageCache', () => {
	it('serves a page stored under the same version', () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('overview'));
		expect(cache.get('v1', '/')?.body).toBe('overview');
		expect(cache.get('v1', '/rounds')).toBeUndefined();
	});

	it('forgets every page when the dataset version changes', () => {
		const cache = new PageCache();
		cache.set('v1', '/', page('old'));
		expect(cache.get('v2', '/')).toBeUndefined();
		expect(cache.size).toBe(0);
		cache.set('v2', '/', page('new'));
		expect(cache.get('v2', '/')?.body).toBe('new');
	});

	it('drops the oldest page beyond its bound', () => {
		const cache = new PageCache(2);
		cache.set('v1', '/a', page('a'));
		cache.set('v1', '/b', page('b'));
		cache.set('v1', '/c', page('c'));
		expect([cache.get('v1', '/a'), cache.get('v1', '/b')?.body, cache.get('v1', '/c')?.body]).toEqual([
			undefined,
			'b',
			'c'
		]);
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
