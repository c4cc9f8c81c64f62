// Data every page shows in its frame: the dataset's version and how recent it is.
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({ dataset: datasetInfo(getDataset()) });
