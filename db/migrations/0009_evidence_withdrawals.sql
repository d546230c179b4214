-- Version 9: evidence removal travels, and files are known by their signed content.
-- Each attachment (row, office, quarter, content) carries a revision raised at every add or removal;
-- a removal leaves a withdrawal (tombstone) that exports list, so every order of imports ends in one state.
-- The import ledger keeps the SHA-256 of each file's signed manifest: a copy that differs only in its
-- zip headers is the same file.
ALTER TABLE evidence ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
CREATE TABLE evidence_withdrawn (
    indicator_uid TEXT NOT NULL,
    agency_uid TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    removed_at TEXT NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    PRIMARY KEY (indicator_uid, agency_uid, quarter, sha256)
);
ALTER TABLE import_ledger ADD COLUMN signed_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX idx_import_ledger_signed ON import_ledger(signed_sha256);
