// Where the worker thread that builds a decision's dataset is: named by the server entry, read by build-thread.ts.

/** The worker's script: build/build-worker.js in the production server, a loader of the TypeScript source under tests. */
export interface BuildWorkerScript {
	path: string;
}

/**
 * The server entry and SvelteKit's server are bundled apart, so the entry names the worker's script on a global
 * registered under a symbol (as the page cache is shared, see fast-path.ts); this module imports nothing of the build.
 */
const REGISTRY = Symbol.for('prisoner-exchange-monitor.build-worker');
type Registry = { [REGISTRY]?: BuildWorkerScript };

/** Names the worker's script (undefined: decisions build on the server's own thread, in steps). */
export function registerBuildWorker(script: BuildWorkerScript | undefined): void {
	(globalThis as Registry)[REGISTRY] = script;
}

export function registeredBuildWorker(): BuildWorkerScript | undefined {
	return (globalThis as Registry)[REGISTRY];
}
