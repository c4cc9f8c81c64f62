// /claims: statements outside single rounds, filterable by kind and year through the query string.
import { z } from 'zod';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { StatementKind } from '$lib/schemas/vocabulary';
import { getDataset } from '$lib/server/db/dataset';
import { listStatements } from '$lib/server/db/queries/statements';
import type { PageServerLoad } from './$types';

/** `?statement=allegation&year=2025`, both optional. */
const StatementFilters = z.object({
	statement: z.preprocess(blankToUndefined, StatementKind.exclude(['report']).optional()),
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2022).max(2100).optional())
});

export const load: PageServerLoad = ({ url }) => {
	const filters = parseQueryOr400(StatementFilters, url.searchParams);
	const { statement, year } = filters;
	const all = listStatements(getDataset());
	return {
		filters,
		years: [...new Set(all.map((claim) => Number(claim.statedOn.slice(0, 4))))].sort((a, b) => b - a),
		statements: all.filter(
			(claim) =>
				(statement === undefined || claim.statement === statement) &&
				(year === undefined || claim.statedOn.startsWith(String(year)))
		)
	};
};
