// /rounds.csv and /rounds.json: every round matching the same filters as /rounds (all pages, so no `page`).
import { roundExportColumns } from '$lib/schemas/exports';
import { parseQueryOr400 } from '$lib/schemas/query';
import { RoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import { roundBatchesOf, selectionTotals } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { DOWNLOAD_BATCH_ROWS, downloadResponse } from '$lib/server/downloads/list-downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const { year, kind, status, mediator, sort } = parseQueryOr400(RoundFilters, url.searchParams);
	const filters = { year, kind, status, mediator, sort };
	const db = getDataset();
	return downloadResponse(params.format, 'rounds', datasetInfo(db).version, roundExportColumns, filters, (own) => ({
		...roundBatchesOf(own, filters, url.origin, DOWNLOAD_BATCH_ROWS),
		extra: { totals: selectionTotals(own, filters) }
	}));
};
