// GET /api/v1/rounds: the rounds matching the filters of /rounds, with the fields of /rounds.json, `limit` at a time.
import { ApiPaging, DateKey, GapKey } from '$lib/schemas/api-paging';
import { roundExportColumns } from '$lib/schemas/exports';
import { RoundFilters } from '$lib/schemas/round-filters';
import { apiListResponse, apiQuery } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { roundRowsAfter, selectionTotals } from '$lib/server/db/queries/exports';
import { countRounds, datasetInfo, type RoundKey } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

const RoundsApiQuery = RoundFilters.omit({ page: true }).extend(ApiPaging.shape);

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(RoundsApiQuery, url.searchParams);
	if (!query.ok) return query.response;
	const { limit, cursor, ...filters } = query.data;
	const db = getDataset();
	// Only the page asked for is read, as a range of an index in list order (by gap, its key starts with the gap).
	const list = {
		order: `rounds:${filters.sort ?? 'date_desc'}`,
		key: filters.sort === 'gap_desc' ? GapKey : DateKey,
		total: () => countRounds(db, filters),
		after: (after: RoundKey | null, limit: number) => roundRowsAfter(db, filters, url.origin, after, limit)
	};
	return apiListResponse<RoundKey>(
		datasetInfo(db).version,
		roundExportColumns,
		list,
		filters,
		{ limit, cursor },
		{
			totals: selectionTotals(db, filters)
		}
	);
};
