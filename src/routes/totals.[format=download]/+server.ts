// /totals.csv and /totals.json: the totals of the rounds matching the filters of /rounds, per population and direction.
import { totalsExportColumns } from '$lib/schemas/exports';
import { parseQueryOr400 } from '$lib/schemas/query';
import { RoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import { totalsRows } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { downloadResponse } from '$lib/server/downloads/list-downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const { year, kind, status, mediator } = parseQueryOr400(RoundFilters, url.searchParams);
	const filters = { year, kind, status, mediator };
	const db = getDataset();
	// Two populations by two directions: a few rows, written in one batch.
	return downloadResponse(params.format, 'totals', datasetInfo(db).version, totalsExportColumns, filters, (own) => {
		const rows = totalsRows(own, filters);
		return { count: rows.length, batches: [rows] };
	});
};
