// The key a list's next page starts after, folded together with a year filter so that SQLite reads one range of the index.
/**
 * A date-ordered keyset read with a year filter has two bounds on the same index column, the year's and the key's,
 * and SQLite takes only one of them as the index's range (the year's: a deep page then walks the year up to the key).
 * The key is moved to the year's edge when it lies beyond it, which selects the same rows, so the year's bound on
 * that side can be dropped: `(date, id) < (to, '')` is `date < to` and `(date, id) > (from, '')` is `date >= from`, ids
 * never being empty. Returns the key to use; the query keeps the year's bound on the other side only.
 */
export function keyWithinYear(
	key: readonly [date: string, id: string],
	year: number | undefined,
	descending: boolean
): { date: string; id: string } {
	const [date, id] = key;
	if (year === undefined) return { date, id };
	// The year's bounds as the queries write them: dates from `${year}` (inclusive) to `${year + 1}` (exclusive).
	const [from, to] = [String(year), String(year + 1)];
	if (descending && date >= to) return { date: to, id: '' };
	if (!descending && date < from) return { date: from, id: '' };
	return { date, id };
}
