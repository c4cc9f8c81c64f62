// /download: every download of the dataset with what it contains, and the Dataset structured data.
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { datasetDownloads } from '$lib/server/downloads/dataset-downloads';
import { DATASET_LICENSE_URL, datasetJsonLd } from '$lib/server/citing/structured-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const info = datasetInfo(getDataset());
	return {
		downloads: datasetDownloads(info.version),
		licenseUrl: DATASET_LICENSE_URL,
		pageUrl: `${url.origin}/download`,
		datasetJsonLd: datasetJsonLd(info, url.origin)
	};
};
