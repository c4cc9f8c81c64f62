// GET /api/v1/claims: statements outside rounds matching the filters of /claims, with the fields of /claims.json, `limit` at a time.
import { ApiPaging, DateKey } from '$lib/schemas/api-paging';
import { claimExportColumns } from '$lib/schemas/exports';
import { StatementFilters } from '$lib/schemas/statement-filters';
import { apiListResponse, apiQuery, apiResponse } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { getClaimant } from '$lib/server/db/queries/claimants';
import { claimRowsAfter } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { countStatements } from '$lib/server/db/queries/statements';
import type { RequestHandler } from './$types';

const ClaimsApiQuery = StatementFilters.extend(ApiPaging.shape);

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(ClaimsApiQuery, url.searchParams);
	if (!query.ok) return query.response;
	const { limit, cursor, ...filters } = query.data;
	const db = getDataset();
	if (filters.claimant !== undefined && !getClaimant(db, filters.claimant)) {
		return apiResponse(
			{
				error: 'invalid_query',
				message: `claimant: there is no claimant with the id ${filters.claimant}`,
				issues: [{ parameter: 'claimant', message: `there is no claimant with the id ${filters.claimant}` }]
			},
			400
		);
	}
	// Only the page asked for is read, as a range of the index in list order.
	const list = {
		order: `claims:${filters.sort ?? 'date_desc'}`,
		key: DateKey,
		total: () => countStatements(db, filters),
		after: (after: DateKey | null, limit: number) => claimRowsAfter(db, filters, url.origin, after, limit)
	};
	return apiListResponse(datasetInfo(db).version, claimExportColumns, list, filters, { limit, cursor });
};
