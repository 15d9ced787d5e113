-- Operations bookkeeping (ops_*): collector runs, watermarks, quarantined rows, and what
-- the next refresh must recompute.

CREATE SEQUENCE IF NOT EXISTS seq_run_id START 1;

CREATE TABLE IF NOT EXISTS ops_run (
  run_id          BIGINT PRIMARY KEY,
  feed            VARCHAR NOT NULL,
  trigger         VARCHAR NOT NULL,     -- schedule | manual | startup | backfill (a window run that leaves the watermark alone) | retry (of a failed refresh, feed 'refresh')
  started_at      TIMESTAMP NOT NULL,
  ended_at        TIMESTAMP,
  status          VARCHAR NOT NULL,     -- running | ok | failed
  rows_in         BIGINT NOT NULL DEFAULT 0,
  rows_written    BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  watermark_from  VARCHAR,
  watermark_to    VARCHAR,
  error           VARCHAR,
  retries         BIGINT NOT NULL DEFAULT 0  -- source calls retried (timeouts, 5xx): a flaky source shows even when the run succeeds
);

CREATE TABLE IF NOT EXISTS ops_watermark (
  feed        VARCHAR PRIMARY KEY,
  watermark   VARCHAR NOT NULL,       -- opaque to the store: the source's "since" value
  updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS ops_quarantine (
  run_id          BIGINT NOT NULL,
  feed            VARCHAR NOT NULL,
  natural_key     VARCHAR,
  reason          VARCHAR NOT NULL,
  payload         VARCHAR NOT NULL,   -- the row as received, JSON text
  quarantined_at  TIMESTAMP NOT NULL
);

-- What the next refresh of the marts must recompute (refreshMarts in warehouse/refresh.ts):
-- every period ending on or after marts_from, and for the scores every period ending on or
-- after scores_from. The collectors' apply scripts lower both to the first day their batch
-- changed; a refresh raises its own to the day it evaluated at, because from then on only
-- deadlines passing later (in that day's periods or after) change a value. A period's values
-- depend on its own days and on earlier periods (环比, 同比, trailing 12 months, year to
-- date), never on later ones, so recomputing from a day onward is exact.
-- coverage: the days from which the case and upload feeds are judged (feed_covered_from)
-- when the marts were computed; a backfill from further back moves it, and then everything
-- is recomputed. One row; 1900-01-01 means recompute everything.
CREATE TABLE IF NOT EXISTS ops_refresh (
  marts_from   DATE NOT NULL,
  scores_from  DATE NOT NULL,
  coverage     VARCHAR
);
INSERT INTO ops_refresh SELECT DATE '1900-01-01', DATE '1900-01-01', NULL
WHERE NOT EXISTS (SELECT 1 FROM ops_refresh);

-- The working-day calendar the case aggregates (agg_*) were computed with: when dim_calendar
-- differs from it at a start (a notice imported, the seeds edited), the aggregates are
-- recomputed from the first changed day on and ops_refresh lowered to it
-- (warehouse/calendar-reconcile.sql). Empty (a database from before it): everything.
CREATE TABLE IF NOT EXISTS ops_calendar (
  day         DATE PRIMARY KEY,
  is_workday  BOOLEAN NOT NULL
);
