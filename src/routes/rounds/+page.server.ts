// /rounds: the filtered, sorted, paged list of rounds; the filters live in the query string so a view can be shared.
import { filterChoices, queryRounds } from '$lib/domain/round-filters';
import { parseQueryOr400 } from '$lib/schemas/query';
import { RoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import { listRounds } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const filters = parseQueryOr400(RoundFilters, url.searchParams);
	const rounds = listRounds(getDataset());
	return {
		filters,
		choices: filterChoices(rounds),
		result: queryRounds(rounds, filters),
		agreements: rounds.filter((round) => round.kind === 'agreement')
	};
};
