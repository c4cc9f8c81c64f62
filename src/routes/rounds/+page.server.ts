// /rounds: the filtered, sorted, paged list of rounds with the totals of the selection; the filters live in the query string so a view can be shared.
import { filterChoices, matchRounds, queryRounds } from '$lib/domain/round-filters';
import { mediatorNames } from '$lib/format/data-words';
import { getLocale } from '$lib/paraglide/runtime.js';
import { parseQueryOr400 } from '$lib/schemas/query';
import { RoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import { isFiltered, listRounds, mediatorWordsOf, totalsOf } from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const filters = parseQueryOr400(RoundFilters, url.searchParams);
	const db = getDataset();
	const rounds = listRounds(db);
	const choices = filterChoices(rounds);
	// A mediator is offered by its name in the reader's language, in that language's order; the value stays the name
	// as recorded, so that a shared address filters alike in every language.
	const collator = new Intl.Collator(getLocale());
	const mediators = choices.mediators
		.map((name) => ({ value: name, label: mediatorNames(mediatorWordsOf(db, [name])).join('') }))
		.sort((a, b) => collator.compare(a.label, b.label));
	return {
		filters,
		choices: { ...choices, mediators },
		result: queryRounds(rounds, filters),
		// The totals of every matching round, not only of the page shown (without a filter: of all, kept per dataset;
		// agreements are left out of totals either way).
		totals: totalsOf(isFiltered(filters) ? matchRounds(rounds, filters) : rounds),
		agreements: rounds.filter((round) => round.kind === 'agreement')
	};
};
