// `npm run data:build`: bundles build-cli.ts with esbuild and runs the bundle in this process, without tsx.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// Plain JavaScript, run by node: loading the build's TypeScript through tsx took 1.5 s of CPU at every build, bundling
// it takes 0.3 s. The bundle (the command and the thread it derives on) is this process's own folder (two builds at once
// never read each other's half-written bundle), removed when the process exits; one left by a build stopped by a
// signal is removed by the next build.
const folder = 'node_modules/.cache/prisoner-exchange-monitor';
const bundle = join(folder, `build-cli-${process.pid}`);

/** Whether a process is running (signal 0 only checks). */
function isRunning(/** @type {number} */ pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

mkdirSync(folder, { recursive: true });
for (const name of readdirSync(folder)) {
	const pid = Number(/^build-cli-(\d+)(?:\.mjs)?$/.exec(name)?.[1] ?? NaN);
	if (Number.isInteger(pid) && !isRunning(pid)) rmSync(join(folder, name), { force: true, recursive: true });
}
process.on('exit', () => rmSync(bundle, { force: true, recursive: true }));
await build({
	entryPoints: ['src/lib/server/db/build-cli.ts', 'src/lib/server/db/derive-worker.ts'],
	outdir: bundle,
	outExtension: { '.js': '.mjs' },
	// The command and the derivations' thread share one chunk of the modules both import (bundling each whole took
	// 0.2–0.3 s more wall time at every build).
	splitting: true,
	bundle: true,
	platform: 'node',
	format: 'esm',
	// Packages are imported from node_modules as they are; only the project's own modules are bundled.
	packages: 'external',
	// Errors point at the TypeScript sources (about 0.07 s of CPU to read the map).
	sourcemap: 'inline',
	logLevel: 'warning'
});
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(bundle, 'build-cli.mjs')).href);
