// GET /api/v1/sources: every source with the number of claims it supports, with the fields of /sources.json.
import { sourceExportColumns } from '$lib/schemas/exports';
import { apiResponse } from '$lib/server/api';
import { getDataset } from '$lib/server/db/dataset';
import { sourceRows } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const db = getDataset();
	const rows = sourceRows(db, url.origin);
	return apiResponse({
		dataset_version: datasetInfo(db).version,
		columns: sourceExportColumns,
		filters: {},
		count: rows.length,
		rows
	});
};
