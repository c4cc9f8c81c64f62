// The published CSV cells of each record: what a correction is checked and snapshotted against, and what export writes.
import type { DatasetEntity } from '../../../schemas/correction';
import type { DatasetDatabase } from '../dataset';
import { preparedFor } from '../prepared';

const statements = preparedFor((db: DatasetDatabase) => ({
	one: db.prepare<[string, string], { cells: string }>('SELECT cells FROM record_cells WHERE entity = ? AND id = ?'),
	all: db.prepare<[string], { cells: string }>('SELECT cells FROM record_cells WHERE entity = ? ORDER BY position')
}));

/** One record's published cells by column, or null when there is no such record. */
export function recordCells(db: DatasetDatabase, entity: DatasetEntity, id: string): Record<string, string> | null {
	const row = statements(db).one.get(entity, id);
	return row ? (JSON.parse(row.cells) as Record<string, string>) : null;
}

/** Every record of an entity, in the order of its data/ file (records added by corrections last). */
export function allRecordCells(db: DatasetDatabase, entity: DatasetEntity): Record<string, string>[] {
	return statements(db)
		.all.all(entity)
		.map((row) => JSON.parse(row.cells) as Record<string, string>);
}
