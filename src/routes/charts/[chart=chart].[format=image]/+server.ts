// /charts/<chart>.svg and /charts/<chart>.png: one of the overview's charts as a standalone image, to download or reuse.
import { overviewChartImage } from '$lib/server/images/charts';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { imageResponse } from '$lib/server/images/render';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const db = getDataset();
	const context = { origin: url.origin, dataset: datasetInfo(db) };
	const body = overviewChartImage(db, params.chart, params.format, context);
	return imageResponse(params.format, body, `prisoner-exchange-monitor-${params.chart}-${context.dataset.version}`);
};
