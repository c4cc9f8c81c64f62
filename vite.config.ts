// Vite configuration for the SvelteKit app, the Paraglide message catalog, and vitest (unit and server tests).
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Under vitest the catalog is compiled beforehand (`npm run i18n:compile`): the plugin's file watcher would keep vitest from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './src/lib/i18n/project.inlang',
						outdir: './src/lib/paraglide',
						// The language is the address's (`/uk/…`, `/ru/…`, else English), never a cookie or Accept-Language.
						strategy: ['url', 'baseLocale']
					})
				]),
		sveltekit()
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node'
	}
});
