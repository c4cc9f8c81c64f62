// Tombstones of removed records: what a permalink to a removed id answers (410 Gone, the reason, the replacement).
import type { DatasetEntity } from '../../../schemas/correction';
import type { DatasetDatabase } from '../dataset';
import { preparedFor } from '../prepared';

export interface RemovedRecord {
	entity: DatasetEntity;
	id: string;
	removedOn: string;
	reason: string;
	replacedBy: string | null;
}

const statements = preparedFor((db: DatasetDatabase) => ({
	one: db.prepare<[string, string], { removed_on: string; reason: string; replaced_by: string | null }>(
		'SELECT removed_on, reason, replaced_by FROM removed_records WHERE entity = ? AND id = ?'
	)
}));

/** The tombstone of a removed record, or null when the id was never removed. */
export function removedRecord(db: DatasetDatabase, entity: DatasetEntity, id: string): RemovedRecord | null {
	const row = statements(db).one.get(entity, id);
	return row ? { entity, id, removedOn: row.removed_on, reason: row.reason, replacedBy: row.replaced_by } : null;
}
