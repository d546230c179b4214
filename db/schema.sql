-- The full current schema for a new database (version 11).
-- Keep in step with db/migrations/: tests/test_migrations.py compares the two.
PRAGMA application_id = 1414676820;
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE agency_aliases (
    alias TEXT PRIMARY KEY,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    source_name TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    stated_total_kind TEXT CHECK (stated_total_kind IN ('amount', 'none', 'na', 'dash')),
    stated_total_satang INTEGER,
    imported_at TEXT NOT NULL
);
CREATE TABLE strategies (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    stated_budget_kind TEXT CHECK (stated_budget_kind IN ('amount', 'none', 'na', 'dash')),
    stated_budget_satang INTEGER,
    source_line INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    UNIQUE (plan_id, number)
);
CREATE TABLE tactics (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    strategy_id INTEGER NOT NULL REFERENCES strategies(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    tactic_id INTEGER NOT NULL REFERENCES tactics(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    position INTEGER NOT NULL
, predecessor_uid TEXT NOT NULL DEFAULT '');
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    unit TEXT NOT NULL DEFAULT '',
    target REAL,
    indicator TEXT NOT NULL DEFAULT '',
    expected_result TEXT NOT NULL DEFAULT '',
    quarter_from INTEGER NOT NULL CHECK (quarter_from BETWEEN 1 AND 4),
    quarter_to INTEGER NOT NULL CHECK (quarter_to BETWEEN 1 AND 4),
    source_line INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL, predecessor_uid TEXT NOT NULL DEFAULT '',
    CHECK (quarter_from <= quarter_to)
);
CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    agency_id INTEGER REFERENCES agencies(id),
    kind TEXT NOT NULL CHECK (kind IN ('amount', 'none', 'na', 'dash')),
    amount_satang INTEGER CHECK (amount_satang IS NULL OR amount_satang >= 0),
    position INTEGER NOT NULL,
    CHECK ((kind = 'amount') = (amount_satang IS NOT NULL))
);
CREATE TABLE "assignments" (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    position INTEGER NOT NULL,
    written TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, agency_id)
);
CREATE TABLE plan_warnings (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    line INTEGER
, message_key TEXT NOT NULL DEFAULT '');
CREATE INDEX idx_tactics_strategy ON tactics(strategy_id);
CREATE INDEX idx_activities_tactic ON activities(tactic_id);
CREATE INDEX idx_indicators_activity ON indicators(activity_id);
CREATE INDEX idx_budget_lines_indicator ON budget_lines(indicator_id);
CREATE INDEX idx_assignments_agency ON assignments(agency_id);
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
    revision INTEGER NOT NULL DEFAULT 1, office_revision INTEGER, local_edit INTEGER NOT NULL DEFAULT 0 CHECK (local_edit IN (0, 1)), problems TEXT NOT NULL DEFAULT '', suggestions TEXT NOT NULL DEFAULT '',
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
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    indicator_uid TEXT NOT NULL,
    agency_uid TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    added_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    UNIQUE (indicator_uid, agency_uid, quarter, sha256)
);
CREATE INDEX idx_evidence_sha ON evidence(sha256);
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
CREATE TABLE trash (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('strategy', 'tactic', 'activity', 'indicator')),
    uid TEXT NOT NULL,
    parent_uid TEXT NOT NULL,
    position INTEGER NOT NULL,
    payload TEXT NOT NULL,
    removed_at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    restored_at TEXT
);
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
, signed_sha256 TEXT NOT NULL DEFAULT '', reason_key TEXT NOT NULL DEFAULT '');
CREATE INDEX idx_import_ledger_signed ON import_ledger(signed_sha256);
CREATE TABLE conflicts (
    indicator_uid TEXT NOT NULL,
    agency_uid TEXT NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    theirs TEXT NOT NULL,
    office_revision INTEGER NOT NULL,
    file_sha256 TEXT NOT NULL,
    detected_at TEXT NOT NULL, reasons TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_uid, agency_uid, quarter)
);
CREATE INDEX idx_ledger_office ON import_ledger(office_uid, sequence);
CREATE INDEX idx_ledger_sha ON import_ledger(file_sha256);
CREATE TABLE round_dates (
    fiscal_year INTEGER NOT NULL,
    round_id TEXT NOT NULL CHECK (round_id IN ('q1', 'q2', 'q3', 'q4', 'h1', 'y')),
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (fiscal_year, round_id)
);
CREATE TABLE round_submissions (
    id INTEGER PRIMARY KEY,
    office_uid TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    round_id TEXT NOT NULL CHECK (round_id IN ('q1', 'q2', 'q3', 'q4', 'h1', 'y')),
    state TEXT NOT NULL CHECK (state IN ('submitted', 'withdrawn')),
    signer_name TEXT NOT NULL DEFAULT '',
    signer_position TEXT NOT NULL DEFAULT '',
    signed_on TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    audit_high INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_round_submissions ON round_submissions(office_uid, fiscal_year, round_id);
CREATE TABLE round_reviews (
    id INTEGER PRIMARY KEY,
    office_uid TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    round_id TEXT NOT NULL CHECK (round_id IN ('q1', 'q2', 'q3', 'q4', 'h1', 'y')),
    state TEXT NOT NULL CHECK (state IN ('received', 'checked', 'returned', 'accepted', 'unlocked')),
    comment TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_round_reviews ON round_reviews(office_uid, fiscal_year, round_id);
CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    office_uid TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    round_id TEXT CHECK (round_id IS NULL OR round_id IN ('q1', 'q2', 'q3', 'q4', 'h1', 'y')),
    indicator_uid TEXT,
    quarter INTEGER CHECK (quarter IS NULL OR quarter BETWEEN 1 AND 4),
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_review_comments_office ON review_comments(office_uid, fiscal_year);
CREATE TABLE received_submissions (
    id INTEGER PRIMARY KEY,
    office_uid TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    round_id TEXT NOT NULL CHECK (round_id IN ('q1', 'q2', 'q3', 'q4', 'h1', 'y')),
    state TEXT NOT NULL CHECK (state IN ('submitted', 'withdrawn')),
    signer_name TEXT NOT NULL DEFAULT '',
    signer_position TEXT NOT NULL DEFAULT '',
    signed_on TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    file_signed TEXT NOT NULL DEFAULT '',
    UNIQUE (office_uid, fiscal_year, round_id, at, state)
);
CREATE TABLE office_receipts (
    fiscal_year INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    status TEXT NOT NULL,
    counts TEXT NOT NULL DEFAULT '',
    reply_sequence INTEGER NOT NULL,
    PRIMARY KEY (fiscal_year, sequence, imported_at)
);
CREATE UNIQUE INDEX idx_tactics_number ON tactics(strategy_id, number);
CREATE UNIQUE INDEX idx_activities_code ON activities(tactic_id, code);
CREATE TRIGGER activities_code_unique_insert BEFORE INSERT ON activities
WHEN EXISTS (SELECT 1 FROM activities a JOIN tactics t ON t.id = a.tactic_id
             WHERE a.code = NEW.code AND t.strategy_id = (SELECT strategy_id FROM tactics WHERE id = NEW.tactic_id))
BEGIN SELECT RAISE(ABORT, 'duplicate activity code in strategy'); END;
CREATE TRIGGER activities_code_unique_update BEFORE UPDATE OF code, tactic_id ON activities
WHEN EXISTS (SELECT 1 FROM activities a JOIN tactics t ON t.id = a.tactic_id
             WHERE a.code = NEW.code AND a.id != NEW.id
               AND t.strategy_id = (SELECT strategy_id FROM tactics WHERE id = NEW.tactic_id))
BEGIN SELECT RAISE(ABORT, 'duplicate activity code in strategy'); END;
CREATE TABLE agency_duplicates (
    id INTEGER PRIMARY KEY,
    agency_uid TEXT NOT NULL,
    other_uid TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'kept_apart')),
    source TEXT NOT NULL DEFAULT '',
    found_at TEXT NOT NULL,
    decided_at TEXT,
    actor TEXT NOT NULL DEFAULT '',
    CHECK (agency_uid <> other_uid),
    UNIQUE (agency_uid, other_uid)
);
CREATE TABLE agency_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'keep_apart')),
    kept_uid TEXT NOT NULL,
    other_uid TEXT NOT NULL,
    undo TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    undone_at TEXT
);
PRAGMA user_version = 13;
