// Shared handling of query strings at the boundary: blank form fields, and the 400 answer for invalid ones.
import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '../paraglide/messages.js';

/** An empty parameter means "no filter", as a plain HTML form sends it. */
export const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Parses a URL's query string with `schema`, or answers 400 with a message naming each invalid parameter. */
export function parseQueryOr400<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
	const parsed = schema.safeParse(Object.fromEntries(params));
	if (!parsed.success) {
		error(
			400,
			m.error_bad_query({
				details: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
			})
		);
	}
	return parsed.data;
}
