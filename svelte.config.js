// SvelteKit configuration: Node adapter for the production server (`node build`), static assets precompressed, and the CSP.
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The HTTP tests build the app into their own folders (tests/helpers/app-server.ts), never over `build/`.
		outDir: process.env.SVELTEKIT_OUT_DIR ?? '.svelte-kit',
		// Brotli and gzip copies of every static asset, written once at build time and served by adapter-node.
		adapter: adapter({ out: process.env.APP_BUILD_DIR ?? 'build', precompress: true }),
		// Hashes, not nonces: a page is rendered once and served from the cache many times, so a nonce would repeat.
		// The JSON-LD blocks are data, not script, so they need no hash. `frame-ancestors` is widened for embeds in
		// src/lib/server/http/security-headers.ts, which also gives every other response its headers.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Style attributes (chart geometry, Svelte's own) cannot be hashed; inline styles cannot run code.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
