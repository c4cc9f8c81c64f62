// Vite configuration for the production server entry (src/lib/server/http/node-entry.ts): bundled for Node as
// build/index.js, in place of adapter-node's own server, after `vite build` has written the app beside it; with the
// server it runs on a thread (node-server.ts) as build/http-server.js, and the worker thread that builds a decision's
// dataset (src/lib/server/db/build-worker.ts) as build/build-worker.js.
import { defineConfig } from 'vite';

export default defineConfig({
	publicDir: false,
	logLevel: 'warn',
	build: {
		ssr: true,
		outDir: process.env.APP_BUILD_DIR ?? 'build',
		// The app's build is already in that folder: only index.js is replaced.
		emptyOutDir: false,
		target: 'node20',
		// Replaces adapter-node's map of the file it replaces.
		sourcemap: true,
		rolldownOptions: {
			input: {
				index: 'src/lib/server/http/node-entry.ts',
				'http-server': 'src/lib/server/http/node-server.ts',
				'build-worker': 'src/lib/server/db/build-worker.ts'
			},
			output: { entryFileNames: '[name].js', chunkFileNames: 'entry-chunks/[name]-[hash].js' }
		}
	}
});
