// /rounds: the filtered, sorted, paged list of rounds with the totals of the selection; the filters live in the query string so a view can be shared.
import { mediatorNames } from '$lib/format/data-words';
import { getLocale } from '$lib/paraglide/runtime.js';
import { parseQueryOr400 } from '$lib/schemas/query';
import { RoundFilters } from '$lib/schemas/round-filters';
import { getDataset } from '$lib/server/db/dataset';
import {
	listAgreements,
	mediatorWordsOf,
	pageOfRounds,
	roundChoices,
	selectedTotals
} from '$lib/server/db/queries/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const filters = parseQueryOr400(RoundFilters, url.searchParams);
	const db = getDataset();
	const choices = roundChoices(db);
	// A mediator is offered by its name in the reader's language, in that language's order; the value stays the name
	// as recorded, so that a shared address filters alike in every language.
	const collator = new Intl.Collator(getLocale());
	const mediators = choices.mediators
		.map((name) => ({ value: name, label: mediatorNames(mediatorWordsOf(db, [name])).join('') }))
		.sort((a, b) => collator.compare(a.label, b.label));
	return {
		filters,
		choices: { ...choices, mediators },
		// Only the page shown is read, from an index in the order asked for.
		result: pageOfRounds(db, filters),
		// The totals of every matching round, not only of the page shown (without a filter: of all, kept per dataset;
		// agreements are left out of totals either way).
		totals: selectedTotals(db, filters),
		agreements: listAgreements(db)
	};
};
