// GET /api/v1/claimants: every claimant with their names and statement counts, most statements first, `limit` at a time.
import { ApiPaging, IdKey } from '$lib/schemas/api-paging';
import { claimantExportColumns } from '$lib/schemas/exports';
import { apiListResponse, apiQuery } from '$lib/server/api/responses';
import { getDataset } from '$lib/server/db/dataset';
import { claimantPositions, listClaimants } from '$lib/server/db/queries/claimants';
import { toClaimantExport } from '$lib/server/db/queries/exports';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const query = apiQuery(ApiPaging, url.searchParams);
	if (!query.ok) return query.response;
	const db = getDataset();
	// The list is small and kept whole per dataset version: a cursor names the last claimant sent, found by id.
	const claimants = listClaimants(db);
	const list = {
		order: 'claimants',
		key: IdKey,
		total: () => claimants.length,
		after: (after: IdKey | null, limit: number) => {
			const from = after ? claimantPositions(db).get(after[0]) : -1;
			if (from === undefined) return null;
			return claimants.slice(from + 1, from + 1 + limit).map((claimant) => ({
				row: toClaimantExport(claimant, url.origin),
				key: [claimant.id] as IdKey
			}));
		}
	};
	return apiListResponse(datasetInfo(db).version, claimantExportColumns, list, {}, query.data);
};
