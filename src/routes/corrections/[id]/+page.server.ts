// A suggestion's public page: the proposal beside the value it would replace and the value published now, and its status.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { assignedIdsOf, publishedPackageCells } from '$lib/server/corrections/exchange';
import { getCorrection } from '$lib/server/corrections/store';
import { revisionsOfCorrection } from '$lib/server/corrections/revisions';
import { getDataset } from '$lib/server/db/dataset';
import { recordCells } from '$lib/server/db/queries/records';
import { getState } from '$lib/server/db/state';
import type { PageServerLoad } from './$types';

const CorrectionId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const load: PageServerLoad = ({ params, url }) => {
	const id = CorrectionId.safeParse(params.id);
	if (!id.success) error(404, m.not_found_correction({ id: params.id }));
	const state = getState();
	const correction = getCorrection(state, id.data);
	if (!correction) error(404, m.not_found_correction({ id: params.id }));
	const dataset = getDataset();
	const published = correction.record_id ? recordCells(dataset, correction.entity, correction.record_id) : null;
	// A package's cells belong to several records: each is compared with the record it became.
	const packageNow = correction.package
		? publishedPackageCells(dataset, correction.proposal, assignedIdsOf(state, correction.id))
		: null;
	const rows = Object.entries(correction.proposal).map(([field, proposed]) => ({
		field,
		before: correction.kind === 'change' ? (correction.snapshot[field] ?? '') : null,
		proposed,
		now: packageNow ? (packageNow[field] ?? null) : published ? (published[field] ?? '') : null
	}));
	return {
		correction,
		rows,
		statementCount: Object.keys(correction.proposal).filter((field) => /^s\d+\.claimant$/.test(field)).length,
		recordExists: published !== null,
		revisions: revisionsOfCorrection(state, correction.id),
		justSubmitted: url.searchParams.has('submitted')
	};
};
