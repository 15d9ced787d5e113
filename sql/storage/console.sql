-- Storage for the SQL console: analysts' saved queries, one per name.
-- Idempotent: safe to run at every start.
CREATE TABLE IF NOT EXISTS console_saved_query (
  name        VARCHAR PRIMARY KEY,   -- the analyst's label, unique
  query       VARCHAR NOT NULL,      -- the SQL text as typed
  created_at  TIMESTAMP NOT NULL,
  updated_at  TIMESTAMP NOT NULL
);
-- Who saved it (app_user.login; NULL for queries saved before accounts existed): only they or
-- an administrator may change or delete it.
ALTER TABLE console_saved_query ADD COLUMN IF NOT EXISTS owner VARCHAR;
