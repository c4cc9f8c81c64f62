// /sources: every source with the number of figures it supports, paged.
import { z } from 'zod';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { getDataset } from '$lib/server/db/dataset';
import { pageOfSources } from '$lib/server/db/queries/claims';
import type { PageServerLoad } from './$types';

/** Sources per page. */
const PAGE_SIZE = 50;

const SourceQuery = z.object({
	page: z.preprocess(
		(value) => (value === '' ? undefined : value),
		z.coerce.number().int().min(1).max(10_000).default(1)
	)
});

export const load: PageServerLoad = ({ url }) => {
	const query = parseQueryOr400(SourceQuery, url.searchParams);
	const db = getDataset();
	const { total } = pageOfSources(db, 0, 0);
	// A page past the end shows the last; only that page's rows are read.
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	return { total, page, pageCount, sources: pageOfSources(db, (page - 1) * PAGE_SIZE, PAGE_SIZE).sources };
};
