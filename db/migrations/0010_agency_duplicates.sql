-- Version 10: agency names that may be one office, and the coordinator's decisions about them.
-- A name that no safe rule joins to a known agency becomes a new agency; when it looks like one,
-- the pair waits here ('pending') until the coordinator merges the two or keeps them apart.
-- Agencies are named by uid: a merged agency's row is gone, its uid stays in the history.
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
-- Each merge or keep-apart, with what undoing it must put back (JSON), newest last.
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
