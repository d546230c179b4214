-- Version 2: quarterly progress per indicator row x agency x quarter, and the audit log.
-- Progress refers to rows and agencies by their stable uid, so it outlives a plan
-- revision that removes or renumbers a row (the row's progress is kept, not cascaded).
CREATE TABLE progress (
    id INTEGER PRIMARY KEY,
    indicator_uid TEXT NOT NULL,
    agency_uid TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    achieved REAL,
    spent_satang INTEGER CHECK (spent_satang IS NULL OR spent_satang >= 0),
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    note TEXT NOT NULL DEFAULT '',
    reporter TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (indicator_uid, agency_uid, quarter)
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_uid TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX idx_progress_agency ON progress(agency_uid);
CREATE INDEX idx_audit_entity ON audit_log(entity, entity_uid);
