// Migration 4: a suggestion can be a package (a new exchange: its round, statements and pages), approved as one revision group.
export const sql = `
-- A package is stored as an addition (its proposal holds every part's cells); this row says which kind of package it
-- is, and keeps the ids its records were given when it was approved (JSON), so every rebuild gives them the same ids.
CREATE TABLE correction_packages (
	correction_id INTEGER PRIMARY KEY REFERENCES corrections (id),
	kind TEXT NOT NULL CHECK (kind IN ('exchange')),
	assigned_ids TEXT CHECK (assigned_ids IS NULL OR json_valid(assigned_ids))
);

-- The revisions one decision made together (a package's round, claims and sources) share the first one's id.
ALTER TABLE revisions ADD COLUMN group_id INTEGER REFERENCES revisions (id);
CREATE INDEX revisions_by_group ON revisions (coalesce(group_id, id));
`;
