// A source's page: where it is, what it is, and every figure it supports.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { recordId } from '$lib/schemas/fields';
import { getDataset } from '$lib/server/db/dataset';
import { claimsOfSource, getSource } from '$lib/server/db/queries/claims';
import { revisionsOfRecords } from '$lib/server/corrections/revisions';
import { getState } from '$lib/server/db/state';
import { missingRecord } from '$lib/server/http/permalinks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const id = recordId.safeParse(params.id);
	if (!id.success) error(404, m.not_found_source({ id: params.id }));
	const db = getDataset();
	const source = getSource(db, id.data);
	if (!source) missingRecord(db, 'source', id.data, m.not_found_source({ id: id.data }));
	return {
		source,
		claims: claimsOfSource(db, source.id),
		revisions: revisionsOfRecords(getState(), [{ entity: 'source', id: source.id }])
	};
};
