// /charts/<chart>.svg and /charts/<chart>.png: one of the overview's charts as a standalone image, to download or reuse.
import { chartImagePng, chartImageSvg } from '$lib/server/chart-images';
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts } from '$lib/server/db/queries/charts';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { imageResponse } from '$lib/server/images';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const db = getDataset();
	const chart = namedChart(overviewCharts(db), params.chart);
	const context = { origin: url.origin, dataset: datasetInfo(db) };
	const body = params.format === 'svg' ? chartImageSvg(chart, context) : chartImagePng(chart, context);
	return imageResponse(params.format, body, `prisoner-exchange-monitor-${chart.name}-${context.dataset.version}`);
};
