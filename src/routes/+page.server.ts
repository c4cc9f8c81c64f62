// Overview page data: headline totals, the latest rounds, the charts, the Dataset structured data, and the site's origin for the embed code and shared image.
import { chartNames } from '$lib/charts/catalog';
import { chartImageLayout } from '$lib/server/chart-images';
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts } from '$lib/server/db/queries/charts';
import { overviewHeadlines } from '$lib/server/db/queries/headline';
import { datasetInfo, listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import { datasetJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const db = getDataset();
	const charts = overviewCharts(db);
	const rounds = listRounds(db);
	const events = rounds.filter((round) => round.kind !== 'agreement');
	// The cumulative chart's PNG stands for the overview when a link to it is shared.
	const shared = namedChart(charts, 'cumulative');
	const sharedSize = chartImageLayout(shared, { origin: url.origin, dataset: datasetInfo(db) });
	return {
		eventCount: events.length,
		firstDate: events.at(-1)?.date ?? null,
		latest: events[0] ?? null,
		headlines: overviewHeadlines(db),
		totals: totalsOf(rounds),
		charts: chartNames.map((name) => namedChart(charts, name)),
		origin: url.origin,
		socialImage: {
			url: `${url.origin}/charts/${shared.name}.png`,
			width: sharedSize.width,
			height: sharedSize.height,
			alt: shared.model.summary
		},
		datasetJsonLd: datasetJsonLd(datasetInfo(db), url.origin)
	};
};
