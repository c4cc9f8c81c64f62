// /claims: statements outside single rounds, filterable by kind, year and claimant and sorted by date through the query string, paged.
import { claimantName } from '$lib/format/data-words';
import { parseQueryOr400 } from '$lib/schemas/query';
import { STATEMENTS_PAGE_SIZE, StatementPageQuery, filterStatements } from '$lib/schemas/statement-filters';
import { getDataset } from '$lib/server/db/dataset';
import { knownClaimantOr400 } from '$lib/server/db/queries/claimants';
import { listStatements } from '$lib/server/db/queries/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { page: requested, ...filters } = parseQueryOr400(StatementPageQuery, url.searchParams);
	const db = getDataset();
	const claimant = knownClaimantOr400(db, filters.claimant);
	const all = listStatements(db);
	const matching = filterStatements(all, filters);
	// A page past the end shows the last, as on /rounds.
	const pageCount = Math.max(1, Math.ceil(matching.length / STATEMENTS_PAGE_SIZE));
	const page = Math.min(requested, pageCount);
	return {
		filters,
		claimant: claimant && { id: claimant.id, name: claimantName(claimant) },
		years: [...new Set(all.map((claim) => Number(claim.statedOn.slice(0, 4))))].sort((a, b) => b - a),
		total: matching.length,
		page,
		pageCount,
		// The page shows the verdict's sentence, link and tone; the structure behind it stays on the server.
		statements: matching
			.slice((page - 1) * STATEMENTS_PAGE_SIZE, page * STATEMENTS_PAGE_SIZE)
			.map(({ verdict, ...claim }) => ({
				...claim,
				verdict: { text: verdict.text, href: verdict.href, tone: verdict.tone }
			}))
	};
};
