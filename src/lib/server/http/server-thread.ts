// The server's own thread: started by the production entry (node-entry.ts) with its heap bounded, told when to stop.
import { Worker } from 'node:worker_threads';

/** What the entry sends the server's thread when the process is asked to stop (see node-server.ts). */
export const SHUT_DOWN = 'shut down';

/**
 * Starts `script` (the server) on a worker thread whose V8 heap (its old generation) is bounded to `heapMb` MiB.
 * Why a thread: a bound given to the whole process (`--max-old-space-size`) would also bind the build worker that
 * publishes a decision (V8's flag overrides a worker's own `resourceLimits`), and it needs several times more at a
 * hundred times the real data. A worker's `resourceLimits` bind that thread alone: the build worker the server starts
 * keeps V8's default. And `node build` needs no flags.
 */
export function startServerThread(script: string, heapMb: number): { thread: Worker; shutDown: () => void } {
	const thread = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
	return { thread, shutDown: () => thread.postMessage(SHUT_DOWN) };
}
