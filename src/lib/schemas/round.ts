// The round entity: one event (an exchange, a body repatriation, a civilian release, or an agreement with stages).
import { z } from 'zod';
import { RoundKind } from './vocabulary';
import { isoDate, optional, recordId, semicolonList } from './fields';

/** One row of data/rounds.csv, as validated by the build. */
export const RoundRow = z.object({
	id: recordId,
	date: isoDate,
	end_date: optional(isoDate),
	kind: RoundKind,
	kyiv_exchange_number: optional(
		z
			.string()
			.regex(/^[1-9]\d*$/, 'expected a positive whole number')
			.transform(Number)
	),
	mediators: semicolonList(z.string().min(1, 'empty mediator name')),
	parent_id: optional(recordId),
	summary: z.string().trim().min(1, 'summary is required'),
	summary_uk: z.string().trim().min(1, 'summary_uk is required: the summary in Ukrainian'),
	summary_ru: z.string().trim().min(1, 'summary_ru is required: the summary in Russian')
});
export type RoundRow = z.infer<typeof RoundRow>;

/** Column order of data/rounds.csv (also the export column order). */
export const roundColumns = Object.keys(RoundRow.shape) as (keyof RoundRow)[];
