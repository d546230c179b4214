-- Version 11: reporting rounds. The coordinator's dates for a year's rounds (defaults live in
-- domain/rounds.py), an office's sign-offs and withdrawals of a round (the newest row is the state),
-- and the coordinator's review states per office and round (the newest row is the state).
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
-- The narratives of a quarter's result (issue 12): "note" stays the ผลการดำเนินงาน text (what was done,
-- when, where, how many took part); ปัญหาอุปสรรค and ข้อเสนอแนะ/แนวทางแก้ไข beside it.
ALTER TABLE progress ADD COLUMN problems TEXT NOT NULL DEFAULT '';
ALTER TABLE progress ADD COLUMN suggestions TEXT NOT NULL DEFAULT '';
