// The maintainers' review queue: approve or reject each pending suggestion with a reason, or revert an accepted one.
import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { Decision } from '$lib/schemas/correction';
import { singleMaintainer } from '$lib/server/config/environment';
import { approveCorrection, rejectCorrection, revertCorrection, revertRequests } from '$lib/server/corrections/review';
import { publishTarget } from '$lib/server/corrections/publishing';
import { contactOf, listAccepted, listCorrections } from '$lib/server/corrections/store';
import { checkPackageAgainst, idsOnDataset, packageOf, possibleDuplicates } from '$lib/server/corrections/exchange';
import { previewPackage } from '$lib/server/corrections/exchange-preview';
import { getDataset, type DatasetDatabase } from '$lib/server/db/dataset';
import { getClaimant } from '$lib/server/db/queries/claimants';
import { mediatorWordsOf } from '$lib/server/db/queries/rounds';
import { recordCells } from '$lib/server/db/queries/records';
import { getState } from '$lib/server/db/state';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { localHref } from '$lib/i18n/addresses';

/** A package under review: every problem it has now, the rounds it may duplicate, and its round as it will look. */
function exchangeReview(dataset: DatasetDatabase, proposal: Record<string, string>) {
	const { pkg, errors: problems } = checkPackageAgainst(dataset, packageOf(proposal));
	const ids = idsOnDataset(dataset, pkg);
	return {
		problems: Object.entries(problems).map(([field, message]) => ({ field, message })),
		duplicates: possibleDuplicates(dataset, pkg.round.kind, pkg.round.date),
		ids,
		preview:
			Object.keys(problems).length === 0
				? previewPackage(
						pkg,
						ids,
						(id) => getClaimant(dataset, id) ?? null,
						(names) => mediatorWordsOf(dataset, names)
					)
				: null
	};
}

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.maintainer) redirect(303, localHref(`/login?next=${localHref('/review')}`));
	const state = getState();
	const dataset = getDataset();
	const pending = listCorrections(state, 'pending').map((correction) => {
		const published = correction.record_id ? recordCells(dataset, correction.entity, correction.record_id) : null;
		return {
			correction,
			exchange: correction.package === 'exchange' ? exchangeReview(dataset, correction.proposal) : null,
			contact: contactOf(state, correction.id),
			rows: Object.entries(correction.proposal).map(([field, proposed]) => ({
				field,
				before: correction.kind === 'change' ? (correction.snapshot[field] ?? '') : null,
				proposed,
				now: correction.package ? null : published ? (published[field] ?? '') : null
			}))
		};
	});
	const requests = revertRequests(state);
	const accepted = listAccepted(state).map((correction) => {
		const request = requests.get(correction.id);
		return {
			correction,
			revertRequest: request
				? { by: request.by, reason: request.reason, mine: request.requestedBy === locals.maintainer?.id }
				: null
		};
	});
	return { maintainer: locals.maintainer, pending, accepted };
};

type Decide = typeof approveCorrection | typeof revertCorrection;

/** Every action checks the session itself: a form post does not go through the page's load. */
async function decideWith(event: RequestEvent, action: 'approve' | 'reject' | 'revert') {
	const maintainer = event.locals.maintainer;
	if (!maintainer) return fail(403, { ok: false, correctionId: null, message: m.review_error_login() });
	const form = await event.request.formData();
	const parsed = Decision.safeParse({ correction_id: form.get('correction_id'), reason: form.get('reason') ?? '' });
	const correctionId = Number(form.get('correction_id')) || null;
	if (!parsed.success) {
		return fail(400, { ok: false, correctionId, message: parsed.error.issues[0]?.message ?? m.review_error_invalid() });
	}
	const context = {
		maintainerId: maintainer.id,
		reason: parsed.data.reason,
		now: new Date(),
		singleMaintainer: singleMaintainer()
	};
	const state = getState();
	const decide: Record<'approve' | 'revert', Decide> = { approve: approveCorrection, revert: revertCorrection };
	const result =
		action === 'reject'
			? rejectCorrection(state, parsed.data.correction_id, context)
			: await decide[action](state, publishTarget(), parsed.data.correction_id, context);
	if (!result.ok) return fail(409, { ok: false, correctionId, message: result.message });
	const done =
		'requested' in result && result.requested ? 'review_done_revert_requested' : (`review_done_${action}` as const);
	return { ok: true, correctionId, message: m[done]({ id: parsed.data.correction_id }) };
}

export const actions: Actions = {
	approve: (event) => decideWith(event, 'approve'),
	reject: (event) => decideWith(event, 'reject'),
	revert: (event) => decideWith(event, 'revert')
};
