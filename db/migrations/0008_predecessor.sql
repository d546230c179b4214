-- Copy-to-next-year keeps a link from each activity and indicator row to the one it was copied from
-- (the previous year's uid; '' for a part that has no predecessor).
ALTER TABLE activities ADD COLUMN predecessor_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN predecessor_uid TEXT NOT NULL DEFAULT '';
