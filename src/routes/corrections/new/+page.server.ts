// The suggestion form: a correction to one record (pre-filled with it) or a missing round or claim; no account needed.
import { formIssueTexts } from '$lib/format/form-issues';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { checkCell, editableFields, fieldInput, NEW_SOURCE_PREFIX } from '$lib/schemas/correction';
import { recordId } from '$lib/schemas/fields';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { submitterHash } from '$lib/server/auth/submitter';
import { claimantChoices } from '$lib/server/corrections/claimants';
import { parseSuggestionForm, readSuggestionForm } from '$lib/server/corrections/form';
import { submitCorrection } from '$lib/server/corrections/store';
import { getDataset } from '$lib/server/db/dataset';
import { recordCells } from '$lib/server/db/queries/records';
import { getState } from '$lib/server/db/state';
import type { Actions, PageServerLoad } from './$types';
import { localHref } from '$lib/i18n/addresses';

const FormQuery = z.object({
	entity: z.preprocess(blankToUndefined, z.enum(['round', 'claim', 'source']).default('claim')),
	id: z.preprocess(blankToUndefined, recordId.optional())
});

/** Additions: a round, or a claim with (optionally) the new page it was read on. Sources come with a claim. */
const addableEntities = ['round', 'claim'] as const;

export const load: PageServerLoad = ({ url }) => {
	const query = parseQueryOr400(FormQuery, url.searchParams);
	const kind = query.id ? 'change' : 'addition';
	const entity = query.entity;
	if (kind === 'addition' && !(addableEntities as readonly string[]).includes(entity)) {
		error(400, m.correction_error_add_source());
	}
	const current = query.id ? recordCells(getDataset(), entity, query.id) : null;
	if (query.id && !current) error(404, m.correction_error_unknown_record({ entity, id: query.id }));
	const fields = editableFields(entity).map((name) => ({
		name,
		input: fieldInput(entity, name),
		current: current?.[name] ?? '',
		// Only a column that may be empty can be emptied.
		clearable: (current?.[name] ?? '') !== '' && checkCell(entity, name, '') === null
	}));
	const sourceFields =
		kind === 'addition' && entity === 'claim'
			? editableFields('source').map((name) => ({
					name: `${NEW_SOURCE_PREFIX}${name}`,
					input: fieldInput('source', name),
					current: '',
					clearable: false
				}))
			: [];
	// A claim's claimant is picked from the claimants on record (the name resolves on the server, as in the exchange form).
	const claimants = entity === 'claim' ? claimantChoices(getDataset()) : [];
	return { kind, entity, recordId: query.id ?? null, fields, sourceFields, claimants };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = readSuggestionForm(await request.formData());
		// Everything typed comes back to refill the form, except the honeypot.
		const refill = { ...values, website: '' };
		const parsed = parseSuggestionForm(values);
		if (!parsed.ok) return fail(400, { values: refill, errors: formIssueTexts(parsed.errors) });
		const now = new Date();
		const stored = submitCorrection(getState(), parsed.suggestion, {
			dataset: getDataset(),
			submittedBy: locals.maintainer?.id ?? null,
			// The browser's id, so that a maintainer who later logs in from it cannot approve this (the two-person rule).
			submitterHash: submitterHash(cookies, url, now),
			now
		});
		if (!stored.ok) return fail(400, { values: refill, errors: formIssueTexts(stored.errors) });
		redirect(303, localHref(`/corrections/${stored.id}?submitted=1`));
	}
};
