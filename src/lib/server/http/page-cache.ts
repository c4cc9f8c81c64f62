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
 * makes every entry stale, so a rebuilt dataset is visible on the next request. Least recently used entries are
 * dropped when either bound is passed (stale ones first); an entry larger than an eighth of the byte bound is never
 * kept, so one page cannot evict the rest.
 *
 * The previous version's entries are kept as stale until they are evicted or another version comes: while the new
 * version's first render of a page is in flight (`renders`), other readers of that page are sent the stale one
 * instead of waiting for it (stale-while-revalidate inside the server). The request that renders waits for it, so a
 * reader who comes after a publication, with nothing in flight, always gets the new version.
 */
export class PageCache {
	private version = '';
	private readonly pages = new Map<string, { page: CachedPage; bytes: number }>();
	/** The previous version's entries, by key (see the class comment). */
	private stale = new Map<string, { page: CachedPage; bytes: number }>();
	/** Renders in flight under the current version, by key. */
	private readonly flights = new Map<string, Promise<unknown>>();
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

	/** Keeps a page rendered under `version`; one rendered under a version that has since been replaced is dropped. */
	set(version: string, key: string, page: CachedPage): void {
		if (this.version === '') this.useVersion(version);
		if (version !== this.version) return;
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

	/** The previous version's page for a key, while the current version's render of it is in flight; else undefined. */
	stalePage(version: string, key: string): CachedPage | undefined {
		return version === this.version && this.flights.has(key) ? this.stale.get(key)?.page : undefined;
	}

	/** The render of a key in flight under `version`, if any. */
	rendering(version: string, key: string): Promise<unknown> | undefined {
		return version === this.version ? this.flights.get(key) : undefined;
	}

	/** Records a render of a key under `version` until `render` settles (it must not reject). */
	renderInFlight(version: string, key: string, render: Promise<unknown>): void {
		this.useVersion(version);
		this.flights.set(key, render);
		void render.finally(() => {
			if (this.flights.get(key) === render) this.flights.delete(key);
		});
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
		while (this.pages.size + this.stale.size > this.maxEntries || this.totalBytes > this.maxBytes) {
			const oldestStale = this.stale.entries().next().value;
			if (oldestStale) {
				this.stale.delete(oldestStale[0]);
				this.totalBytes -= oldestStale[1].bytes;
				continue;
			}
			const oldest = this.pages.keys().next().value;
			if (oldest === undefined) break;
			this.remove(oldest);
		}
	}

	/** A new version: the current entries become the stale ones, those of the version before are dropped. */
	private useVersion(version: string): void {
		if (version === this.version) return;
		for (const entry of this.stale.values()) this.totalBytes -= entry.bytes;
		this.stale = new Map(this.pages);
		this.pages.clear();
		this.flights.clear();
		this.version = version;
	}
}
