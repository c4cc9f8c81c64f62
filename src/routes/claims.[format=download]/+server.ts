// /claims.csv and /claims.json: the statements outside rounds matching the same filters (and order) as /claims.
import { claimExportColumns } from '$lib/schemas/exports';
import { parseQueryOr400 } from '$lib/schemas/query';
import { StatementFilters } from '$lib/schemas/statement-filters';
import { getDataset } from '$lib/server/db/dataset';
import { knownClaimantOr400 } from '$lib/server/db/queries/claimants';
import { claimRows } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { downloadResponse } from '$lib/server/downloads/list-downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const filters = parseQueryOr400(StatementFilters, url.searchParams);
	const db = getDataset();
	knownClaimantOr400(db, filters.claimant);
	const rows = claimRows(db, filters, url.origin);
	return downloadResponse(params.format, 'claims', datasetInfo(db).version, claimExportColumns, rows, filters);
};
