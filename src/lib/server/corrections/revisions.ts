// The public history: every revision (an applied or reverted correction) with its field-level changes.
import { preparedFor } from '../db/prepared';
import type { StateDatabase } from '../db/state';
import type { DatasetEntity } from '../../schemas/correction';

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
	entity: DatasetEntity;
	recordId: string;
	reason: string;
	fields: RevisionField[];
}

/** The revisions one decision made together, named by the first: one record's, or every record of a package. */
export interface RevisionGroup {
	id: number;
	createdAt: string;
	maintainer: string;
	correctionId: number;
	action: 'apply' | 'revert';
	reason: string;
	/** In the order they were made (a package: its sources, its round, its claims). */
	parts: Revision[];
}

interface RevisionRow {
	id: number;
	created_at: string;
	maintainer: string;
	correction_id: number;
	action: 'apply' | 'revert';
	entity: DatasetEntity;
	record_id: string;
	reason: string;
}

const SELECT_REVISION = `SELECT r.id, r.created_at, m.display_name AS maintainer, r.correction_id, r.action, r.entity, r.record_id, r.reason
	FROM revisions r JOIN maintainers m ON m.id = r.maintainer_id`;

const statements = preparedFor((db: StateDatabase) => ({
	latest: db.prepare<[number, number], RevisionRow>(`${SELECT_REVISION} ORDER BY r.id DESC LIMIT ? OFFSET ?`),
	ofCorrection: db.prepare<[number], RevisionRow>(`${SELECT_REVISION} WHERE r.correction_id = ? ORDER BY r.id DESC`),
	// Records come as a JSON array of [entity, id] pairs, so that a round and all its claims take one query.
	ofRecords: db.prepare<[string], RevisionRow>(
		`${SELECT_REVISION} WHERE (r.entity, r.record_id) IN
		 (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)) ORDER BY r.id DESC`
	),
	count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM revisions'),
	groupCount: db.prepare<[], { count: number }>(
		'SELECT count(DISTINCT coalesce(group_id, id)) AS count FROM revisions'
	),
	latestGroups: db.prepare<[number, number], RevisionRow & { group_key: number }>(
		`${SELECT_REVISION.replace('SELECT r.id,', 'SELECT coalesce(r.group_id, r.id) AS group_key, r.id,')}
		 WHERE coalesce(r.group_id, r.id) IN
		   (SELECT DISTINCT coalesce(group_id, id) AS g FROM revisions ORDER BY g DESC LIMIT ? OFFSET ?)
		 ORDER BY group_key DESC, r.id`
	),
	fields: db.prepare<[string], { revision_id: number; field: string; old_value: string; new_value: string }>(
		`SELECT revision_id, field, old_value, new_value FROM revision_fields
		 WHERE revision_id IN (SELECT value FROM json_each(?)) ORDER BY revision_id, field`
	)
}));

/** The revisions with their field changes, read for all of them in one query. */
function withFields(state: StateDatabase, rows: RevisionRow[]): Revision[] {
	if (rows.length === 0) return [];
	const fieldsByRevision = new Map<number, RevisionField[]>();
	for (const field of statements(state).fields.all(JSON.stringify(rows.map((row) => row.id)))) {
		const list = fieldsByRevision.get(field.revision_id) ?? [];
		list.push({ field: field.field, oldValue: field.old_value, newValue: field.new_value });
		fieldsByRevision.set(field.revision_id, list);
	}
	return rows.map((row) => ({
		id: row.id,
		createdAt: row.created_at,
		maintainer: row.maintainer,
		correctionId: row.correction_id,
		action: row.action,
		entity: row.entity,
		recordId: row.record_id,
		reason: row.reason,
		fields: fieldsByRevision.get(row.id) ?? []
	}));
}

/** Revisions, newest first. */
export function listRevisions(state: StateDatabase, limit = 100, offset = 0): Revision[] {
	return withFields(state, statements(state).latest.all(limit, offset));
}

/** Decisions, newest first, each with the revisions it made (a package's approval is one group of several). */
export function listRevisionGroups(state: StateDatabase, limit = 100, offset = 0): RevisionGroup[] {
	const rows = statements(state).latestGroups.all(limit, offset);
	const revisions = withFields(state, rows);
	const groups: RevisionGroup[] = [];
	rows.forEach((row, index) => {
		const revision = revisions[index] as Revision;
		const current = groups.at(-1);
		if (current?.id === row.group_key) {
			current.parts.push(revision);
			return;
		}
		groups.push({
			id: row.group_key,
			createdAt: revision.createdAt,
			maintainer: revision.maintainer,
			correctionId: revision.correctionId,
			action: revision.action,
			reason: revision.reason,
			parts: [revision]
		});
	});
	return groups;
}

/** How many decisions (groups of revisions) there are. */
export function revisionGroupCount(state: StateDatabase): number {
	return statements(state).groupCount.get()?.count ?? 0;
}

/** How many revisions there are. */
export function revisionCount(state: StateDatabase): number {
	return statements(state).count.get()?.count ?? 0;
}

/** The revisions that applied or reverted one correction, newest first. */
export function revisionsOfCorrection(state: StateDatabase, correctionId: number): Revision[] {
	return withFields(state, statements(state).ofCorrection.all(correctionId));
}

/** The revisions of some records (e.g. a round and its claims), newest first. */
export function revisionsOfRecords(
	state: StateDatabase,
	records: readonly { entity: DatasetEntity; id: string }[]
): Revision[] {
	if (records.length === 0) return [];
	const pairs = JSON.stringify(records.map((record) => [record.entity, record.id]));
	return withFields(state, statements(state).ofRecords.all(pairs));
}
