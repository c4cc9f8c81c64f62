// /card.png: the overview's social card (1200 × 630), named by the overview's og:image.
import { getDataset } from '$lib/server/db/dataset';
import { overviewHeadlines } from '$lib/server/db/queries/headline';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { imageResponse } from '$lib/server/images/render';
import { overviewCardPng } from '$lib/server/images/overview-card';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const db = getDataset();
	const dataset = datasetInfo(db);
	return imageResponse(
		'png',
		overviewCardPng(overviewHeadlines(db), dataset),
		`prisoner-exchange-monitor-${dataset.version}`
	);
};
