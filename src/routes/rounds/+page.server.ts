// /rounds: the filtered, sorted, paged list of rounds with the totals of the selection; the filters live in the query string so a view can be shared.
import { filterChoices, matchRounds, queryRounds } from '$lib/domain/round-filters';
import { parseQueryOr400 } from '$lib/schemas/query';
import { RoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import { isFiltered, listRounds, totalsOf } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const filters = parseQueryOr400(RoundFilters, url.searchParams);
	const rounds = listRounds(getDataset());
	return {
		filters,
		choices: filterChoices(rounds),
		result: queryRounds(rounds, filters),
		// The totals of every matching round, not only of the page shown (without a filter: of all, kept per dataset;
		// agreements are left out of totals either way).
		totals: totalsOf(isFiltered(filters) ? matchRounds(rounds, filters) : rounds),
		agreements: rounds.filter((round) => round.kind === 'agreement')
	};
};
