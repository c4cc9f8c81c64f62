// Overview page data: headline totals, the latest rounds, the charts' inputs and the Dataset structured data.
import { getDataset } from '$lib/server/db/dataset';
import { overviewCharts } from '$lib/server/db/queries/charts';
import { datasetInfo, listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import { datasetJsonLd } from '$lib/server/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const db = getDataset();
	const rounds = listRounds(db);
	const events = rounds.filter((round) => round.kind !== 'agreement');
	return {
		eventCount: events.length,
		firstDate: events.at(-1)?.date ?? null,
		latest: events[0] ?? null,
		totals: totalsOf(rounds),
		charts: overviewCharts(db),
		datasetJsonLd: datasetJsonLd(datasetInfo(db), url.origin)
	};
};
