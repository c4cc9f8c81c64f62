// Field-level zod building blocks shared by the entity schemas (ids, dates, URLs, counts, lists).
import { z } from 'zod';

/** Stable record id: lower-case letters, digits and dashes, as used in URLs. */
export const recordId = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lower-case letters, digits and dashes');

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
	.refine((text) => {
		const date = new Date(`${text}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
	}, 'not a real calendar date');

/** An absolute http(s) URL. */
export const httpUrl = z.string().refine((text) => {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}, 'expected an absolute http(s) URL');

/** A count of people or bodies: a non-negative whole number written in digits. */
export const countText = z
	.string()
	.regex(/^\d+$/, 'expected a non-negative whole number written in digits')
	.transform(Number);

/** An empty CSV cell becomes null; anything else must satisfy `schema`. */
export function optional<T extends z.ZodType>(schema: T) {
	return z.union([z.literal('').transform(() => null), schema]);
}

/** A `;`-separated list of values in one CSV cell, each checked by `item`. */
export function semicolonList<T extends z.ZodType<string, string>>(item: T) {
	return z
		.string()
		.transform((text) => (text.trim() === '' ? [] : text.split(';').map((part) => part.trim())))
		.pipe(z.array(item));
}
