// GET /api/v1/rounds: the rounds matching the filters of /rounds, with the fields of /rounds.json, `limit` at a time.
import { ApiPaging } from '$lib/schemas/api-paging';
import { roundExportColumns } from '$lib/schemas/exports';
import { RoundFilters } from '$lib/schemas/round-filters';
import { apiListResponse, apiQuery } from '$lib/server/api';
import { getDataset } from '$lib/server/db/dataset';
import { roundRows, selectionTotals } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

const RoundsApiQuery = RoundFilters.omit({ page: true }).extend(ApiPaging.shape);

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(RoundsApiQuery, url.searchParams);
	if (!query.ok) return query.response;
	const { limit, cursor, ...filters } = query.data;
	const db = getDataset();
	const rows = roundRows(db, filters, url.origin);
	return apiListResponse(
		datasetInfo(db).version,
		roundExportColumns,
		rows,
		filters,
		{ limit, cursor },
		{
			totals: selectionTotals(db, filters)
		}
	);
};
