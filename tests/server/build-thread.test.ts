// The build worker thread: it builds at the lowest CPU priority (the server's thread keeps its own) and stops when idle.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	BUILD_WORKER_IDLE_MS,
	buildOffThread,
	buildWorkerRunning,
	lowerThreadPriority,
	stopBuildWorker,
	type ThreadSystem
} from '../../src/lib/server/db/build-thread';
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
