// The read API's shared parts: JSON responses with the dataset version, and 400s that are JSON too.
import { json } from '@sveltejs/kit';
import type { z } from 'zod';

/** Cross-origin reads are allowed: the API serves public data. */
const API_HEADERS = { 'access-control-allow-origin': '*' };

/** A JSON response of the API. */
export function apiResponse(body: unknown, status = 200): Response {
	return json(body, { status, headers: API_HEADERS });
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
