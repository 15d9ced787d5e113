-- Additive aggregates (agg_*) the collectors keep exact per batch.

-- Additive case measures per county, day and service item. Each measure is counted on its
-- own day: accepted_* on the acceptance day, due_* on the due day, completed_* on the
-- completion day. Kept exact per collector batch by ingest/feeds/cases.apply.sql.
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
CREATE TABLE IF NOT EXISTS agg_case_duration_month (
  region_code  VARCHAR NOT NULL,
  day          DATE NOT NULL,         -- first day of the completion month
  unit         VARCHAR NOT NULL,
  bucket       INTEGER NOT NULL,
  cases        BIGINT NOT NULL
);

-- Ended cases per county, completion month and outcome (completed 办结 | withdrawn 撤回 |
-- rejected 不予受理/退回), counted on the month of completed_at: the parts of 业务办结率
-- (v_completion_rate), additive so cities and the province are exact sums. Monthly, as
-- agg_case_duration_month, because every period is whole months; an outcome does not depend on
-- the working-day calendar, so calendar imports leave it alone. Kept exact per collector batch
-- by ingest/feeds/cases.apply.sql; filled once for a database made before outcomes (migrate).
CREATE TABLE IF NOT EXISTS agg_case_outcome_month (
  region_code  VARCHAR NOT NULL,
  day          DATE NOT NULL,         -- first day of the completion month
  outcome      VARCHAR NOT NULL,
  cases        BIGINT NOT NULL
);
