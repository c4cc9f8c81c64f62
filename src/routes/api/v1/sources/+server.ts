// GET /api/v1/sources: every source with the number of claims it supports, with the fields of /sources.json.
import { sourceExportColumns } from '$lib/schemas/exports';
import { apiResponse } from '$lib/server/api';
import { listEnvelope } from '$lib/server/downloads';
import { getDataset } from '$lib/server/db/dataset';
import { sourceRows } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const db = getDataset();
	return apiResponse(listEnvelope(datasetInfo(db).version, sourceExportColumns, sourceRows(db, url.origin), {}));
};
