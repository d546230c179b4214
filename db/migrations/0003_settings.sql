-- Version 3: settings of this installation (role, office, reporter and head of office).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
