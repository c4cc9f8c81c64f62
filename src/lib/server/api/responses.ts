// The read API's shared parts: JSON responses with the dataset version, and 400s that are JSON too.
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { cursorAt, readCursor, type ApiPaging } from '../../schemas/api-paging';
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

/** Reads `limit` rows of a list from `offset`, and how many it has: for a list read a page at a time from SQL. */
export type RowsFrom = (offset: number, limit: number) => { total: number; rows: readonly Record<string, unknown>[] };

/**
 * One page of an API list: `limit` rows from the cursor, the number matching in all, and the cursor of the next page
 * (null on the last). A cursor from another dataset version is refused, since its rows may have moved.
 */
export function apiListResponse(
	datasetVersion: string,
	columns: readonly string[],
	rows: readonly Record<string, unknown>[] | RowsFrom,
	filters: Record<string, string | number | undefined>,
	paging: ApiPaging,
	extra: Record<string, unknown> = {}
): Response {
	const { datasetVersion: cursorVersion, offset } = paging.cursor
		? readCursor(paging.cursor)
		: { datasetVersion, offset: 0 };
	if (cursorVersion !== datasetVersion) {
		return badParameter(
			'cursor',
			`this cursor belongs to dataset version ${cursorVersion}; the dataset is now ${datasetVersion}: start again without a cursor`
		);
	}
	const page =
		typeof rows === 'function'
			? rows(offset, paging.limit)
			: { total: rows.length, rows: rows.slice(offset, offset + paging.limit) };
	const end = offset + paging.limit;
	return apiResponse({
		...listEnvelope(datasetVersion, columns, page.rows, filters, extra),
		total: page.total,
		limit: paging.limit,
		next_cursor: end < page.total ? cursorAt(datasetVersion, end) : null
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
