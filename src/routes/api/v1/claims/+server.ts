// GET /api/v1/claims: statements outside rounds matching the filters of /claims, with the fields of /claims.json.
import { claimExportColumns } from '$lib/schemas/exports';
import { StatementFilters } from '$lib/schemas/statement-filters';
import { apiQuery, apiResponse } from '$lib/server/api';
import { listEnvelope } from '$lib/server/downloads';
import { getDataset } from '$lib/server/db/dataset';
import { claimRows } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(StatementFilters, url.searchParams);
	if (!query.ok) return query.response;
	const db = getDataset();
	const rows = claimRows(db, query.data, url.origin);
	return apiResponse(listEnvelope(datasetInfo(db).version, claimExportColumns, rows, query.data));
};
