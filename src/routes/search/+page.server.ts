// /search: one box over rounds, claims and sources; what was typed becomes a safe full-text query, never FTS5 syntax.
import { claimantName } from '$lib/format/data-words';
import { namesNumber, searchMarks, toMatchExpression } from '$lib/domain/search-text';
import { parseQueryOr400 } from '$lib/schemas/query';
import { SearchParams } from '$lib/schemas/search';
import { getDataset } from '$lib/server/db/dataset';
import { knownClaimantOr400 } from '$lib/server/db/queries/claimants';
import { searchDataset } from '$lib/server/db/queries/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const params = parseQueryOr400(SearchParams, url.searchParams);
	const db = getDataset();
	const claimant = knownClaimantOr400(db, params.claimant);
	const match = params.q === undefined ? null : toMatchExpression(params.q);
	return {
		params,
		claimant: claimant && { id: claimant.id, name: claimantName(claimant) },
		results:
			match === null || params.q === undefined
				? null
				: searchDataset(db, match, {
						kind: params.kind,
						page: params.page,
						sort: params.sort,
						namesNumber: namesNumber(params.q),
						claimant: claimant?.id,
						marks: searchMarks(params.q)
					})
	};
};
