// An editorial marking of a figure as one part of a day's returns (data/decisions/figure-parts.csv), with its reason.
import { z } from 'zod';
import { recordId } from './fields';

/** One row of data/decisions/figure-parts.csv: in one direction, the claim's figure counts only this part. */
export const FigurePartRow = z.object({
	claim_id: recordId,
	direction: z.enum(['to_ukraine', 'to_russia']),
	part: z.enum(['in_exchange', 'outside_exchange']),
	reason: z.string().trim().min(1, "say which of the day's returns the figure counts, in the page's own words")
});
export type FigurePartRow = z.infer<typeof FigurePartRow>;

/** Column order of data/decisions/figure-parts.csv. */
export const figurePartColumns = Object.keys(FigurePartRow.shape) as (keyof FigurePartRow)[];
