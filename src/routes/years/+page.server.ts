// /years: the totals of each year per direction, answering "how many came home in 2025, and how much is confirmed?".
import { getDataset } from '$lib/server/db/dataset';
import { yearTotals } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ years: yearTotals(getDataset()) });
