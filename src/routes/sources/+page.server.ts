// /sources: every source with the number of figures it supports, paged.
import { z } from 'zod';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { getDataset } from '$lib/server/db/dataset';
import { listSources } from '$lib/server/db/queries/claims';
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
	const sources = listSources(getDataset());
	const pageCount = Math.max(1, Math.ceil(sources.length / PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	return { total: sources.length, page, pageCount, sources: sources.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
};
