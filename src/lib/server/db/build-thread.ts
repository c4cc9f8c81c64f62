// Builds a decision's dataset on a worker thread when the server entry has registered one, else in steps on this thread.
import { closeSync, fdatasyncSync, openSync, readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildDataset, buildDatasetInSteps, type BuildOptions, type BuildResult } from './build';
import { registeredBuildWorker, type BuildWorkerScript } from './build-worker-script';

/** A build asked of the worker, and its answer (an error is sent as its text: the build failed, nothing was renamed). */
export interface BuildRequest {
	id: number;
	options: BuildOptions;
}
export type BuildReply = { id: number; result: BuildResult } | { id: number; error: string };

/**
 * How long the worker outlives its last build. It keeps the parsed files of data/ (about 120 MB of resident memory at a hundred times the
 * real data), which save the next decision about 1.3 s at that size: kept for a maintainer's run of decisions, given
 * back to the system when they stop.
 */
export const BUILD_WORKER_IDLE_MS = 5 * 60_000;

/** The worker, started on the first build and stopped when idle for `BUILD_WORKER_IDLE_MS`. */
interface RunningWorker {
	script: BuildWorkerScript;
	worker: Worker;
	pending: Map<number, (reply: BuildReply) => void>;
	idle?: NodeJS.Timeout;
}
let running: RunningWorker | null = null;
let nextId = 0;

/** Whether a worker is running (started and not yet stopped). */
export function buildWorkerRunning(): boolean {
	return running !== null;
}

/** Stops the worker (its builds in flight fail); the next build starts a new one. */
export function stopBuildWorker(): void {
	const stopping = running;
	running = null;
	if (!stopping) return;
	clearTimeout(stopping.idle);
	void stopping.worker.terminate();
	for (const answer of stopping.pending.values()) answer({ id: -1, error: 'the build worker was stopped' });
	stopping.pending.clear();
}

function workerFor(script: BuildWorkerScript): RunningWorker {
	if (running?.script === script) return running;
	stopBuildWorker();
	const worker = new Worker(script.path);
	// An idle worker does not keep the process alive; one building does (see `buildOffThread`).
	worker.unref();
	const started: RunningWorker = { script, worker, pending: new Map<number, (reply: BuildReply) => void>() };
	const fail = (error: string) => {
		if (running === started) running = null;
		for (const answer of started.pending.values()) answer({ id: -1, error });
		started.pending.clear();
	};
	worker.on('message', (reply: BuildReply) => {
		started.pending.get(reply.id)?.(reply);
		started.pending.delete(reply.id);
	});
	worker.on('error', (error) => fail(error.stack ?? error.message));
	worker.on('exit', (code) => fail(`the build worker exited (${code})`));
	running = started;
	return started;
}

/**
 * Builds as `buildDataset` does, on the registered worker thread, so that a server publishing a decision keeps its
 * event loop for readers (validating and hashing the whole dataset takes seconds of CPU at a hundred times the real
 * data). Without a registered worker (the development server, most tests), the build runs in steps on this thread.
 */
export async function buildOffThread(options: BuildOptions): Promise<BuildResult> {
	const script = registeredBuildWorker();
	if (!script) return buildDatasetInSteps(options);
	const started = workerFor(script);
	const { worker, pending } = started;
	const id = (nextId += 1);
	clearTimeout(started.idle);
	worker.ref();
	try {
		const reply = await new Promise<BuildReply>((answer) => {
			pending.set(id, answer);
			worker.postMessage({ id, options } satisfies BuildRequest);
		});
		if ('error' in reply) throw new Error(`The dataset could not be built: ${reply.error}`);
		return reply.result;
	} finally {
		if (pending.size === 0 && running === started) {
			worker.unref();
			started.idle = setTimeout(stopBuildWorker, BUILD_WORKER_IDLE_MS).unref();
		}
	}
}

/** What `lowerThreadPriority` asks of the system (the test gives its own). */
export interface ThreadSystem {
	readlinkSync: (path: string) => string;
	setPriority: (id: number, priority: number) => void;
}

/**
 * Lowers the calling thread's CPU priority to the lowest (nice 19), so that on a machine with few cores the readers'
 * requests on the server's thread come first and a build takes what they leave. On Linux, setpriority(2) on a thread's
 * id changes that thread alone, and /proc/thread-self names it; elsewhere (or when the system refuses) the build runs
 * at the server's priority, as before. Returns whether it was lowered.
 */
export function lowerThreadPriority(system: ThreadSystem = { readlinkSync, setPriority }): boolean {
	try {
		const thread = Number(/^\d+\/task\/(\d+)$/.exec(system.readlinkSync('/proc/thread-self'))?.[1]);
		if (!Number.isInteger(thread) || thread <= 0) return false;
		system.setPriority(thread, constants.priority.PRIORITY_LOW);
		return true;
	} catch {
		return false;
	}
}

/** The file operations `buildFlushed` uses (the test gives its own). */
export interface FlushSystem {
	openSync: (path: string, flags: string) => number;
	fdatasyncSync: (fd: number) => void;
	closeSync: (fd: number) => void;
}

/**
 * Builds as `buildDataset` does and, when the build succeeds, writes the new file's data to disk before answering.
 * The server thread commits the decision next, and its state database's commit waits for an fsync (synchronous=FULL):
 * on ext4 that fsync's journal commit also waited for this file's hundreds of megabytes of unwritten pages, about
 * 0.1 s at a hundred times the real data, during which readers waited too. Flushed here, on the worker, the commit
 * finds little to wait for, and the file renamed into place is on disk whole.
 */
export function buildFlushed(
	options: BuildOptions,
	build: (options: BuildOptions) => BuildResult = buildDataset,
	system: FlushSystem = { openSync, fdatasyncSync, closeSync }
): BuildResult {
	const result = build(options);
	if (!result.ok) return result;
	const fd = system.openSync(options.outPath, 'r');
	try {
		system.fdatasyncSync(fd);
	} finally {
		system.closeSync(fd);
	}
	return result;
}
