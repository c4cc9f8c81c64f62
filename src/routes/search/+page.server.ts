// /search: one box over rounds, claims and sources; what was typed becomes a safe full-text query, never FTS5 syntax.
import { toMatchExpression } from '$lib/domain/search-text';
import { parseQueryOr400 } from '$lib/schemas/query';
import { SearchParams } from '$lib/schemas/search';
import { getDataset } from '$lib/server/db/dataset';
import { searchDataset } from '$lib/server/db/queries/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const params = parseQueryOr400(SearchParams, url.searchParams);
	const match = params.q === undefined ? null : toMatchExpression(params.q);
	return {
		params,
		results: match === null ? null : searchDataset(getDataset(), match, { kind: params.kind, page: params.page })
	};
};
