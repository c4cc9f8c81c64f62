// An embeddable chart: one of the overview's charts by name, for an iframe on another site.
import { getDataset } from '$lib/server/db/dataset';
import { LATEST_ROWS } from '$lib/charts/catalog';
import { namedChart } from '$lib/server/db/queries/charts';
import type { PageServerLoad } from './$types';

// Made to be framed: the security headers (src/lib/server/http/security-headers.ts) let any site show it in an iframe.
export const load: PageServerLoad = ({ params, url }) => {
	// As on the overview: the latest rows, and a link to every row.
	return {
		chart: namedChart(getDataset(), params.chart, { kind: 'latest', count: LATEST_ROWS }),
		origin: url.origin
	};
};
