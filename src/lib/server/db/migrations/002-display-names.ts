// Migration 2: maintainers get a public display name, so that login names are never published.
export const sql = `
ALTER TABLE maintainers ADD COLUMN display_name TEXT COLLATE NOCASE CHECK (length(display_name) BETWEEN 2 AND 60);
UPDATE maintainers SET display_name = 'Maintainer ' || id;
CREATE UNIQUE INDEX maintainers_by_display_name ON maintainers (display_name);
`;
