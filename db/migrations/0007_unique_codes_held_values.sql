-- Version 7: codes unique within their parent, and office values held aside on import.
-- 1. Repair existing duplicates deterministically (first by position keeps its code):
--    a tactic number repeated in a strategy becomes the next numbers after the strategy's highest;
--    an activity code repeated in a strategy (row ids are "strategy/code/n") gets "-2", "-3", ...
CREATE TEMP TABLE repair_tactics AS
    SELECT t.id, (SELECT max(number) FROM tactics m WHERE m.strategy_id = t.strategy_id)
                 + row_number() OVER (PARTITION BY t.strategy_id ORDER BY t.position, t.id) AS number
    FROM tactics t
    WHERE EXISTS (SELECT 1 FROM tactics e WHERE e.strategy_id = t.strategy_id AND e.number = t.number
                  AND (e.position < t.position OR (e.position = t.position AND e.id < t.id)));
UPDATE tactics SET number = (SELECT r.number FROM repair_tactics r WHERE r.id = tactics.id)
WHERE id IN (SELECT id FROM repair_tactics);
DROP TABLE repair_tactics;
CREATE TEMP TABLE repair_activities AS
    SELECT id, code || '-' || n AS code FROM (
        SELECT a.id, a.code, row_number() OVER (PARTITION BY t.strategy_id, a.code
                                                ORDER BY t.position, a.position, a.id) AS n
        FROM activities a JOIN tactics t ON t.id = a.tactic_id)
    WHERE n > 1;
UPDATE activities SET code = (SELECT r.code FROM repair_activities r WHERE r.id = activities.id)
WHERE id IN (SELECT id FROM repair_activities);
DROP TABLE repair_activities;
-- 2. The schema keeps them unique from now on.
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
-- 3. A pending conflict row may be an office value held aside because it no longer fits the plan:
--    its reasons (JSON list of domain/plan_fit.py reason codes); '' for an ordinary conflict.
ALTER TABLE conflicts ADD COLUMN reasons TEXT NOT NULL DEFAULT '';
