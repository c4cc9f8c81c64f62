// GET /api/v1/totals: per population and direction, the confirmed total and each party's own sum with coverage.
import { apiResponse } from '$lib/server/api';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo, listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const db = getDataset();
	return apiResponse({ dataset_version: datasetInfo(db).version, totals: totalsOf(listRounds(db)) });
};
