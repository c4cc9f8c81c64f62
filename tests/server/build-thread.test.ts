// The build worker thread: it builds at the lowest CPU priority (the server's thread keeps its own) and stops when idle.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	BUILD_WORKER_IDLE_MS,
	buildFlushed,
	buildOffThread,
	buildWorkerRunning,
	lowerThreadPriority,
	stopBuildWorker,
	type FlushSystem,
	type ThreadSystem
} from '../../src/lib/server/db/build-thread';
import type { BuildResult } from '../../src/lib/server/db/build';
import { registerBuildWorker } from '../../src/lib/server/db/build-worker-script';

/** A system that answers `link` for /proc/thread-self and records (or refuses) what is asked of it. */
function systemOf(link: string | Error, refuse = false) {
	const asked: [number, number][] = [];
	const system: ThreadSystem = {
		readlinkSync: (path) => {
			expect(path).toBe('/proc/thread-self');
			if (link instanceof Error) throw link;
			return link;
		},
		setPriority: (id, priority) => {
			if (refuse) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
			asked.push([id, priority]);
		}
	};
	return { system, asked };
}

describe('lowerThreadPriority', () => {
	it.each([
		{
			why: 'a Linux thread: its own id, at nice 19',
			link: '4100/task/4107',
			refuse: false,
			lowered: true,
			asked: [[4107, 19]]
		},
		{ why: 'no /proc (not Linux): nothing asked', link: new Error('ENOENT'), refuse: false, lowered: false, asked: [] },
		{ why: 'a link of another form: nothing asked', link: '4100', refuse: false, lowered: false, asked: [] },
		{ why: 'the system refuses: ignored', link: '4100/task/4107', refuse: true, lowered: false, asked: [] }
	])('$why', ({ link, refuse, lowered, asked }) => {
		const { system, asked: seen } = systemOf(link, refuse);
		expect(lowerThreadPriority(system)).toBe(lowered);
		expect(seen).toEqual(asked);
	});
});

describe('buildFlushed', () => {
	const built: BuildResult = {
		ok: true,
		contentHash: 'a'.repeat(64),
		datasetVersion: 'aaaaaaaaaaaa',
		counts: { sources: 1, rounds: 1, claimants: 1, claims: 1, claimSources: 1 },
		edits: [],
		incremental: true
	};
	const refused: BuildResult = { ok: false, errors: ['claims.csv line 2: a date in the future'], edits: [] };
	it.each([
		{
			why: 'a build that succeeds: its file is flushed to disk, then closed',
			result: built,
			asked: ['open out.staged r', 'sync 7', 'close 7']
		},
		{ why: 'a build that fails: nothing was written, nothing is flushed', result: refused, asked: [] }
	])('$why', ({ result, asked }) => {
		const seen: string[] = [];
		const system: FlushSystem = {
			openSync: (path, flags) => (seen.push(`open ${path} ${flags}`), 7),
			fdatasyncSync: (fd) => void seen.push(`sync ${fd}`),
			closeSync: (fd) => void seen.push(`close ${fd}`)
		};
		const options = { dataDir: 'data', outPath: 'out.staged', today: '2026-11-29' };
		expect(buildFlushed(options, () => result, system)).toBe(result);
		expect(seen).toEqual(asked);
	});
	it('closes the file when the flush fails, and lets the error through', () => {
		const seen: string[] = [];
		const system: FlushSystem = {
			openSync: () => 7,
			fdatasyncSync: () => {
				throw Object.assign(new Error('EIO'), { code: 'EIO' });
			},
			closeSync: (fd) => void seen.push(`close ${fd}`)
		};
		expect(() =>
			buildFlushed({ dataDir: 'data', outPath: 'out.staged', today: '2026-11-29' }, () => built, system)
		).toThrow('EIO');
		expect(seen).toEqual(['close 7']);
	});
});

/** The nice value of each thread of this process, by thread id (field 19 of /proc/self/task/<id>/stat). */
function threadNiceness(): Map<number, number> {
	const niceness = new Map<number, number>();
	for (const id of readdirSync('/proc/self/task')) {
		const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: count the fields after it.
		const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		niceness.set(Number(id), Number(after[16]));
	}
	return niceness;
}

describe.runIf(process.platform === 'linux')('the build worker thread', () => {
	let folder: string;
	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'pem-build-thread-'));
		registerBuildWorker({ path: join(import.meta.dirname, '../helpers/build-worker.mjs') });
	});
	afterEach(() => {
		vi.useRealTimers();
		registerBuildWorker(undefined);
		stopBuildWorker();
		rmSync(folder, { recursive: true, force: true });
	});
	// A build of a folder with no files: it fails at once (every file is missing), on the worker.
	const build = () => buildOffThread({ dataDir: folder, outPath: join(folder, 'out.sqlite'), today: '2026-11-29' });

	it('builds at nice 19 on its own thread; the server thread keeps its priority', async () => {
		const before = threadNiceness();
		expect((await build()).ok).toBe(false);
		const after = threadNiceness();
		const lowered = [...after].filter(([id, nice]) => nice === 19 && before.get(id) !== 19);
		expect(lowered).toHaveLength(1);
		expect(after.get(process.pid)).toBe(before.get(process.pid));
	}, 60_000);

	it('stops once idle for BUILD_WORKER_IDLE_MS after its last build, and a later build starts it again', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		await build();
		expect(buildWorkerRunning()).toBe(true);
		vi.advanceTimersByTime(BUILD_WORKER_IDLE_MS - 1);
		expect(buildWorkerRunning()).toBe(true);
		// A build in the meantime starts the idle time again.
		await build();
		vi.advanceTimersByTime(BUILD_WORKER_IDLE_MS - 1);
		expect(buildWorkerRunning()).toBe(true);
		vi.advanceTimersByTime(1);
		expect(buildWorkerRunning()).toBe(false);
		expect((await build()).ok).toBe(false);
		expect(buildWorkerRunning()).toBe(true);
	}, 60_000);
});
