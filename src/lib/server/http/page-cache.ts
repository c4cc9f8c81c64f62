// Rendered public responses kept in memory per dataset version, with their compressed bodies, bounded by bytes and count (LRU).
import { createHash } from 'node:crypto';
import type { ContentEncoding } from './compression';

/** One cached response: its headers and its body in each encoding computed so far (identity always). */
export interface CachedPage {
	status: number;
	headers: [string, string][];
	/** The representation-independent part of the ETag; each encoding gets its own suffix (see `etagOf`). */
	etag: string;
	bodies: { identity: Buffer } & Partial<Record<ContentEncoding, Buffer>>;
}

/**
 * How long browsers and proxies may reuse a page before asking again (with its ETag), in seconds: PAGE_MAX_AGE, 60
 * by default. It is how late an approved correction can show through a shared cache, so a wrong value stops the server.
 */
function pageMaxAge(value = process.env.PAGE_MAX_AGE): number {
	if (value === undefined || value === '') return 60;
	if (!/^\d+$/.test(value) || Number(value) > 86400) {
		throw new Error(`PAGE_MAX_AGE must be a whole number of seconds up to 86400, not ${JSON.stringify(value)}`);
	}
	return Number(value);
}
export const PAGE_CACHE_CONTROL = `public, max-age=${pageMaxAge()}, stale-while-revalidate=300`;

/** The default bound: 64 MiB of bodies and headers (PAGE_CACHE_MB), and at most 2,000 entries, whichever comes first. */
export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;
export const PAGE_CACHE_MAX_ENTRIES = 2000;

/** Approximate memory of an entry: its bodies, plus its key and headers as UTF-16 strings. */
function sizeOf(key: string, page: CachedPage): number {
	let bytes = key.length * 2 + page.etag.length * 2;
	for (const [name, value] of page.headers) bytes += (name.length + value.length) * 2;
	for (const body of Object.values(page.bodies)) bytes += body?.byteLength ?? 0;
	return bytes;
}

/**
 * A map from cache key to response, valid for one dataset version (and one build of the application): a new version
 * empties it, so a rebuilt dataset is visible on the next request. Least recently used entries are dropped when either
 * bound is passed; an entry larger than an eighth of the byte bound is never kept, so one page cannot evict the rest.
 */
export class PageCache {
	private version = '';
	private readonly pages = new Map<string, { page: CachedPage; bytes: number }>();
	private totalBytes = 0;

	constructor(
		private readonly maxBytes = PAGE_CACHE_MAX_BYTES,
		private readonly maxEntries = PAGE_CACHE_MAX_ENTRIES
	) {}

	/** The ETag of a key's response under a version: quoted, opaque, stable for the same inputs. */
	static etagFor(version: string, key: string): string {
		return `"${createHash('sha256').update(`${version}\n${key}`).digest('base64url').slice(0, 27)}"`;
	}

	get(version: string, key: string): CachedPage | undefined {
		this.useVersion(version);
		const entry = this.pages.get(key);
		if (!entry) return undefined;
		// Maps iterate in insertion order: re-inserting makes this the most recently used entry.
		this.pages.delete(key);
		this.pages.set(key, entry);
		return entry.page;
	}

	set(version: string, key: string, page: CachedPage): void {
		this.useVersion(version);
		this.remove(key);
		const bytes = sizeOf(key, page);
		if (bytes > this.maxBytes / 8) return;
		this.pages.set(key, { page, bytes });
		this.totalBytes += bytes;
		this.evict();
	}

	/** Adds a compressed body to an entry, if that very entry is still cached under this version. */
	addEncoding(version: string, key: string, page: CachedPage, encoding: ContentEncoding, body: Buffer): void {
		const entry = this.pages.get(key);
		if (version !== this.version || entry?.page !== page) return;
		page.bodies[encoding] = body;
		const bytes = sizeOf(key, page);
		this.totalBytes += bytes - entry.bytes;
		entry.bytes = bytes;
		this.evict();
	}

	/** Whether this very entry is still cached under this version (without making it recently used). */
	holds(version: string, key: string, page: CachedPage): boolean {
		return version === this.version && this.pages.get(key)?.page === page;
	}

	get size(): number {
		return this.pages.size;
	}

	/** Bytes held (bodies in every encoding, keys and headers). */
	get bytes(): number {
		return this.totalBytes;
	}

	private remove(key: string): void {
		const entry = this.pages.get(key);
		if (!entry) return;
		this.pages.delete(key);
		this.totalBytes -= entry.bytes;
	}

	private evict(): void {
		while (this.pages.size > this.maxEntries || this.totalBytes > this.maxBytes) {
			const oldest = this.pages.keys().next().value;
			if (oldest === undefined) break;
			this.remove(oldest);
		}
	}

	private useVersion(version: string): void {
		if (version !== this.version) {
			this.pages.clear();
			this.totalBytes = 0;
			this.version = version;
		}
	}
}
