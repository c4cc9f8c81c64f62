// /claims: statements outside single rounds, filterable by kind and year through the query string.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { StatementKind } from '$lib/schemas/vocabulary';
import { getDataset } from '$lib/server/db/dataset';
import { listStatements } from '$lib/server/db/queries/statements';
import type { PageServerLoad } from './$types';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** `?statement=allegation&year=2025`, both optional. */
const StatementFilters = z.object({
	statement: z.preprocess(blankToUndefined, StatementKind.exclude(['report']).optional()),
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2022).max(2100).optional())
});

export const load: PageServerLoad = ({ url }) => {
	const parsed = StatementFilters.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		error(
			400,
			m.error_bad_query({
				details: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
			})
		);
	}
	const { statement, year } = parsed.data;
	const all = listStatements(getDataset());
	return {
		filters: parsed.data,
		years: [...new Set(all.map((claim) => Number(claim.statedOn.slice(0, 4))))].sort((a, b) => b - a),
		statements: all.filter(
			(claim) =>
				(statement === undefined || claim.statement === statement) &&
				(year === undefined || claim.statedOn.startsWith(String(year)))
		)
	};
};
