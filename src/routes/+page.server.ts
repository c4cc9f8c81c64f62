// Overview page data: the headline per direction, the latest rounds, the charts, the Dataset structured data, and the site's origin for the embed code and shared card.
import { chartNames } from '$lib/charts/catalog';
import { CARD_SIZE } from '$lib/charts/image-layout';
import { headlineSentence } from '$lib/format/headline';
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts } from '$lib/server/db/queries/charts';
import { overviewHeadlines } from '$lib/server/db/queries/headline';
import { datasetInfo, listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import { datasetJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';
import { localHref } from '$lib/i18n/addresses';

export const load: PageServerLoad = ({ url }) => {
	const db = getDataset();
	const charts = overviewCharts(db);
	const rounds = listRounds(db);
	const events = rounds.filter((round) => round.kind !== 'agreement');
	const headlines = overviewHeadlines(db);
	return {
		eventCount: events.length,
		firstDate: events.at(-1)?.date ?? null,
		latest: events[0] ?? null,
		headlines,
		totals: totalsOf(rounds),
		charts: chartNames.map((name) => namedChart(charts, name)),
		origin: url.origin,
		// The overview's card shows the same headline figures as the page's first screen.
		socialImage: {
			url: `${url.origin}${localHref('/card.png')}`,
			...CARD_SIZE,
			alt: headlines.map(headlineSentence).join(' ')
		},
		datasetJsonLd: datasetJsonLd(datasetInfo(db), url.origin)
	};
};
