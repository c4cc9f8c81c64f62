// Prepared statements, prepared once per connection: a rebuilt dataset gets a new connection and new statements.
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

/** Computes a value once per connection: the dataset is read-only, so it cannot change under a connection. */
export function memoizedFor<T>(compute: (db: DatasetDatabase) => T): (db: DatasetDatabase) => T {
	return preparedFor(compute);
}
