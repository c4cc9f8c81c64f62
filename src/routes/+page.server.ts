// Overview page data: headline totals, the latest rounds and the charts' inputs.
import { getDataset } from '$lib/server/db/dataset';
import { overviewCharts } from '$lib/server/db/queries/charts';
import { listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDataset();
	const rounds = listRounds(db);
	const events = rounds.filter((round) => round.kind !== 'agreement');
	return {
		eventCount: events.length,
		firstDate: events.at(-1)?.date ?? null,
		latest: events[0] ?? null,
		totals: totalsOf(rounds),
		charts: overviewCharts(db)
	};
};
