// Migration 1: maintainers, their sessions, corrections and the revisions that apply or revert them.
export const sql = `
CREATE TABLE maintainers (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 2 AND 40),
	password_hash TEXT NOT NULL,
	created_at TEXT NOT NULL
);

-- The session id is the SHA-256 of the cookie's token: a copy of this file cannot be used to log in.
CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	maintainer_id INTEGER NOT NULL REFERENCES maintainers (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_maintainer ON sessions (maintainer_id);

-- A suggested change to one record (kind 'change') or a suggested new record (kind 'addition').
-- proposal: JSON object of column -> CSV cell; snapshot: the published cells of those columns when it was submitted.
CREATE TABLE corrections (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('change', 'addition')),
	entity TEXT NOT NULL CHECK (entity IN ('round', 'claim', 'source')),
	record_id TEXT,
	proposal TEXT NOT NULL CHECK (json_valid(proposal)),
	snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
	reason TEXT NOT NULL CHECK (length(reason) > 0),
	evidence_urls TEXT NOT NULL CHECK (json_valid(evidence_urls) AND json_array_length(evidence_urls) > 0),
	contact_email TEXT,
	submitted_at TEXT NOT NULL,
	submitted_by INTEGER REFERENCES maintainers (id),
	status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'reverted')),
	reviewed_by INTEGER REFERENCES maintainers (id),
	reviewed_at TEXT,
	decision_reason TEXT,
	applied_order INTEGER UNIQUE,
	conflict TEXT,
	CHECK (kind = 'addition' OR record_id IS NOT NULL),
	CHECK (status = 'pending' OR (reviewed_by IS NOT NULL AND decision_reason IS NOT NULL))
);
CREATE INDEX corrections_by_status ON corrections (status, id);
CREATE INDEX corrections_by_record ON corrections (entity, record_id);

-- One revision per applied or reverted correction; its field-level changes are in revision_fields.
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	created_at TEXT NOT NULL,
	maintainer_id INTEGER NOT NULL REFERENCES maintainers (id),
	correction_id INTEGER NOT NULL REFERENCES corrections (id),
	action TEXT NOT NULL CHECK (action IN ('apply', 'revert')),
	entity TEXT NOT NULL CHECK (entity IN ('round', 'claim', 'source')),
	record_id TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (length(reason) > 0)
);
CREATE INDEX revisions_by_correction ON revisions (correction_id);
CREATE INDEX revisions_by_record ON revisions (entity, record_id);

CREATE TABLE revision_fields (
	revision_id INTEGER NOT NULL REFERENCES revisions (id),
	field TEXT NOT NULL,
	old_value TEXT NOT NULL,
	new_value TEXT NOT NULL,
	PRIMARY KEY (revision_id, field)
);
`;
