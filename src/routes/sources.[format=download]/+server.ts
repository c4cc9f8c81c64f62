// /sources.csv and /sources.json: every source with the number of claims it supports.
import { sourceExportColumns } from '$lib/schemas/exports';
import { getDataset } from '$lib/server/db/dataset';
import { sourceBatchesOf } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { DOWNLOAD_BATCH_ROWS, downloadResponse } from '$lib/server/downloads/list-downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const db = getDataset();
	return downloadResponse(params.format, 'sources', datasetInfo(db).version, sourceExportColumns, {}, (own) =>
		sourceBatchesOf(own, url.origin, DOWNLOAD_BATCH_ROWS)
	);
};
