// GET /api/v1/rounds/{id}: one round with its derived figures and every claim about it.
import { recordId } from '$lib/schemas/fields';
import { apiResponse } from '$lib/server/api';
import { getDataset } from '$lib/server/db/dataset';
import { claimsOfRound } from '$lib/server/db/queries/claims';
import { toClaimExport, toRoundExport } from '$lib/server/db/queries/exports';
import { datasetInfo, getRound } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const id = recordId.safeParse(params.id);
	if (!id.success) return apiResponse({ error: 'invalid_id', message: `"${params.id}" is not a round id` }, 400);
	const db = getDataset();
	const round = getRound(db, id.data);
	if (!round) return apiResponse({ error: 'not_found', message: `There is no round with the id ${id.data}.` }, 404);
	return apiResponse({
		dataset_version: datasetInfo(db).version,
		round: toRoundExport(round, url.origin),
		claims: claimsOfRound(db, round.id).map((claim) => toClaimExport(claim, url.origin))
	});
};
