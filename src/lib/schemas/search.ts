// The query string of /search: what was typed, which kind of record, which page; validated at the boundary.
import { z } from 'zod';
import { recordId } from './fields';
import { blankToUndefined } from './query';

/** The kinds of record search finds, in the order the results page lists them. */
export const searchKinds = ['round', 'claim', 'source'] as const;
export const SearchKind = z.enum(searchKinds);
export type SearchKind = z.infer<typeof SearchKind>;

/** Longest search text accepted: a long sentence, far more than any name, number or date needs. */
export const SEARCH_MAX_LENGTH = 200;

/** Orders of search results: best match first (the default), newest first, oldest first. */
export const searchSorts = ['relevance', 'date_desc', 'date_asc'] as const;
export const SearchSort = z.enum(searchSorts);
export type SearchSort = z.infer<typeof SearchSort>;

/**
 * `?q=Medinsky&kind=claim&page=2&sort=date_desc&claimant=k-medinsky`: an empty or missing `q` shows the search help,
 * not an error; `claimant` limits the results to that claimant's statements.
 */
export const SearchParams = z.object({
	q: z.preprocess(blankToUndefined, z.string().trim().max(SEARCH_MAX_LENGTH).optional()),
	kind: z.preprocess(blankToUndefined, SearchKind.optional()),
	sort: z.preprocess(blankToUndefined, SearchSort.optional()),
	claimant: z.preprocess(blankToUndefined, recordId.max(80).optional()),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});
export type SearchParams = z.infer<typeof SearchParams>;
