-- Version 12: how the plan document writes an agency in a row ("สนง.ศึกษาธิการ จ.ตราด"), printed by the
-- plan printout instead of the register's name; '' when the document wrote the register's name.
-- The table is rebuilt (ALTER TABLE ADD COLUMN would put the column after the primary key clause,
-- which schema.sql cannot write).
CREATE TABLE assignments_v12 (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    position INTEGER NOT NULL,
    written TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, agency_id)
);
INSERT INTO assignments_v12 (indicator_id, agency_id, position) SELECT indicator_id, agency_id, position FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_v12 RENAME TO assignments;
CREATE INDEX idx_assignments_agency ON assignments(agency_id);
