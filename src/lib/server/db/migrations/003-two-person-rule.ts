// Migration 3: what the two-person rule needs: the browser a suggestion came from, maintainers' browsers and addresses, revert requests.
export const sql = `
-- SHA-256 of the random id in the suggesting browser's httpOnly cookie.
ALTER TABLE corrections ADD COLUMN submitter_hash TEXT;

-- A maintainer's own contact address: a suggestion that gives it is theirs.
ALTER TABLE maintainers ADD COLUMN email TEXT COLLATE NOCASE;

-- The browsers (their submitter cookie's hash) a maintainer logged in from.
CREATE TABLE maintainer_browsers (
	maintainer_id INTEGER NOT NULL REFERENCES maintainers (id) ON DELETE CASCADE,
	submitter_hash TEXT NOT NULL,
	first_seen_at TEXT NOT NULL,
	PRIMARY KEY (maintainer_id, submitter_hash)
);
CREATE INDEX maintainer_browsers_by_hash ON maintainer_browsers (submitter_hash);

-- A maintainer's request to revert an approval made by another maintainer; a second maintainer confirms it.
CREATE TABLE revert_requests (
	correction_id INTEGER PRIMARY KEY REFERENCES corrections (id),
	requested_by INTEGER NOT NULL REFERENCES maintainers (id),
	requested_at TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (length(reason) > 0)
);

-- Who asked for a revert that another maintainer confirmed.
ALTER TABLE revisions ADD COLUMN requested_by INTEGER REFERENCES maintainers (id);
`;
