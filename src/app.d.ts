// Ambient types for SvelteKit's App namespace.
import type { Maintainer } from '$lib/server/auth/maintainers';

declare global {
	namespace App {
		interface Locals {
			/** The logged-in maintainer, from the session cookie; null for everyone else. */
			maintainer: Maintainer | null;
		}
		interface Error {
			message: string;
			/** For a removed record (410): the page of the record that replaced it. */
			replacement?: string;
		}
	}
}

export {};
