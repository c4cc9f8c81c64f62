// Runs test code in one catalog locale: Paraglide's getLocale is pointed at it, and restored afterwards.
import { afterEach } from 'vitest';
import { baseLocale, getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';

export type Locale = 'en' | 'uk' | 'ru';

const original = getLocale;

/** Calls `run` with every message and formatter in `locale`. */
export function inLocale<T>(locale: Locale, run: () => T): T {
	overwriteGetLocale(() => locale);
	try {
		return run();
	} finally {
		overwriteGetLocale(original);
	}
}

/** For a test file whose tests switch locales: makes sure none leaks into the next test. */
export function resetLocaleAfterEach(): void {
	afterEach(() => overwriteGetLocale(() => baseLocale));
}
