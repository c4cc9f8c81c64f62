// The query string of /claims and its downloads: kind of statement and year, both optional.
import { z } from 'zod';
import { blankToUndefined } from './query';
import { StatementKind } from './vocabulary';

/** `?statement=allegation&year=2025`. */
export const StatementFilters = z.object({
	statement: z.preprocess(blankToUndefined, StatementKind.exclude(['report']).optional()),
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2022).max(2100).optional())
});
export type StatementFilters = z.infer<typeof StatementFilters>;

/** `/claims` also takes `page`, so that the list stays one page long however many statements there are. */
export const StatementPageQuery = StatementFilters.extend({
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});

/** Statements per page of /claims. */
export const STATEMENTS_PAGE_SIZE = 50;

/** The statements matching the filters. */
export function filterStatements<T extends { statement: string; statedOn: string }>(
	statements: readonly T[],
	filters: StatementFilters
): T[] {
	return statements.filter(
		(claim) =>
			(filters.statement === undefined || claim.statement === filters.statement) &&
			(filters.year === undefined || claim.statedOn.startsWith(String(filters.year)))
	);
}
