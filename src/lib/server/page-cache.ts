// Rendered public pages kept in memory per dataset version, so that each page is rendered once per version.
import { createHash } from 'node:crypto';

export interface CachedPage {
	status: number;
	body: string;
	headers: [string, string][];
	etag: string;
}

/** How long browsers and proxies may reuse a page before asking again (with its ETag). */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/**
 * A bounded map from URL to rendered page, valid for one dataset version (and one build of the
 * application): a new version empties it, so a rebuilt dataset is visible on the next request.
 */
export class PageCache {
	private version = '';
	private readonly pages = new Map<string, CachedPage>();

	constructor(private readonly maxEntries = 1000) {}

	/** The ETag of a URL's page under a version: quoted, opaque, stable for the same inputs. */
	static etagFor(version: string, key: string): string {
		return `"${createHash('sha256').update(`${version}\n${key}`).digest('base64url').slice(0, 27)}"`;
	}

	get(version: string, key: string): CachedPage | undefined {
		this.useVersion(version);
		return this.pages.get(key);
	}

	set(version: string, key: string, page: CachedPage): void {
		this.useVersion(version);
		if (this.pages.size >= this.maxEntries) {
			// Maps iterate in insertion order: drop the oldest entry.
			const oldest = this.pages.keys().next().value;
			if (oldest !== undefined) this.pages.delete(oldest);
		}
		this.pages.set(key, page);
	}

	get size(): number {
		return this.pages.size;
	}

	private useVersion(version: string): void {
		if (version !== this.version) {
			this.pages.clear();
			this.version = version;
		}
	}
}
