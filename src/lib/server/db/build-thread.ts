// Builds a decision's dataset on a worker thread when the server entry has registered one, else in steps on this thread.
import { Worker } from 'node:worker_threads';
import { buildDatasetInSteps, type BuildOptions, type BuildResult } from './build';
import { registeredBuildWorker, type BuildWorkerScript } from './build-worker-script';

/** A build asked of the worker, and its answer (an error is sent as its text: the build failed, nothing was renamed). */
export interface BuildRequest {
	id: number;
	options: BuildOptions;
}
export type BuildReply = { id: number; result: BuildResult } | { id: number; error: string };

/** One long-lived worker (it keeps the parsed files of data/ between decisions), started on the first build. */
let running: { script: BuildWorkerScript; worker: Worker; pending: Map<number, (reply: BuildReply) => void> } | null =
	null;
let nextId = 0;

/** Stops the worker (its builds in flight fail); the next build starts a new one. */
export function stopBuildWorker(): void {
	const stopping = running;
	running = null;
	if (!stopping) return;
	void stopping.worker.terminate();
	for (const answer of stopping.pending.values()) answer({ id: -1, error: 'the build worker was stopped' });
	stopping.pending.clear();
}

function workerFor(script: BuildWorkerScript) {
	if (running?.script === script) return running;
	stopBuildWorker();
	const worker = new Worker(script.path);
	// An idle worker does not keep the process alive; one building does (see `buildOffThread`).
	worker.unref();
	const started = { script, worker, pending: new Map<number, (reply: BuildReply) => void>() };
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
	const { worker, pending } = workerFor(script);
	const id = (nextId += 1);
	worker.ref();
	try {
		const reply = await new Promise<BuildReply>((answer) => {
			pending.set(id, answer);
			worker.postMessage({ id, options } satisfies BuildRequest);
		});
		if ('error' in reply) throw new Error(`The dataset could not be built: ${reply.error}`);
		return reply.result;
	} finally {
		if (pending.size === 0) worker.unref();
	}
}
