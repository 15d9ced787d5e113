-- Storage: dimensions (dim_*), raw facts as received (raw_*), additive aggregates
-- kept current by the collectors (agg_*), and operations bookkeeping (ops_*).
-- Idempotent: safe to run at every start.

CREATE TABLE IF NOT EXISTS dim_region (
  code         VARCHAR PRIMARY KEY,   -- GB/T 2260 administrative division code
  name         VARCHAR NOT NULL,
  level        VARCHAR NOT NULL,      -- province | city | county
  parent_code  VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_indicator (   -- Appendix A of the standard, one row per indicator
  code         VARCHAR PRIMARY KEY,   -- P1.P2.I, e.g. 2.1.2
  p1           VARCHAR NOT NULL,      -- 一级项目
  p2           VARCHAR NOT NULL,      -- 二级项目
  name         VARCHAR NOT NULL,      -- 评价指标
  category     VARCHAR NOT NULL,      -- G 一般性 | E 激励性
  methods      VARCHAR NOT NULL,      -- 评价方法, ';'-separated
  description  VARCHAR NOT NULL      -- 评价指标说明
);

CREATE TABLE IF NOT EXISTS dim_metric (      -- quantities this system computes from data
  code              VARCHAR PRIMARY KEY,
  name              VARCHAR NOT NULL,
  unit              VARCHAR NOT NULL,
  higher_is_better  BOOLEAN NOT NULL,
  appendix_code     VARCHAR,          -- the Appendix A indicator it measures, if any
  definition        VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_service_item (
  code        VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  item_group  VARCHAR NOT NULL,       -- registration | transfer | benefit | contribution
  limit_days  INTEGER NOT NULL        -- statutory time limit, working days
);

CREATE TABLE IF NOT EXISTS dim_channel (
  code       VARCHAR PRIMARY KEY,
  name       VARCHAR NOT NULL,
  is_online  BOOLEAN NOT NULL         -- 网上/掌上 count as online service
);

CREATE TABLE IF NOT EXISTS dim_holiday (     -- exceptions to the Mon–Fri working week
  day   DATE PRIMARY KEY,
  kind  VARCHAR NOT NULL,             -- holiday (weekday off) | workday (weekend worked, 调休)
  name  VARCHAR NOT NULL
);

-- Service cases as received. Natural key: case_id. A case arrives open and again when completed.
CREATE TABLE IF NOT EXISTS raw_case (
  case_id            VARCHAR NOT NULL,
  region_code        VARCHAR NOT NULL,
  item               VARCHAR NOT NULL,
  channel            VARCHAR NOT NULL,
  accepted_at        TIMESTAMP NOT NULL,
  completed_at       TIMESTAMP,
  limit_days         INTEGER NOT NULL,
  source_updated_at  TIMESTAMP NOT NULL,
  run_id             BIGINT NOT NULL
);

-- Monthly statistical report figures, long format. Natural key: region, month, metric, version.
-- A restatement arrives as a higher version; older versions stay for audit.
CREATE TABLE IF NOT EXISTS raw_report (
  region_code   VARCHAR NOT NULL,
  period_month  DATE NOT NULL,        -- first day of the reported month
  metric        VARCHAR NOT NULL,
  value         DOUBLE NOT NULL,
  version       INTEGER NOT NULL,
  submitted_at  TIMESTAMP NOT NULL,
  run_id        BIGINT NOT NULL
);

-- Networked data upload obligations. Natural key: region, dataset, period.
CREATE TABLE IF NOT EXISTS raw_upload (
  region_code        VARCHAR NOT NULL,
  dataset            VARCHAR NOT NULL,
  period_month       DATE NOT NULL,
  due_at             TIMESTAMP NOT NULL,
  uploaded_at        TIMESTAMP,         -- null while not uploaded
  row_count          BIGINT,
  source_updated_at  TIMESTAMP NOT NULL,
  run_id             BIGINT NOT NULL
);

-- Additive case measures per county, day and service item. Each measure is counted on its
-- own day: accepted_* on the acceptance day, due_* on the due day, completed_* on the
-- completion day. Kept exact per collector batch by sql/maintenance/apply_case_batch.sql.
-- Its size is bounded by counties × days × items, whatever the number of cases.
CREATE TABLE IF NOT EXISTS agg_case_day (
  region_code         VARCHAR NOT NULL,
  day                 DATE NOT NULL,
  item                VARCHAR NOT NULL,
  accepted            BIGINT NOT NULL,
  accepted_online     BIGINT NOT NULL,
  due                 BIGINT NOT NULL,
  due_on_time         BIGINT NOT NULL,
  completed           BIGINT NOT NULL,
  completed_seconds   BIGINT NOT NULL,    -- integer, so sums are exact in any order
  completed_workdays  BIGINT NOT NULL
);

-- Histogram of handling time of completed cases per county and completion month (additive,
-- so quantiles roll up exactly at bucket resolution): unit 'workdays' (exact) or 'hours'
-- (floored to whole hours). Monthly, without the service item: a per-day, per-item
-- histogram grows with the number of cases (14 million rows at 10^7 cases) and made
-- every refresh slow; months add up to quarters and years, which is all the views need.
-- It replaces the per-day table agg_case_duration: a database from before holds raw cases
-- whose histogram must be rebuilt once with sql/maintenance/rebuild_case_aggregates.sql.
DROP TABLE IF EXISTS agg_case_duration;
CREATE TABLE IF NOT EXISTS agg_case_duration_month (
  region_code  VARCHAR NOT NULL,
  day          DATE NOT NULL,         -- first day of the completion month
  unit         VARCHAR NOT NULL,
  bucket       INTEGER NOT NULL,
  cases        BIGINT NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS seq_run_id START 1;

CREATE TABLE IF NOT EXISTS ops_run (
  run_id          BIGINT PRIMARY KEY,
  feed            VARCHAR NOT NULL,
  trigger         VARCHAR NOT NULL,     -- schedule | manual | startup
  started_at      TIMESTAMP NOT NULL,
  ended_at        TIMESTAMP,
  status          VARCHAR NOT NULL,     -- running | ok | failed
  rows_in         BIGINT NOT NULL DEFAULT 0,
  rows_written    BIGINT NOT NULL DEFAULT 0,
  rows_rejected   BIGINT NOT NULL DEFAULT 0,
  watermark_from  VARCHAR,
  watermark_to    VARCHAR,
  error           VARCHAR
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
