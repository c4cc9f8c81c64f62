// GET /api/v1/sources: every source with the number of claims it supports, with the fields of /sources.json, `limit` at a time.
import { ApiPaging, SourceKey } from '$lib/schemas/api-paging';
import { sourceExportColumns } from '$lib/schemas/exports';
import { apiListResponse, apiQuery } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { sourceCount } from '$lib/server/db/queries/claims';
import { sourceRowsAfter } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(ApiPaging, url.searchParams);
	if (!query.ok) return query.response;
	const db = getDataset();
	// Only the page asked for is read, as a range of the index in list order.
	const list = {
		order: 'sources',
		key: SourceKey,
		total: () => sourceCount(db),
		after: (after: SourceKey | null, limit: number) => sourceRowsAfter(db, url.origin, after, limit)
	};
	return apiListResponse(datasetInfo(db).version, sourceExportColumns, list, {}, query.data);
};
