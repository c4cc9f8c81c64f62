// Overview page data: headline totals, the latest rounds, the charts, and the site's origin for their embed code.
import { chartNames } from '$lib/charts/catalog';
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts } from '$lib/server/db/queries/charts';
import { listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const db = getDataset();
	const charts = overviewCharts(db);
	const rounds = listRounds(db);
	const events = rounds.filter((round) => round.kind !== 'agreement');
	return {
		eventCount: events.length,
		firstDate: events.at(-1)?.date ?? null,
		latest: events[0] ?? null,
		totals: totalsOf(rounds),
		charts: chartNames.map((name) => namedChart(charts, name)),
		origin: url.origin
	};
};
