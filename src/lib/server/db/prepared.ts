// Prepared statements, prepared once per connection: a rebuilt dataset gets a new connection and new statements.
import { getLocale } from '../../paraglide/runtime.js';
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
 * connection, but the sentences derived from it (status explanations, verdicts, chart summaries) are in the language
 * of the request that computes them, so each language keeps its own.
 */
export function memoizedFor<T>(compute: (db: DatasetDatabase) => T): (db: DatasetDatabase) => T {
	const byLocale = preparedFor(() => new Map<string, T>());
	return (db) => {
		const values = byLocale(db);
		const locale = getLocale();
		let value = values.get(locale);
		if (value === undefined) {
			value = compute(db);
			values.set(locale, value);
		}
		return value;
	};
}
