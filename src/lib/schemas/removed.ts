// A removed record's tombstone: its id stays reserved, and its permalink answers 410 Gone with the reason.
import { z } from 'zod';
import { DatasetEntity } from './correction';
import { isoDate, optional, recordId } from './fields';

/** One row of data/removed.csv. */
export const RemovedRow = z.object({
	entity: DatasetEntity,
	id: recordId,
	removed_on: isoDate,
	reason: z.string().trim().min(1, 'say why the record was removed'),
	replaced_by: optional(recordId)
});
export type RemovedRow = z.infer<typeof RemovedRow>;

/** Column order of data/removed.csv. */
export const removedColumns = Object.keys(RemovedRow.shape) as (keyof RemovedRow)[];
