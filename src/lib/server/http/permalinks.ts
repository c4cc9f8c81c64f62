// What a permalink answers when its record is not published: 410 Gone with the reason for a removed id, else 404.
import { error } from '@sveltejs/kit';
import { recordPath } from '../../format/corrections';
import { formatDate } from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import type { DatasetEntity } from '../../schemas/correction';
import type { DatasetDatabase } from '../db/dataset';
import { removedRecord } from '../db/queries/removed';

/** Throws the page error for a missing record: 410 with the tombstone's reason and replacement, or 404. */
export function missingRecord(db: DatasetDatabase, entity: DatasetEntity, id: string, notFound: string): never {
	const removed = removedRecord(db, entity, id);
	if (removed) {
		error(410, {
			message: m.record_removed({ id, date: formatDate(removed.removedOn), reason: removed.reason }),
			replacement: removed.replacedBy ? recordPath(entity, removed.replacedBy) : undefined
		});
	}
	error(404, notFound);
}
