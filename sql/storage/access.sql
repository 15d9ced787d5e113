-- Storage for accounts and access (access/): users with their region and roles, the regions
-- an evaluator (评价人) is assigned to score, signed-in sessions, and the audit log.
-- Idempotent: safe to run at every start.

-- One account. region_code NULL: the user sees nothing until an administrator gives one.
-- password_hash NULL: an account that signs in only through single sign-on (OIDC).
CREATE TABLE IF NOT EXISTS app_user (
  login          VARCHAR PRIMARY KEY,     -- the sign-in name, lower-case
  display_name   VARCHAR NOT NULL,
  region_code    VARCHAR,                 -- dim_region.code: the user's region (and its subtree)
  password_hash  VARCHAR,                 -- argon2id PHC string
  failed_count   INTEGER NOT NULL DEFAULT 0,  -- failed sign-ins since the last success
  locked_until   TIMESTAMP,               -- UTC; no sign-in before this (lock-out after repeated failures)
  disabled       BOOLEAN NOT NULL DEFAULT false,
  created_at     TIMESTAMP NOT NULL
);

-- A user's roles: admin 系统管理员, leader 领导, analyst 分析员, agency 经办机构, evaluator 评价人.
CREATE TABLE IF NOT EXISTS app_user_role (
  login  VARCHAR NOT NULL,
  role   VARCHAR NOT NULL,
  PRIMARY KEY (login, role)
);

-- The regions an evaluator enters scores for (each with its subtree).
CREATE TABLE IF NOT EXISTS app_user_assignment (
  login        VARCHAR NOT NULL,
  region_code  VARCHAR NOT NULL,
  PRIMARY KEY (login, region_code)
);

-- A signed-in session. The cookie carries the token; only its SHA-256 is stored, so a copy of
-- the database signs nobody in. Times in UTC (the sessions' clock, access/sessions.ts).
CREATE TABLE IF NOT EXISTS app_session (
  id_hash     VARCHAR PRIMARY KEY,       -- hex SHA-256 of the cookie's token
  login       VARCHAR NOT NULL,
  created_at  TIMESTAMP NOT NULL,
  last_seen   TIMESTAMP NOT NULL,
  expires_at  TIMESTAMP NOT NULL,
  csrf_token  VARCHAR NOT NULL           -- sent back in x-csrf-token on every state-changing request
);

-- Append-only: the application inserts rows and never updates or deletes them (no code path does).
-- id: the next number, taken under the database's single writer (access/audit.ts).
CREATE TABLE IF NOT EXISTS audit_log (
  id          BIGINT PRIMARY KEY,
  acted_at    TIMESTAMP NOT NULL,        -- CST wall-clock time, as the other stored times
  actor       VARCHAR,                   -- login of the acting user; NULL for the shell or an unknown name
  ip          VARCHAR,
  user_agent  VARCHAR,
  action      VARCHAR NOT NULL,          -- login | login_failed | logout | logout_all | password_change | manual_score_import | saved_query_put | saved_query_delete | user_add | user_role | user_reset | round_plan | eval_entry_save | eval_entry_submit | evidence_upload | region_transition | round_publish
  target      VARCHAR,                   -- what was acted on: a login, a saved query's name, a sheet
  before      JSON,                      -- the values before the change (e.g. the manual scores replaced)
  after       JSON                       -- and after
);
