-- Storage for alerts: the threshold rules from config (rewritten at every start by the
-- alert monitor) and the alerts they raised. An alert is one (rule, region, period): it
-- is stored once, re-fired alerts update last_fired_at, and it is resolved (resolved_at
-- set) when the rule no longer fires; it reopens if the rule fires again.

CREATE TABLE IF NOT EXISTS cfg_alert_rule (
  rule_id          VARCHAR PRIMARY KEY,
  kind             VARCHAR NOT NULL,    -- below | above | drop | upload_overdue
  metric           VARCHAR,             -- dim_metric code; NULL for upload_overdue
  threshold        DOUBLE NOT NULL,     -- value (below/above), points (drop) or days (upload_overdue)
  levels           VARCHAR[] NOT NULL,  -- region levels the rule watches
  min_denominator  DOUBLE NOT NULL,     -- ignore periods with fewer cases than this
  label            VARCHAR NOT NULL     -- Chinese name shown on the dashboard
);

CREATE SEQUENCE IF NOT EXISTS seq_alert_id START 1;

CREATE TABLE IF NOT EXISTS ops_alert (
  alert_id         BIGINT PRIMARY KEY,
  rule_id          VARCHAR NOT NULL,
  region_code      VARCHAR NOT NULL,
  period           VARCHAR NOT NULL,    -- month, YYYY-MM
  value            DOUBLE,              -- the value that fired (latest evaluation)
  threshold        DOUBLE NOT NULL,
  message          VARCHAR NOT NULL,
  first_fired_at   TIMESTAMP NOT NULL,
  last_fired_at    TIMESTAMP NOT NULL,
  resolved_at      TIMESTAMP,           -- NULL while open
  notified_at      TIMESTAMP,           -- webhook delivery; NULL until delivered
  notify_attempts  INTEGER NOT NULL DEFAULT 0,
  notify_error     VARCHAR
);
