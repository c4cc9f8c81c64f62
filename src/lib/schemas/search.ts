// The query string of /search: what was typed, which kind of record, which page; validated at the boundary.
import { z } from 'zod';
import { blankToUndefined } from './query';

/** The kinds of record search finds, in the order the results page lists them. */
export const searchKinds = ['round', 'claim', 'source'] as const;
export const SearchKind = z.enum(searchKinds);
export type SearchKind = z.infer<typeof SearchKind>;

/** Longest search text accepted: a long sentence, far more than any name, number or date needs. */
export const SEARCH_MAX_LENGTH = 200;

/** `?q=Medinsky&kind=claim&page=2`: an empty or missing `q` shows the search help, not an error. */
export const SearchParams = z.object({
	q: z.preprocess(blankToUndefined, z.string().trim().max(SEARCH_MAX_LENGTH).optional()),
	kind: z.preprocess(blankToUndefined, SearchKind.optional()),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});
export type SearchParams = z.infer<typeof SearchParams>;
