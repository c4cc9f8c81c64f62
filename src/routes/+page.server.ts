// Overview page data: the headline per direction, the latest rounds, the charts, the Dataset structured data, and the site's origin for the embed code and shared card.
import { chartNames, LATEST_ROWS } from '$lib/charts/catalog';
import { CARD_SIZE } from '$lib/charts/image-layout';
import { headlineSentence } from '$lib/format/headline';
import { getDataset } from '$lib/server/db/dataset';
import { namedChart } from '$lib/server/db/queries/charts';
import { overviewHeadlines } from '$lib/server/db/queries/headline';
import { allRoundTotals, countRounds, datasetInfo, roundsFrom } from '$lib/server/db/queries/rounds';
import { datasetJsonLd } from '$lib/server/citing/structured-data';
import type { PageServerLoad } from './$types';
import { localHref } from '$lib/i18n/addresses';

export const load: PageServerLoad = ({ url }) => {
	const db = getDataset();
	// The latest and the first event, and how many there are: three reads of an index, not every round.
	const [latest = null] = roundsFrom(db, {}, 0, 1);
	const [first = null] = roundsFrom(db, { sort: 'date_asc' }, 0, 1);
	const headlines = overviewHeadlines(db);
	return {
		eventCount: countRounds(db, {}),
		firstDate: first?.date ?? null,
		latest,
		headlines,
		totals: allRoundTotals(db),
		// Each chart's table shows its latest rows; every row is on the chart's data page.
		charts: chartNames.map((name) => namedChart(db, name, { kind: 'latest', count: LATEST_ROWS })),
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
