// Migration 5: a revision can add or remove a claimant (one a new exchange brought), so the entity check allows it.
export const sql = `
-- SQLite cannot change a CHECK in place: the table is rebuilt with the same rows, ids and indexes (SQLite's documented
-- procedure, foreign keys off while it runs and checked before it commits: see migrate()).
CREATE TABLE revisions_rebuilt (
	id INTEGER PRIMARY KEY,
	created_at TEXT NOT NULL,
	maintainer_id INTEGER NOT NULL REFERENCES maintainers (id),
	correction_id INTEGER NOT NULL REFERENCES corrections (id),
	action TEXT NOT NULL CHECK (action IN ('apply', 'revert')),
	entity TEXT NOT NULL CHECK (entity IN ('round', 'claim', 'source', 'claimant')),
	record_id TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (length(reason) > 0),
	requested_by INTEGER REFERENCES maintainers (id),
	group_id INTEGER REFERENCES revisions (id)
);
INSERT INTO revisions_rebuilt (id, created_at, maintainer_id, correction_id, action, entity, record_id, reason, requested_by, group_id)
	SELECT id, created_at, maintainer_id, correction_id, action, entity, record_id, reason, requested_by, group_id
	FROM revisions ORDER BY id;
DROP TABLE revisions;
ALTER TABLE revisions_rebuilt RENAME TO revisions;
CREATE INDEX revisions_by_correction ON revisions (correction_id);
CREATE INDEX revisions_by_record ON revisions (entity, record_id);
CREATE INDEX revisions_by_group ON revisions (coalesce(group_id, id));
`;
