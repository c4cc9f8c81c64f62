// Prepared statements, prepared once per connection: a rebuilt dataset gets a new connection and new statements.
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { DatasetDatabase } from './dataset';

/** Wraps a factory of prepared statements so that each connection prepares them once. */
export function preparedFor<T>(factory: (db: DatasetDatabase) => T): (db: DatasetDatabase) => T {
	const byConnection = new WeakMap<DatasetDatabase, T>();
	return (db) => {
		let prepared = byConnection.get(db);
		if (!prepared) {
			prepared = factory(db);
			byConnection.set(db, prepared);
		}
		return prepared;
	};
}

/**
 * Computes a value once per connection and language: the dataset is read-only, so it cannot change under a
 * connection, but what is computed may hold words of the catalog (a verdict's sentence, a chart's labels), which
 * must never reach a page in another language.
 */
export function memoizedFor<T>(compute: (db: DatasetDatabase) => T): (db: DatasetDatabase) => T {
	const perLanguage = preparedFor(() => new Map<Locale, T>());
	return (db) => {
		const kept = perLanguage(db);
		const locale = getLocale();
		if (!kept.has(locale)) kept.set(locale, compute(db));
		return kept.get(locale) as T;
	};
}
