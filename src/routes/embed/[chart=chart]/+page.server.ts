// An embeddable chart: one of the overview's charts by name, for an iframe on another site.
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts } from '$lib/server/db/queries/charts';
import type { PageServerLoad } from './$types';

// Made to be framed: the security headers (src/lib/server/http/security-headers.ts) let any site show it in an iframe.
export const load: PageServerLoad = ({ params, url }) => {
	return { chart: namedChart(overviewCharts(getDataset()), params.chart), origin: url.origin };
};
