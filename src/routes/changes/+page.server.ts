// Every revision of the published dataset, newest first: who changed which field of which record, why, and from what.
import { z } from 'zod';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { listRevisionGroups, revisionGroupCount } from '$lib/server/corrections/revisions';
import { getState } from '$lib/server/db/state';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const ChangesQuery = z.object({
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1))
});

export const load: PageServerLoad = ({ url }) => {
	const { page } = parseQueryOr400(ChangesQuery, url.searchParams);
	const state = getState();
	const total = revisionGroupCount(state);
	return {
		groups: listRevisionGroups(state, PAGE_SIZE, (page - 1) * PAGE_SIZE),
		page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total
	};
};
