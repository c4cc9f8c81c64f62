// Compressing responses the page cache does not keep: short bodies whole, long ones as they are read, bounded by the client's pace.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/lib/server/http/page-cache';
import { compressed, storeOrStream } from '../../src/lib/server/http/responses';
import type { ContentEncoding } from '../../src/lib/server/http/compression';
import { seededRandom } from '../../src/lib/seeded-random';

const CHUNK = 64 * 1024;

/** `chunks` chunks of 64 KiB of seeded random bytes: they do not compress, so every byte read is a byte to send. */
function randomBody(chunks: number): Uint8Array {
	const random = seededRandom(12);
	return Uint8Array.from({ length: chunks * CHUNK }, () => Math.floor(random() * 256));
}

/** A download-like body: one chunk per pull, nothing read ahead; counts what was read and whether it was cancelled. */
function source(bytes: Uint8Array) {
	const state = { read: 0, cancelled: false };
	const stream = new ReadableStream<Uint8Array>(
		{
			pull(controller) {
				if (state.read >= bytes.byteLength) return controller.close();
				controller.enqueue(bytes.slice(state.read, state.read + CHUNK));
				state.read += CHUNK;
			},
			cancel: () => void (state.cancelled = true)
		},
		{ highWaterMark: 0 }
	);
	return { state, stream };
}

/** Waits until `value()` stays the same across several turns of the event loop and zlib's thread pool. */
async function settled(value: () => unknown): Promise<void> {
	let stable = 0;
	let last = value();
	while (stable < 5) {
		await new Promise((done) => setTimeout(done, 20));
		const now = value();
		stable = now === last ? stable + 1 : 0;
		last = now;
	}
}

const decoders: Record<ContentEncoding, (bytes: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };
const csv = (stream: ReadableStream<Uint8Array>) =>
	new Response(stream, { headers: { 'content-type': 'text/csv; charset=utf-8', etag: '"abc"' } });

/** The two ways a long body is compressed: a response kept out of the page cache, and a long download in it. */
const paths = [
	{
		path: 'compressed',
		send: (response: Response, encoding: ContentEncoding) => compressed(response, encoding, CHUNK)
	},
	{
		path: 'storeOrStream',
		send: (response: Response, encoding: ContentEncoding) =>
			storeOrStream(new PageCache(), 'v1', '/claims.csv', '"abc"', response, encoding, CHUNK)
	}
];
const cases = paths.flatMap((path) => (['br', 'gzip'] as const).map((encoding) => ({ ...path, encoding })));

describe('compressed', () => {
	it.each(['br', 'gzip'] as const)('compresses a short body whole, with its length (%s)', async (encoding) => {
		const body = 'id,number\r\n'.repeat(100);
		const response = await compressed(
			new Response(body, { headers: { 'content-type': 'text/csv', etag: '"abc"' } }),
			encoding
		);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
		expect(response.headers.get('content-encoding')).toBe(encoding);
		expect(response.headers.get('etag')).toBe(`"abc.${encoding}"`);
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(decoders[encoding](bytes).toString()).toBe(body);
	});

	it('passes a body through when no encoding is accepted', async () => {
		const { state, stream } = source(randomBody(4));
		const response = await compressed(csv(stream), null, CHUNK);
		expect(response.headers.get('content-encoding')).toBeNull();
		expect(state.read).toBe(0);
	});
});

describe('a long body compressed as it is read', () => {
	it.each(cases)(
		'$path ($encoding): a client that reads slowly holds a few chunks, never the body',
		async ({ send, encoding }) => {
			const bytes = randomBody(96);
			const { state, stream } = source(bytes);
			const response = await send(csv(stream), encoding);
			expect(response.headers.get('content-length')).toBeNull();
			expect(response.headers.get('content-encoding')).toBe(encoding);
			const reader = (response.body as ReadableStream<Uint8Array>).getReader();
			const chunks = [(await reader.read()).value!];
			await settled(() => state.read);
			// The client has taken one chunk and reads no more: what was read is what brotli takes before it writes (up
			// to about 1 MiB at quality 5: 19 chunks here; gzip 2) and the streams' buffers, never the 6 MiB body.
			expect(state.read).toBeLessThanOrEqual(32 * CHUNK);
			for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
			expect(state.read).toBe(bytes.byteLength);
			expect(decoders[encoding](Buffer.concat(chunks)).equals(Buffer.from(bytes))).toBe(true);
		}
	);

	it.each(cases)('$path ($encoding): a client that goes away cancels the body', async ({ send, encoding }) => {
		const { state, stream } = source(randomBody(96));
		const response = await send(csv(stream), encoding);
		const reader = (response.body as ReadableStream<Uint8Array>).getReader();
		await reader.read();
		await reader.cancel();
		await settled(() => state.cancelled);
		expect(state.cancelled).toBe(true);
		expect(state.read).toBeLessThan(96 * CHUNK);
	});
});
