// /claims.csv and /claims.json: the statements outside rounds matching the same filters (and order) as /claims.
import { claimExportColumns } from '$lib/schemas/exports';
import { parseQueryOr400 } from '$lib/schemas/query';
import { StatementFilters } from '$lib/schemas/statement-filters';
import { getDataset } from '$lib/server/db/dataset';
import { knownClaimantOr400 } from '$lib/server/db/queries/claimants';
import { claimBatchesOf } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { DOWNLOAD_BATCH_ROWS, downloadResponse } from '$lib/server/downloads/list-downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const filters = parseQueryOr400(StatementFilters, url.searchParams);
	const db = getDataset();
	knownClaimantOr400(db, filters.claimant);
	return downloadResponse(params.format, 'claims', datasetInfo(db).version, claimExportColumns, filters, (own) =>
		claimBatchesOf(own, filters, url.origin, DOWNLOAD_BATCH_ROWS)
	);
};
