// Content negotiation and compression of text responses with node:zlib: brotli preferred, gzip otherwise.
import { promisify } from 'node:util';
import {
	brotliCompress,
	constants,
	createBrotliCompress,
	createGzip,
	gzip,
	type BrotliCompress,
	type Gzip
} from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * How hard to compress: `cached` bodies are compressed once per dataset version, so they get the best ratio;
 * `fly` is for responses compressed on every request (maintainers' pages, the corrections pages, errors).
 */
export type Effort = 'cached' | 'fly';
const BROTLI_QUALITY: Record<Effort, number> = { cached: 11, fly: 5 };
const GZIP_LEVEL: Record<Effort, number> = { cached: 9, fly: 6 };

/** Text formats the site serves: HTML, JSON, CSV, SVG, Atom, the OpenAPI document, plain text, CSS and JS. */
export function isCompressible(contentType: string | null): boolean {
	const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
	return /^text\/|^application\/(json|[\w.+-]+\+json|[\w.+-]+\+xml|xml|javascript)$|^image\/svg\+xml$/.test(type);
}

/**
 * The encoding to answer with for an Accept-Encoding header: brotli when accepted, else gzip, else none.
 * Honours q-values (`br;q=0` refuses brotli) and `*`.
 */
export function negotiateEncoding(acceptEncoding: string | null): ContentEncoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...parameters] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
		const weight = q === undefined ? 1 : Number(q);
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: ContentEncoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const br = weightOf('br');
	const gz = weightOf('gzip');
	if (br > 0 && br >= gz) return 'br';
	if (gz > 0) return 'gzip';
	return null;
}

/** Compresses a body off the main thread (zlib's thread pool). */
export function compress(body: Buffer, encoding: ContentEncoding, effort: Effort): Promise<Buffer> {
	if (encoding === 'br') {
		return brotli(body, {
			params: {
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
				[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
			}
		});
	}
	return gzipAsync(body, { level: GZIP_LEVEL[effort] });
}

/**
 * The window of a streaming brotli compressor, in bits: 1 MiB. With brotli's default (22, 4 MiB) a stream took about
 * 8 MB of memory (eight streams at quality 5 on CSV), at 20 about 3 MB, with the same output for the real claims.csv
 * (99,539 bytes) and 0.1 % less for the 100× one (26 MB of CSV).
 */
export const STREAM_WINDOW_BITS = 20;

/** A streaming compressor at the `fly` effort, for bodies too large to hold whole (the long downloads). */
export function compressor(encoding: ContentEncoding): BrotliCompress | Gzip {
	if (encoding === 'br') {
		return createBrotliCompress({
			params: {
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY.fly,
				[constants.BROTLI_PARAM_LGWIN]: STREAM_WINDOW_BITS
			}
		});
	}
	return createGzip({ level: GZIP_LEVEL.fly });
}

/** Adds `Accept-Encoding` to a response's Vary header, keeping what is there. */
export function varyOnEncoding(headers: Headers): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}
