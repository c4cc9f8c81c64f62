// The query string of /claims and its downloads: kind of statement, year, claimant and order, all optional.
import { z } from 'zod';
import { recordId } from './fields';
import { blankToUndefined } from './query';
import { StatementKind } from './vocabulary';

/** Orders of a list of statements: newest first (the default) or oldest first. */
export const statementSorts = ['date_desc', 'date_asc'] as const;

/** `?statement=allegation&year=2025&claimant=k-medinsky&sort=date_asc`. */
export const StatementFilters = z.object({
	statement: z.preprocess(blankToUndefined, StatementKind.exclude(['report']).optional()),
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2022).max(2100).optional()),
	claimant: z.preprocess(blankToUndefined, recordId.max(80).optional()),
	sort: z.preprocess(blankToUndefined, z.enum(statementSorts).optional())
});
export type StatementFilters = z.infer<typeof StatementFilters>;

/** `/claims` also takes `page`, so that the list stays one page long however many statements there are. */
export const StatementPageQuery = StatementFilters.extend({
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});

/** Statements per page of /claims. */
export const STATEMENTS_PAGE_SIZE = 50;
