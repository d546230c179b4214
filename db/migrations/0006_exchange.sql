-- Version 6: exchange files. Pinned office keys, the import ledger, pending conflicts, and on each
-- progress row the office's own revision last imported plus whether the coordinator changed it locally.
ALTER TABLE progress ADD COLUMN office_revision INTEGER;
ALTER TABLE progress ADD COLUMN local_edit INTEGER NOT NULL DEFAULT 0 CHECK (local_edit IN (0, 1));
CREATE TABLE office_keys (
    agency_uid TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    pinned_at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT ''
);
CREATE TABLE import_ledger (
    id INTEGER PRIMARY KEY,
    file_sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    office_uid TEXT NOT NULL DEFAULT '',
    signer_fingerprint TEXT NOT NULL DEFAULT '',
    content_code TEXT NOT NULL DEFAULT '',
    sequence INTEGER,
    exported_at TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('imported', 'unchanged', 'stale', 'conflict', 'rejected')),
    reason TEXT NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    backup_path TEXT NOT NULL DEFAULT '',
    audit_high INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE conflicts (
    indicator_uid TEXT NOT NULL,
    agency_uid TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    theirs TEXT NOT NULL,
    office_revision INTEGER NOT NULL,
    file_sha256 TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (indicator_uid, agency_uid, quarter)
);
CREATE INDEX idx_ledger_office ON import_ledger(office_uid, sequence);
CREATE INDEX idx_ledger_sha ON import_ledger(file_sha256);
