// /claims: statements outside single rounds, filterable by kind and year through the query string.
import { parseQueryOr400 } from '$lib/schemas/query';
import { StatementFilters, filterStatements } from '$lib/schemas/statement-filters';
import { getDataset } from '$lib/server/db/dataset';
import { listStatements } from '$lib/server/db/queries/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const filters = parseQueryOr400(StatementFilters, url.searchParams);
	const all = listStatements(getDataset());
	return {
		filters,
		years: [...new Set(all.map((claim) => Number(claim.statedOn.slice(0, 4))))].sort((a, b) => b - a),
		// The page shows the verdict's sentence, link and tone; the structure behind it stays on the server.
		statements: filterStatements(all, filters).map(({ verdict, ...claim }) => ({
			...claim,
			verdict: { text: verdict.text, href: verdict.href, tone: verdict.tone }
		}))
	};
};
