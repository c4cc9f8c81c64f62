// Runs server code in one language whatever the request's: an image or a feed asked for in Ukrainian renders every message in Ukrainian.
import { AsyncLocalStorage } from 'node:async_hooks';
import { getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage, type Locale } from '../../paraglide/runtime.js';

type Store = NonNullable<ReturnType<NonNullable<ReturnType<typeof getServerAsyncLocalStorage>>['getStore']>>;

/**
 * Calls `run` with `locale` as Paraglide's current locale, through the same AsyncLocalStorage as Paraglide's request
 * middleware (created here when no middleware has run yet), so that concurrent requests in other languages are not
 * affected and messages called deep inside (status explanations, chart summaries) follow.
 */
export function inLocale<T>(locale: Locale, run: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage<Store>();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ ...storage.getStore(), locale }, run);
}
