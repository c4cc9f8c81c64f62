// /claims: statements outside single rounds, filterable by kind, year and claimant and sorted by date through the query string, paged.
import { claimantName } from '$lib/format/data-words';
import { parseQueryOr400 } from '$lib/schemas/query';
import { STATEMENTS_PAGE_SIZE, StatementPageQuery } from '$lib/schemas/statement-filters';
import { getDataset } from '$lib/server/db/dataset';
import { knownClaimantOr400 } from '$lib/server/db/queries/claimants';
import { countStatements, statementYears, statementsFrom } from '$lib/server/db/queries/statements';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { page: requested, ...filters } = parseQueryOr400(StatementPageQuery, url.searchParams);
	const db = getDataset();
	const claimant = knownClaimantOr400(db, filters.claimant);
	// The count first, so that a page past the end shows the last, as on /rounds; then only that page is read.
	const total = countStatements(db, filters);
	const pageCount = Math.max(1, Math.ceil(total / STATEMENTS_PAGE_SIZE));
	const page = Math.min(requested, pageCount);
	const statements = statementsFrom(db, filters, (page - 1) * STATEMENTS_PAGE_SIZE, STATEMENTS_PAGE_SIZE);
	return {
		filters,
		claimant: claimant && { id: claimant.id, name: claimantName(claimant) },
		years: statementYears(db),
		total,
		page,
		pageCount,
		// The page shows the verdict's sentence, link and tone; the structure behind it stays on the server.
		statements: statements.map(({ verdict, ...claim }) => ({
			...claim,
			verdict: { text: verdict.text, href: verdict.href, tone: verdict.tone }
		}))
	};
};
