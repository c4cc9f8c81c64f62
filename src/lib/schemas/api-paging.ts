// Paging of the read API's lists: `limit` rows from `cursor`, with a documented maximum so that no answer grows with the dataset.
import { z } from 'zod';
import { blankToUndefined } from './query';

/** Rows per answer when `limit` is not given, and the most that can be asked for. */
export const API_LIMIT_DEFAULT = 100;
export const API_LIMIT_MAX = 500;

/**
 * A cursor names the dataset version and the row to start at. It is valid for that version only: rows are
 * numbered in a published file that never changes, so a page never skips or repeats a row.
 */
const cursorPattern = /^([0-9a-f]{12})\.(\d{1,9})$/;

export const ApiPaging = z.object({
	limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(API_LIMIT_MAX).default(API_LIMIT_DEFAULT)),
	cursor: z.preprocess(
		blankToUndefined,
		z.string().regex(cursorPattern, 'expected the next_cursor of an earlier answer').optional()
	)
});
export type ApiPaging = z.infer<typeof ApiPaging>;

/** The cursor of the page starting at row `offset` of `datasetVersion`. */
export function cursorAt(datasetVersion: string, offset: number): string {
	return `${datasetVersion}.${offset}`;
}

/** The version and row a cursor names (the cursor has passed {@link ApiPaging}). */
export function readCursor(cursor: string): { datasetVersion: string; offset: number } {
	const [, datasetVersion = '', offset = '0'] = cursorPattern.exec(cursor) ?? [];
	return { datasetVersion, offset: Number(offset) };
}
