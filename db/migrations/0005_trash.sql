-- Version 5: removed plan parts are kept here (the whole subtree as JSON) so that a removal can be
-- undone; progress refers to rows by uid, so it comes back with the restored row.
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
