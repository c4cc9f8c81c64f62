// The read API's shared parts: JSON responses with the dataset version, and 400s that are JSON too.
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { cursorAfter, readCursor, type ApiPaging, type KeyValue } from '../../schemas/api-paging';
import { listEnvelope } from '../downloads/list-downloads';

/** Cross-origin reads are allowed: the API serves public data. */
const API_HEADERS = { 'access-control-allow-origin': '*' };

/** A JSON response of the API. */
export function apiResponse(body: unknown, status = 200): Response {
	return json(body, { status, headers: API_HEADERS });
}

/** A 400 of the API naming one parameter. */
function badParameter(parameter: string, message: string): Response {
	return apiResponse(
		{ error: 'invalid_query', message: `${parameter}: ${message}`, issues: [{ parameter, message }] },
		400
	);
}

/**
 * A list of the API read a page at a time along an index: its order (written into its cursors, so that a cursor of
 * another list or order is refused), the schema of its rows' sort keys, how many rows match, and `limit` rows after
 * a sort key (from the start when there is none), each with its own key. `after` returns null when the key names no
 * row it can go on from (a list kept in memory, whose rows are found by id).
 */
export interface KeysetList<Key extends readonly KeyValue[]> {
	order: string;
	key: z.ZodType<Key>;
	total: () => number;
	after: (key: Key | null, limit: number) => readonly { row: Record<string, unknown>; key: Key }[] | null;
}

/**
 * One page of an API list: `limit` rows after the cursor's sort key, the number matching in all, and the cursor of
 * the next page (null on the last). A cursor from another dataset version is refused, since its rows may have changed.
 */
export function apiListResponse<Key extends readonly KeyValue[]>(
	datasetVersion: string,
	columns: readonly string[],
	list: KeysetList<Key>,
	filters: Record<string, string | number | undefined>,
	paging: ApiPaging,
	extra: Record<string, unknown> = {}
): Response {
	let after: Key | null = null;
	if (paging.cursor) {
		const cursor = readCursor(paging.cursor, list.order, list.key);
		if (cursor.ok && cursor.datasetVersion !== datasetVersion) {
			return badParameter(
				'cursor',
				`this cursor belongs to dataset version ${cursor.datasetVersion}; the dataset is now ${datasetVersion}: start again without a cursor`
			);
		}
		if (!cursor.ok) return badParameter('cursor', cursor.message);
		after = cursor.key;
	}
	// One row more than the page tells whether there is a next one.
	const read = list.after(after, paging.limit + 1);
	if (!read) return badParameter('cursor', 'this cursor names no row of this list: start again without a cursor');
	const rows = read.slice(0, paging.limit);
	const last = rows.at(-1);
	return apiResponse({
		...listEnvelope(
			datasetVersion,
			columns,
			rows.map(({ row }) => row),
			filters,
			extra
		),
		total: list.total(),
		limit: paging.limit,
		next_cursor: read.length > paging.limit && last ? cursorAfter(datasetVersion, list.order, last.key) : null
	});
}

/** Parses query parameters with `schema`; on failure, the 400 response to return instead. */
export function apiQuery<T extends z.ZodType>(
	schema: T,
	params: URLSearchParams
): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
	const parsed = schema.safeParse(Object.fromEntries(params));
	if (parsed.success) return { ok: true, data: parsed.data };
	return {
		ok: false,
		response: apiResponse(
			{
				error: 'invalid_query',
				message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
				issues: parsed.error.issues.map((issue) => ({ parameter: issue.path.join('.'), message: issue.message }))
			},
			400
		)
	};
}
