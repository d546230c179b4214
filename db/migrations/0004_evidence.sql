-- Version 4: evidence files attached to a row x agency x quarter. The file itself is kept once
-- per content in the evidence folder beside the database, named by its SHA-256.
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    indicator_uid TEXT NOT NULL,
    agency_uid TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    added_at TEXT NOT NULL,
    UNIQUE (indicator_uid, agency_uid, quarter, sha256)
);
CREATE INDEX idx_evidence_sha ON evidence(sha256);
