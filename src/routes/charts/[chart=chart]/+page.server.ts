// /charts/<name>: the data behind one of the overview's charts, every row, page by page; the overview shows the latest.
import { z } from 'zod';
import { tableRowCount } from '$lib/charts/catalog';
import { DATA_PAGE_SIZE as PAGE_SIZE } from '$lib/charts/chart-utils';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { getDataset } from '$lib/server/db/dataset';
import { namedChart, overviewCharts, namedDrawing } from '$lib/server/db/queries/charts';
import type { PageServerLoad } from './$types';

const ChartDataQuery = z.object({
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});

export const load: PageServerLoad = ({ params, url }) => {
	const query = parseQueryOr400(ChartDataQuery, url.searchParams);
	const db = getDataset();
	const pageCount = Math.max(1, Math.ceil(tableRowCount(namedDrawing(overviewCharts(db), params.chart)) / PAGE_SIZE));
	// A page past the end shows the last, as on the other lists.
	const page = Math.min(query.page, pageCount);
	const chart = namedChart(db, params.chart, { kind: 'page', page, size: PAGE_SIZE });
	return { chart, page, pageCount, pageSize: PAGE_SIZE };
};
