// Rows read one at a time (a statement's `.iterate()`) grouped into batches, so a long list is never held whole.
/** The items of `rows` in arrays of at most `size`, in order; stopping early (`return`) closes `rows` too. */
export function* inBatches<T>(rows: Iterable<T>, size: number): Generator<T[], void, undefined> {
	let batch: T[] = [];
	for (const row of rows) {
		batch.push(row);
		if (batch.length === size) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}
