// An embeddable chart: one of the overview's charts by name, for an iframe on another site.
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts } from '$lib/server/db/queries/charts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	// Made to be framed: any site may show it in an iframe.
	setHeaders({ 'content-security-policy': 'frame-ancestors *' });
	return { chart: namedChart(overviewCharts(getDataset()), params.chart), origin: url.origin };
};
