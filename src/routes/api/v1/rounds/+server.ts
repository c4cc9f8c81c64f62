// GET /api/v1/rounds: the rounds matching the filters of /rounds, with the fields of /rounds.json, `limit` at a time.
import { ApiPaging } from '$lib/schemas/api-paging';
import { roundExportColumns } from '$lib/schemas/exports';
import { RoundFilters } from '$lib/schemas/round-filters';
import { apiListResponse, apiQuery } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { roundRowsFrom, selectionTotals } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

const RoundsApiQuery = RoundFilters.omit({ page: true }).extend(ApiPaging.shape);

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(RoundsApiQuery, url.searchParams);
	if (!query.ok) return query.response;
	const { limit, cursor, ...filters } = query.data;
	const db = getDataset();
	// Only the page asked for is read, from an index in list order.
	const rows = (offset: number, limit: number) => roundRowsFrom(db, filters, url.origin, offset, limit);
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
