// The exchange form: one new round with each party's statement and its page, suggested as one; no account needed.
import { formIssueTexts } from '$lib/format/form-issues';
import { fail, redirect } from '@sveltejs/kit';
import {
	roundKinds,
	claimantSides,
	countedValues,
	qualifiers,
	sourceKinds,
	sourceReliabilities
} from '$lib/schemas/vocabulary';
import { submitterHash } from '$lib/server/auth/submitter';
import {
	agreementChoices,
	checkPackageAgainst,
	possibleDuplicates,
	submitPackage
} from '$lib/server/corrections/exchange';
import { claimantChoices } from '$lib/server/corrections/claimants';
import { parseExchangeForm, readExchangeForm, refillValues } from '$lib/server/corrections/exchange-form';
import { getDataset } from '$lib/server/db/dataset';
import { getState } from '$lib/server/db/state';
import type { Actions, PageServerLoad } from './$types';
import { localHref } from '$lib/i18n/addresses';

export const load: PageServerLoad = () => {
	const dataset = getDataset();
	return {
		claimants: claimantChoices(dataset),
		agreements: agreementChoices(dataset),
		options: { roundKinds, claimantSides, countedValues, qualifiers, sourceKinds, sourceReliabilities }
	};
};

export const actions: Actions = {
	/** "Add another statement" without JavaScript: the same form again, every value kept, one blank statement more. */
	add: async ({ request }) => {
		const form = readExchangeForm(await request.formData());
		return { values: refillValues(form, true), errors: {}, duplicates: [], added: true };
	},
	send: async ({ request, locals, cookies, url }) => {
		const form = readExchangeForm(await request.formData());
		const values = refillValues(form);
		const { pkg, envelope, errors } = parseExchangeForm(form);
		const dataset = getDataset();
		const problems = { ...checkPackageAgainst(dataset, pkg).errors, ...errors };
		const duplicates = possibleDuplicates(dataset, pkg.round.kind, pkg.round.date);
		if (!envelope || Object.keys(problems).length > 0) {
			return fail(400, { values, errors: formIssueTexts(problems), duplicates, added: false });
		}
		// A warning, not a refusal: the form shows the rounds it may duplicate once, and a second send goes through.
		const seen = new Set(form.seenDuplicates.split(' '));
		if (duplicates.some((duplicate) => !seen.has(duplicate.id))) {
			return { values, errors: {}, duplicates, added: false };
		}
		const now = new Date();
		const stored = submitPackage(getState(), pkg, envelope, {
			dataset,
			submittedBy: locals.maintainer?.id ?? null,
			// The browser's id, so that a maintainer who later logs in from it cannot approve this (the two-person rule).
			submitterHash: submitterHash(cookies, url, now),
			now
		});
		if (!stored.ok) return fail(400, { values, errors: formIssueTexts(stored.errors), duplicates, added: false });
		redirect(303, localHref(`/corrections/${stored.id}?submitted=1`));
	}
};
