// GET /api/v1/totals: the totals of the rounds matching the filters of /rounds (all rounds without any), per population and direction.
import { RoundFilters } from '$lib/schemas/round-filters';
import { apiQuery, apiResponse } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { selectionTotals } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(RoundFilters, url.searchParams);
	if (!query.ok) return query.response;
	const { year, kind, status, mediator } = query.data;
	const filters = Object.fromEntries(
		Object.entries({ year, kind, status, mediator }).filter(([, value]) => value !== undefined)
	) as Record<string, string | number>;
	const db = getDataset();
	return apiResponse({ dataset_version: datasetInfo(db).version, filters, totals: selectionTotals(db, filters) });
};
