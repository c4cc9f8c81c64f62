// GET /api/v1/rounds: every round matching the filters of /rounds, with the fields of /rounds.json.
import { roundExportColumns } from '$lib/schemas/exports';
import { RoundFilters } from '$lib/schemas/round-filters';
import { apiQuery, apiResponse } from '$lib/server/api';
import { listEnvelope } from '$lib/server/downloads';
import { getDataset } from '$lib/server/db/dataset';
import { roundRows, selectionTotals } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(RoundFilters, url.searchParams);
	if (!query.ok) return query.response;
	const { year, kind, status, mediator, sort } = query.data;
	const filters = { year, kind, status, mediator, sort };
	const db = getDataset();
	const rows = roundRows(db, filters, url.origin);
	return apiResponse(
		listEnvelope(datasetInfo(db).version, roundExportColumns, rows, filters, { totals: selectionTotals(db, filters) })
	);
};
