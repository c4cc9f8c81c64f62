// The public history: every revision (an applied or reverted correction) with its field-level changes.
import { preparedFor } from '../db/prepared';
import type { StateDatabase } from '../db/state';
import type { CorrectionEntity } from '../../schemas/correction';

export interface RevisionField {
	field: string;
	oldValue: string;
	newValue: string;
}

export interface Revision {
	id: number;
	createdAt: string;
	maintainer: string;
	correctionId: number;
	action: 'apply' | 'revert';
	entity: CorrectionEntity;
	recordId: string;
	reason: string;
	fields: RevisionField[];
}

interface RevisionRow {
	id: number;
	created_at: string;
	maintainer: string;
	correction_id: number;
	action: 'apply' | 'revert';
	entity: CorrectionEntity;
	record_id: string;
	reason: string;
}

const SELECT_REVISION = `SELECT r.id, r.created_at, m.username AS maintainer, r.correction_id, r.action, r.entity, r.record_id, r.reason
	FROM revisions r JOIN maintainers m ON m.id = r.maintainer_id`;

const statements = preparedFor((db: StateDatabase) => ({
	latest: db.prepare<[number, number], RevisionRow>(`${SELECT_REVISION} ORDER BY r.id DESC LIMIT ? OFFSET ?`),
	ofCorrection: db.prepare<[number], RevisionRow>(`${SELECT_REVISION} WHERE r.correction_id = ? ORDER BY r.id DESC`),
	ofRecord: db.prepare<[string, string], RevisionRow>(
		`${SELECT_REVISION} WHERE r.entity = ? AND r.record_id = ? ORDER BY r.id DESC`
	),
	count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM revisions'),
	fields: db.prepare<[number], { field: string; old_value: string; new_value: string }>(
		'SELECT field, old_value, new_value FROM revision_fields WHERE revision_id = ? ORDER BY field'
	)
}));

function withFields(state: StateDatabase, rows: RevisionRow[]): Revision[] {
	return rows.map((row) => ({
		id: row.id,
		createdAt: row.created_at,
		maintainer: row.maintainer,
		correctionId: row.correction_id,
		action: row.action,
		entity: row.entity,
		recordId: row.record_id,
		reason: row.reason,
		fields: statements(state)
			.fields.all(row.id)
			.map((field) => ({ field: field.field, oldValue: field.old_value, newValue: field.new_value }))
	}));
}

/** Revisions, newest first. */
export function listRevisions(state: StateDatabase, limit = 100, offset = 0): Revision[] {
	return withFields(state, statements(state).latest.all(limit, offset));
}

/** How many revisions there are. */
export function revisionCount(state: StateDatabase): number {
	return statements(state).count.get()?.count ?? 0;
}

/** The revisions that applied or reverted one correction, newest first. */
export function revisionsOfCorrection(state: StateDatabase, correctionId: number): Revision[] {
	return withFields(state, statements(state).ofCorrection.all(correctionId));
}

/** The revisions of one record, newest first. */
export function revisionsOfRecord(state: StateDatabase, entity: CorrectionEntity, id: string): Revision[] {
	return withFields(state, statements(state).ofRecord.all(entity, id));
}
