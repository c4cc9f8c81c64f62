// Paging of the read API's lists: `limit` rows after a cursor, with a documented maximum so that no answer grows with the dataset.
import { z } from 'zod';
import { blankToUndefined } from './query';

/** Rows per answer when `limit` is not given, and the most that can be asked for. */
export const API_LIMIT_DEFAULT = 100;
export const API_LIMIT_MAX = 500;

/**
 * A cursor is the dataset version, a dot, and the list's order with the sort key of the last row sent, as JSON in
 * base64url: opaque to readers, and read back with the list's own schema. The next page starts right after that key
 * along the list's index, so a deep page costs what the first costs. A cursor is valid for its dataset version only.
 */
const cursorPattern = /^([0-9a-f]{12})\.([A-Za-z0-9_-]{1,1400})$/;

export const ApiPaging = z.object({
	limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(API_LIMIT_MAX).default(API_LIMIT_DEFAULT)),
	cursor: z.preprocess(
		blankToUndefined,
		z.string().regex(cursorPattern, 'expected the next_cursor of an earlier answer').optional()
	)
});
export type ApiPaging = z.infer<typeof ApiPaging>;

/** The values a sort key is made of: text, whole numbers, and null (a source without a publication date). */
export type KeyValue = string | number | null;

/** The cursor of the page after the row whose sort key is `key`, in the list and order named `order`. */
export function cursorAfter(datasetVersion: string, order: string, key: readonly KeyValue[]): string {
	return `${datasetVersion}.${Buffer.from(JSON.stringify([order, ...key])).toString('base64url')}`;
}

/** What a cursor holds once read: its version, and the key of a row of `order`; or why it cannot be used. */
export type ReadCursor<Key> = { ok: true; datasetVersion: string; key: Key } | { ok: false; message: string };

/**
 * The version and sort key a cursor names (it has passed {@link ApiPaging}), checked against the list's order and
 * `key` schema: a cursor of another list or order, or one that was not made by {@link cursorAfter}, is refused.
 */
export function readCursor<Key extends readonly KeyValue[]>(
	cursor: string,
	order: string,
	key: z.ZodType<Key>
): ReadCursor<Key> {
	const [, datasetVersion = '', payload = ''] = cursorPattern.exec(cursor) ?? [];
	let decoded: unknown;
	try {
		decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		decoded = undefined;
	}
	if (!Array.isArray(decoded)) return { ok: false, message: 'expected the next_cursor of an earlier answer' };
	const [madeFor, ...values] = decoded as unknown[];
	if (madeFor !== order) {
		return {
			ok: false,
			message: `this cursor was made for another list or order (${typeof madeFor === 'string' ? madeFor : 'unknown'}, not ${order}): start again without a cursor`
		};
	}
	const parsed = key.safeParse(values);
	if (!parsed.success) return { ok: false, message: 'expected the next_cursor of an earlier answer' };
	return { ok: true, datasetVersion, key: parsed.data };
}

/** A date as the dataset writes it (YYYY-MM-DD) and an id, the parts of most sort keys. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.string().min(1).max(200);

/** The sort keys of the API's lists, each the columns of its index in order. */
export const DateKey = z.tuple([isoDate, id]);
export type DateKey = z.infer<typeof DateKey>;
export const GapKey = z.tuple([z.number().int(), isoDate, id]);
export type GapKey = z.infer<typeof GapKey>;
export const SourceKey = z.tuple([z.string().min(1).max(400), isoDate.nullable(), id]);
export type SourceKey = z.infer<typeof SourceKey>;
export const IdKey = z.tuple([id]);
export type IdKey = z.infer<typeof IdKey>;
