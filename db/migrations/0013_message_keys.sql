-- Version 13: texts stored for the screen keep how they were made (issue 15). A plan's warning and an
-- import's reason are stored in Thai, the source language, as before; beside them the message's recipe
-- (its catalog msgid and arguments, JSON; i18n.Message.key) lets the screen show it in the language chosen
-- now (i18n.remake). '' for rows stored before (shown as stored) and for texts made without a recipe.
ALTER TABLE plan_warnings ADD COLUMN message_key TEXT NOT NULL DEFAULT '';
ALTER TABLE import_ledger ADD COLUMN reason_key TEXT NOT NULL DEFAULT '';
