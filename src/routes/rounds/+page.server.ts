// /rounds: the filtered, sorted, paged list of rounds; the filters live in the query string so a view can be shared.
import { error } from '@sveltejs/kit';
import { filterChoices, queryRounds } from '$lib/domain/round-filters';
import { m } from '$lib/paraglide/messages.js';
import { parseRoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import { listRounds } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const parsed = parseRoundFilters(url.searchParams);
	if (!parsed.success) {
		error(
			400,
			m.error_bad_query({
				details: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
			})
		);
	}
	const rounds = listRounds(getDataset());
	return {
		filters: parsed.data,
		choices: filterChoices(rounds),
		result: queryRounds(rounds, parsed.data),
		agreements: rounds.filter((round) => round.kind === 'agreement')
	};
};
