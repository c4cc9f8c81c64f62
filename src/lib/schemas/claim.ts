// The claim entity: one number (or one statement without a number) stated by one party, with its sources.
import { z } from 'zod';
import { ClaimantSide, Counted, Qualifier, StatementKind } from './vocabulary';
import { countText, isoDate, optional, recordId, semicolonList } from './fields';

/** One row of data/claims.csv, as validated by the build. */
export const ClaimRow = z
	.object({
		id: recordId,
		round_id: optional(recordId),
		stated_on: isoDate,
		claimant: z.string().trim().min(1, 'claimant is required'),
		claimant_id: recordId,
		claimant_side: ClaimantSide,
		statement: StatementKind,
		counted: Counted,
		counted_detail: z.string().trim().min(1, 'counted_detail is required'),
		counted_detail_uk: z.string().trim().min(1, 'counted_detail_uk is required: what the figure counts, in Ukrainian'),
		counted_detail_ru: z.string().trim().min(1, 'counted_detail_ru is required: what the figure counts, in Russian'),
		number: optional(countText),
		qualifier: optional(Qualifier),
		source_ids: semicolonList(recordId).refine((ids) => ids.length > 0, 'at least one source id is required'),
		responds_to: optional(recordId),
		note: z.string().trim()
	})
	.superRefine((claim, context) => {
		// A figure and its qualifier travel together: a statement without a number has no qualifier.
		if (claim.number === null && claim.qualifier !== null) {
			context.addIssue({ code: 'custom', path: ['qualifier'], message: 'a qualifier needs a number' });
		}
		if (claim.number !== null && claim.qualifier === null) {
			context.addIssue({ code: 'custom', path: ['qualifier'], message: 'a number needs a qualifier' });
		}
		if (claim.responds_to === claim.id) {
			context.addIssue({ code: 'custom', path: ['responds_to'], message: 'a claim cannot respond to itself' });
		}
		if (claim.statement === 'report' && claim.round_id === null) {
			context.addIssue({ code: 'custom', path: ['round_id'], message: 'a report must name its round' });
		}
	});
export type ClaimRow = z.infer<typeof ClaimRow>;

/** Column order of data/claims.csv (also the export column order). */
export const claimColumns = [
	'id',
	'round_id',
	'stated_on',
	'claimant',
	'claimant_id',
	'claimant_side',
	'statement',
	'counted',
	'counted_detail',
	'counted_detail_uk',
	'counted_detail_ru',
	'number',
	'qualifier',
	'source_ids',
	'responds_to',
	'note'
] as const satisfies readonly (keyof ClaimRow)[];
