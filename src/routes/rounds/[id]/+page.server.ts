// A round's page: its derived status per direction, every claim grouped by what it counts, its agreement and neighbours.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { recordId } from '$lib/schemas/fields';
import { roundCitation } from '$lib/server/citing/citations';
import { todayIso } from '$lib/server/config/environment';
import { getDataset } from '$lib/server/db/dataset';
import { claimsOfRound } from '$lib/server/db/queries/claims';
import { datasetInfo, getRound, neighboursOf, stagesOf } from '$lib/server/db/queries/rounds';
import { NEARBY_DAYS, statementsNear } from '$lib/server/db/queries/statements';
import { claimGroupsOf } from '$lib/domain/round-claims';
import { revisionsOfRecords } from '$lib/server/corrections/revisions';
import { getState } from '$lib/server/db/state';
import { missingRecord } from '$lib/server/http/permalinks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const id = recordId.safeParse(params.id);
	if (!id.success) error(404, m.not_found_round({ id: params.id }));
	const db = getDataset();
	const round = getRound(db, id.data);
	if (!round) missingRecord(db, 'round', id.data, m.not_found_round({ id: id.data }));

	const claims = claimsOfRound(db, round.id);
	const claimGroups = claimGroupsOf(round.population, claims);

	const parent = round.parentId ? getRound(db, round.parentId) : null;
	return {
		// A round's figures live in its claims: their corrections are the round's history too.
		revisions: revisionsOfRecords(getState(), [
			{ entity: 'round', id: round.id },
			...claims.map((claim) => ({ entity: 'claim' as const, id: claim.id }))
		]),
		round,
		claimGroups,
		parent,
		stages: round.kind === 'agreement' ? stagesOf(db, round.id) : parent ? stagesOf(db, parent.id) : [],
		neighbours: neighboursOf(db, round.id),
		nearby: round.kind === 'agreement' ? [] : statementsNear(db, round.date),
		nearbyDays: NEARBY_DAYS,
		origin: url.origin,
		citation: roundCitation(round, claims, {
			origin: url.origin,
			datasetVersion: datasetInfo(db).version,
			today: todayIso()
		})
	};
};
