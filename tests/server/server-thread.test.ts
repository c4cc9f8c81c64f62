// The production entry's server thread: its heap is bounded to SERVER_HEAP_MB, the build worker it starts is not, and it is told to stop.
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { serverHeapMb } from '../../src/lib/server/config/environment';
import { SHUT_DOWN, startServerThread } from '../../src/lib/server/http/server-thread';

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

describe('SERVER_HEAP_MB', () => {
	const saved = process.env.SERVER_HEAP_MB;
	afterEach(() => {
		if (saved === undefined) delete process.env.SERVER_HEAP_MB;
		else process.env.SERVER_HEAP_MB = saved;
	});
	it.each([
		{ raw: undefined, heap: 128 },
		{ raw: '', heap: 128 },
		{ raw: '64', heap: 64 },
		{ raw: '512', heap: 512 }
	])('$raw gives $heap MiB', ({ raw, heap }) => {
		if (raw === undefined) delete process.env.SERVER_HEAP_MB;
		else process.env.SERVER_HEAP_MB = raw;
		expect(serverHeapMb()).toBe(heap);
	});
	it.each(['63', '0', '-128', '128.5', '128MB', 'lots'])('refuses %j', (raw) => {
		process.env.SERVER_HEAP_MB = raw;
		expect(() => serverHeapMb()).toThrow(/SERVER_HEAP_MB must be a whole number of MiB, at least 64/);
	});
});

describe('startServerThread', () => {
	it('bounds the server thread alone: a worker it starts keeps the default bound; it passes on the stop', async () => {
		const { thread, shutDown } = startServerThread(join(import.meta.dirname, '../helpers/heap-report.mjs'), 96);
		try {
			const messages: unknown[] = [];
			const next = () => new Promise((answer) => thread.once('message', answer));
			messages.push(await next());
			shutDown();
			messages.push(await next());
			const [limits, stop] = messages as [{ heapLimitMb: number; nestedHeapLimitMb: number }, unknown];
			// V8's bound is the old generation asked for plus the young generation (tens of MiB).
			expect(limits.heapLimitMb).toBeGreaterThanOrEqual(96);
			expect(limits.heapLimitMb).toBeLessThan(96 + 64);
			expect(limits.nestedHeapLimitMb).toBe(mib(getHeapStatistics().heap_size_limit));
			expect(limits.nestedHeapLimitMb).toBeGreaterThan(limits.heapLimitMb);
			expect(stop).toEqual({ received: SHUT_DOWN });
		} finally {
			await thread.terminate();
		}
	});
});
