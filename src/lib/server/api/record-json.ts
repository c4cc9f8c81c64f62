// The JSON of one record or claimant, for its `.json` twin and the read API: 200 with the export fields, 410 for a removed id, 404.
import type { CorrectionEntity } from '../../schemas/correction';
import { recordId } from '../../schemas/fields';
import { apiResponse } from './responses';
import type { DatasetDatabase } from '../db/dataset';
import { claimantTrackRecord, getClaimant } from '../db/queries/claimants';
import { claimsOfClaimant, claimsOfRound, claimsOfSource, getClaim } from '../db/queries/claims';
import { claimExports, sourceRowOf, toClaimantExport, toRoundExport, trackRecordExports } from '../db/queries/exports';
import { removedRecord } from '../db/queries/removed';
import { datasetInfo, getRound } from '../db/queries/rounds';

/** The body for a published record, or null when there is none. */
function bodyOf(db: DatasetDatabase, entity: CorrectionEntity, id: string, origin: string): object | null {
	const dataset_version = datasetInfo(db).version;
	if (entity === 'round') {
		const round = getRound(db, id);
		if (!round) return null;
		const claims = claimExports(db, claimsOfRound(db, id), origin);
		return { dataset_version, round: toRoundExport(round, origin), claims };
	}
	if (entity === 'claim') {
		const claim = getClaim(db, id);
		return claim && { dataset_version, claim: claimExports(db, [claim], origin)[0] };
	}
	const source = sourceRowOf(db, id, origin);
	if (!source) return null;
	return { dataset_version, source, claims: claimExports(db, claimsOfSource(db, id), origin) };
}

/** The JSON response for one record id as given in the URL. */
export function recordJsonResponse(
	db: DatasetDatabase,
	entity: CorrectionEntity,
	rawId: string,
	origin: string
): Response {
	const id = recordId.safeParse(rawId);
	if (!id.success) return apiResponse({ error: 'invalid_id', message: `"${rawId}" is not a ${entity} id` }, 400);
	const body = bodyOf(db, entity, id.data, origin);
	if (body) return apiResponse(body);
	const removed = removedRecord(db, entity, id.data);
	if (removed) {
		return apiResponse(
			{
				error: 'gone',
				message: `The ${entity} ${id.data} was removed on ${removed.removedOn}. ${removed.reason}`,
				...(removed.replacedBy ? { replaced_by: `${origin}/${entity}s/${removed.replacedBy}` } : {})
			},
			410
		);
	}
	return apiResponse({ error: 'not_found', message: `There is no ${entity} with the id ${id.data}.` }, 404);
}

/**
 * The JSON of one claimant: who they are, their whole track record and every statement they made (200), 400 for a
 * malformed id, 404 for an unknown one. Claimants are never removed, so there is no 410.
 */
export function claimantJsonResponse(db: DatasetDatabase, rawId: string, origin: string): Response {
	const id = recordId.safeParse(rawId);
	if (!id.success) return apiResponse({ error: 'invalid_id', message: `"${rawId}" is not a claimant id` }, 400);
	const claimant = getClaimant(db, id.data);
	if (!claimant) {
		return apiResponse({ error: 'not_found', message: `There is no claimant with the id ${id.data}.` }, 404);
	}
	return apiResponse({
		dataset_version: datasetInfo(db).version,
		claimant: toClaimantExport(claimant, origin),
		track_record: trackRecordExports(claimantTrackRecord(db, claimant.id)),
		claims: claimExports(db, claimsOfClaimant(db, claimant.id, 0, claimant.statementCount), origin)
	});
}
