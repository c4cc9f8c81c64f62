// GET /api/v1/claims: statements outside rounds matching the filters of /claims, with the fields of /claims.json, `limit` at a time.
import { ApiPaging } from '$lib/schemas/api-paging';
import { claimExportColumns } from '$lib/schemas/exports';
import { StatementFilters } from '$lib/schemas/statement-filters';
import { apiListResponse, apiQuery } from '$lib/server/api';
import { getDataset } from '$lib/server/db/dataset';
import { claimRows } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

const ClaimsApiQuery = StatementFilters.extend(ApiPaging.shape);

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(ClaimsApiQuery, url.searchParams);
	if (!query.ok) return query.response;
	const { limit, cursor, ...filters } = query.data;
	const db = getDataset();
	const rows = claimRows(db, filters, url.origin);
	return apiListResponse(datasetInfo(db).version, claimExportColumns, rows, filters, { limit, cursor });
};
