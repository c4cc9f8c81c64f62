// Ambient types for SvelteKit's App namespace.
declare global {
	namespace App {}
}

export {};
