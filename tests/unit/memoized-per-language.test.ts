// Values computed once per dataset connection are kept per language: words of one language never reach another's page.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetDatabase } from '../../src/lib/server/db/dataset';
import { memoizedFor } from '../../src/lib/server/db/prepared';
import { m } from '../../src/lib/paraglide/messages.js';
import { baseLocale, getLocale, overwriteGetLocale, type Locale } from '../../src/lib/paraglide/runtime.js';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('memoizedFor', () => {
	it('computes once per connection and language, and returns each language its own value', () => {
		const db = new Database(':memory:') as unknown as DatasetDatabase;
		let computed = 0;
		const label = memoizedFor(() => {
			computed++;
			return m.nav_rounds();
		});
		const seen: Record<string, string> = {};
		for (const locale of ['en', 'uk', 'ru', 'en', 'uk', 'ru'] as Locale[]) {
			overwriteGetLocale(() => locale);
			seen[locale] = label(db);
		}
		expect(computed).toBe(3);
		expect(new Set(Object.values(seen)).size).toBe(3);
		overwriteGetLocale(() => baseLocale);
		expect(label(db)).toBe(seen.en);
	});
});
