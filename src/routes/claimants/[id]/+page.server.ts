// A claimant's page: who they are, their track record (a chart and a paged table) and every statement they made, paged.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { trackSummary } from '$lib/domain/track-record';
import { m } from '$lib/paraglide/messages.js';
import { recordId } from '$lib/schemas/fields';
import { blankToUndefined, parseQueryOr400 } from '$lib/schemas/query';
import { getDataset } from '$lib/server/db/dataset';
import { claimantTrackRecord, getClaimant } from '$lib/server/db/queries/claimants';
import { missingRecord } from '$lib/server/http/permalinks';
import { claimsOfClaimant } from '$lib/server/db/queries/claims';
import type { PageServerLoad } from './$types';

/** Statements, and track-record rows, per page: the page stays the same size however much a claimant said. */
const PAGE_SIZE = 25;

const pageNumber = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1));
const ClaimantQuery = z.object({ page: pageNumber, record_page: pageNumber });

/** The requested page, or the last when it is past the end. */
function pageOf(requested: number, total: number) {
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(requested, pageCount);
	return { page, pageCount, offset: (page - 1) * PAGE_SIZE };
}

export const load: PageServerLoad = ({ params, url }) => {
	const id = recordId.safeParse(params.id);
	if (!id.success) error(404, m.not_found_claimant({ id: params.id }));
	const query = parseQueryOr400(ClaimantQuery, url.searchParams);
	const db = getDataset();
	const claimant = getClaimant(db, id.data);
	// A claimant added with an exchange whose approval was reverted answers 410, like any removed record.
	if (!claimant) missingRecord(db, 'claimant', id.data, m.not_found_claimant({ id: id.data }));
	const record = claimantTrackRecord(db, claimant.id);
	const statements = pageOf(query.page, claimant.statementCount);
	const records = pageOf(query.record_page, record.length);
	return {
		claimant,
		summary: trackSummary(record),
		trackRecord: {
			page: records.page,
			pageCount: records.pageCount,
			rows: record.slice(records.offset, records.offset + PAGE_SIZE)
		},
		statements: {
			page: statements.page,
			pageCount: statements.pageCount,
			claims: claimsOfClaimant(db, claimant.id, statements.offset, PAGE_SIZE)
		}
	};
};
