// /years: the totals of each year per direction, answering "how many came home in 2025, and how much is confirmed?".
import { totalsByYear } from '$lib/domain/year-totals';
import { getDataset } from '$lib/server/db/dataset';
import { listRounds } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ years: totalsByYear(listRounds(getDataset())) });
