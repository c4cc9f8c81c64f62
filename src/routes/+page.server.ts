// Overview page data: every round with its derived figures, and the totals per direction.
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo, listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDataset();
	const rounds = listRounds(db);
	return { rounds, totals: totalsOf(rounds), dataset: datasetInfo(db) };
};
