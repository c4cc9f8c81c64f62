// /claimants: every person and body that stated figures, most statements first, paged.
import { z } from 'zod';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { getDataset } from '$lib/server/db/dataset';
import { listClaimants } from '$lib/server/db/queries/claimants';
import type { PageServerLoad } from './$types';

/** Claimants per page. */
const PAGE_SIZE = 50;

const ClaimantsQuery = z.object({
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});

export const load: PageServerLoad = ({ url }) => {
	const query = parseQueryOr400(ClaimantsQuery, url.searchParams);
	const all = listClaimants(getDataset());
	// A page past the end shows the last, as on /sources.
	const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	return { total: all.length, page, pageCount, claimants: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
};
