// GET /api/v1/claimants: every claimant with their names and statement counts, most statements first, `limit` at a time.
import { ApiPaging } from '$lib/schemas/api-paging';
import { claimantExportColumns } from '$lib/schemas/exports';
import { apiListResponse, apiQuery } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { listClaimants } from '$lib/server/db/queries/claimants';
import { toClaimantExport } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(ApiPaging, url.searchParams);
	if (!query.ok) return query.response;
	const db = getDataset();
	const rows = listClaimants(db).map((claimant) => toClaimantExport(claimant, url.origin));
	return apiListResponse(datasetInfo(db).version, claimantExportColumns, rows, {}, query.data);
};
