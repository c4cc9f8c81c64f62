// Building responses from the page cache and compressing the rest: the hooks' cache-hit, miss and pass-through paths.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { compress, compressor, isCompressible, varyOnEncoding, type ContentEncoding } from './compression';
import { PAGE_CACHE_CONTROL, type CachedPage, type PageCache } from './page-cache';

/** A Buffer as a response body: zlib's and Node's Buffers are backed by plain ArrayBuffers, never shared ones. */
const asBody = (body: Buffer) => body as Uint8Array<ArrayBuffer>;

/** Each encoding of a page is its own representation, so its ETag carries a suffix (`"…"`, `"….br"`, `"….gzip"`). */
export function representationEtag(etag: string, encoding: ContentEncoding | null): string {
	return encoding ? `${etag.slice(0, -1)}.${encoding}"` : etag;
}

/** Whether an If-None-Match header names this page in any encoding (weak comparison, `*` included). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const base = etag.slice(1, -1);
	return ifNoneMatch.split(',').some((tag) => {
		const value = tag.trim().replace(/^W\//, '');
		return value === '*' || value.replace(/^"(.*?)(\.(br|gzip))?"$/, '$1') === base;
	});
}

/** The headers of a 304 for a page: the hooks and the server entry's fast path send the same. */
export function notModifiedHeaders(etag: string, encoding: ContentEncoding | null): Record<string, string> {
	return {
		etag: representationEtag(etag, encoding),
		'cache-control': PAGE_CACHE_CONTROL,
		vary: 'Accept-Encoding'
	};
}

export function notModified(etag: string, encoding: ContentEncoding | null): Response {
	return new Response(null, { status: 304, headers: notModifiedHeaders(etag, encoding) });
}

/** What `x-page-cache` says: a hit, the miss that stored the page, or the previous version's page sent while it renders. */
export type CacheLabel = 'hit' | 'miss' | 'stale';

/**
 * The headers of a cached page sent in `encoding` (null: identity) with a body of `length` bytes; `label` says
 * whether it was a hit, the miss that stored it or a stale page. The hooks and the server entry's fast path send the same.
 */
export function cachedPageHeaders(
	page: CachedPage,
	encoding: ContentEncoding | null,
	label: CacheLabel,
	length: number
): Headers {
	const headers = new Headers(page.headers);
	headers.set('etag', representationEtag(page.etag, encoding));
	headers.set('content-length', String(length));
	headers.set('x-page-cache', label);
	if (encoding) headers.set('content-encoding', encoding);
	varyOnEncoding(headers);
	return headers;
}

/**
 * Better-compressed bodies for cached pages, made one at a time off the request path; when too many wait, the
 * quickly compressed body an entry already has is kept.
 */
const UPGRADE_QUEUE_LIMIT = 32;
let upgradesWaiting = 0;
let upgrades: Promise<void> = Promise.resolve();

function upgradeLater(cache: PageCache, version: string, key: string, page: CachedPage): void {
	if (upgradesWaiting >= UPGRADE_QUEUE_LIMIT) return;
	upgradesWaiting += 1;
	upgrades = upgrades.then(async () => {
		try {
			for (const encoding of ['br', 'gzip'] as const) {
				if (!cache.holds(version, key, page)) return;
				cache.addEncoding(version, key, page, encoding, await compress(page.bodies.identity, encoding, 'cached'));
			}
		} catch (error) {
			console.error('Could not compress a cached page:', error);
		} finally {
			upgradesWaiting -= 1;
		}
	});
}

/** A cached page in the accepted encoding, compressing it once (then kept in the entry) when that is still missing. */
export async function fromCache(
	cache: PageCache,
	version: string,
	key: string,
	page: CachedPage,
	encoding: ContentEncoding | null,
	label: CacheLabel
): Promise<Response> {
	let body = page.bodies.identity;
	if (encoding) {
		const compressed = page.bodies[encoding] ?? (await compress(body, encoding, 'fly'));
		if (!page.bodies[encoding]) cache.addEncoding(version, key, page, encoding, compressed);
		body = compressed;
	}
	const headers = cachedPageHeaders(page, encoding, label, body.byteLength);
	return new Response(asBody(body), { status: page.status, headers });
}

/** Keeps a rendered text page in the cache and answers with it; better compression follows in the background. */
export async function storeAndServe(
	cache: PageCache,
	version: string,
	key: string,
	etag: string,
	response: Response,
	encoding: ContentEncoding | null
): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.set('cache-control', PAGE_CACHE_CONTROL);
	const page: CachedPage = {
		status: response.status,
		headers: [...headers.entries()],
		etag,
		bodies: { identity: Buffer.from(await response.arrayBuffer()) }
	};
	cache.set(version, key, page);
	const served = await fromCache(cache, version, key, page, encoding, 'miss');
	upgradeLater(cache, version, key, page);
	return served;
}

/**
 * The largest body compressed whole, with a Content-Length (1 MiB); a longer one is compressed as it is read. Responses
 * the page cache does not keep (any request with a session cookie, a download included) come through `compressed`: a
 * download of the 100× dataset buffered whole to be compressed held its 26 MB body and a copy, and more than two did at
 * once (a download's turn to read rows ends when its body is read, before it is compressed): four took the server
 * from about 200 to 380–390 MB.
 */
export const WHOLE_BODY_LIMIT = 1024 * 1024;

/**
 * A response compressed on the fly when it is text and the client accepts an encoding; others pass unchanged. A body
 * that ends within `limit` bytes is compressed whole; a longer one by a streaming compressor, so no more than `limit`
 * and what the compressor holds is ever kept of it.
 */
export async function compressed(
	response: Response,
	encoding: ContentEncoding | null,
	limit = WHOLE_BODY_LIMIT
): Promise<Response> {
	const type = response.headers.get('content-type');
	if (!response.body || !isCompressible(type) || response.headers.has('content-encoding')) return response;
	const headers = new Headers(response.headers);
	varyOnEncoding(headers);
	const init = { status: response.status, statusText: response.statusText, headers };
	if (!encoding) return new Response(response.body, init);
	headers.set('content-encoding', encoding);
	const etag = headers.get('etag');
	if (etag && etag.startsWith('"')) headers.set('etag', representationEtag(etag, encoding));
	const read = await readUpTo(response.body, limit);
	if ('rest' in read) {
		headers.delete('content-length');
		return new Response(compressedStream(read.rest, encoding), init);
	}
	const body = await compress(read.whole, encoding, 'fly');
	headers.set('content-length', String(body.byteLength));
	return new Response(asBody(body), init);
}

/**
 * A body compressed as it is read, at the `fly` effort: the compressor reads on only as the client takes what it
 * wrote, so a slow client holds what brotli takes in before it writes (about 1 MiB at quality 5) and the streams'
 * buffers, never the body. A client that goes away destroys the compressor, and the pipeline then cancels the body.
 */
function compressedStream(body: ReadableStream<Uint8Array>, encoding: ContentEncoding): ReadableStream<Uint8Array> {
	const zipped = compressor(encoding);
	pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), zipped).catch(() => undefined);
	return Readable.toWeb(zipped) as ReadableStream<Uint8Array>;
}

/**
 * A streamed body up to `limit` bytes: all of it when it ends within the limit, else the chunks read so far with a
 * stream that sends them and then the rest (so no more than about `limit` is ever held).
 */
async function readUpTo(
	body: ReadableStream<Uint8Array>,
	limit: number
): Promise<{ whole: Buffer } | { rest: ReadableStream<Uint8Array> }> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	while (bytes <= limit) {
		const { done, value } = await reader.read();
		if (done) return { whole: Buffer.concat(chunks) };
		chunks.push(value);
		bytes += value.byteLength;
	}
	const rest = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const chunk = chunks.shift();
				if (chunk) return controller.enqueue(chunk);
				const { done, value } = await reader.read();
				if (done) controller.close();
				else controller.enqueue(value);
			},
			cancel: (reason) => reader.cancel(reason)
		},
		{ highWaterMark: 0 }
	);
	return { rest };
}

/**
 * A streamed text response (a download, whose length grows with the dataset): kept in the page cache like a page
 * when it ends within `limit` bytes; past that it is never held whole, but sent as it is read, compressed on the fly
 * by a streaming compressor, with the page's ETag (per encoding) and Cache-Control, so a revalidation still gets a
 * 304 and an HTTP cache in front can keep it.
 */
export async function storeOrStream(
	cache: PageCache,
	version: string,
	key: string,
	etag: string,
	response: Response,
	encoding: ContentEncoding | null,
	limit: number
): Promise<Response> {
	if (!response.body) return storeAndServe(cache, version, key, etag, response, encoding);
	const read = await readUpTo(response.body, limit);
	if ('whole' in read) {
		const whole = new Response(asBody(read.whole), { status: response.status, headers: response.headers });
		return storeAndServe(cache, version, key, etag, whole, encoding);
	}
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.set('cache-control', PAGE_CACHE_CONTROL);
	headers.set('etag', representationEtag(etag, encoding));
	varyOnEncoding(headers);
	if (!encoding) return new Response(read.rest, { status: response.status, headers });
	headers.set('content-encoding', encoding);
	return new Response(compressedStream(read.rest, encoding), { status: response.status, headers });
}
