-- Raw facts as received from the sources (raw_*), kept as delivered; indicators never read
-- them directly but through the additive aggregates and the views.

-- Service cases as received. Natural key: case_id. A case arrives open and again when it ends
-- (completed_at: the day it ended, whatever its outcome).
CREATE TABLE IF NOT EXISTS raw_case (
  case_id            VARCHAR NOT NULL,
  region_code        VARCHAR NOT NULL,
  item               VARCHAR NOT NULL,
  channel            VARCHAR NOT NULL,
  accepted_at        TIMESTAMP NOT NULL,
  completed_at       TIMESTAMP,
  limit_days         INTEGER NOT NULL,
  source_updated_at  TIMESTAMP NOT NULL,
  run_id             BIGINT NOT NULL,
  -- How an ended case ended: completed (办结) | withdrawn (撤回, by the applicant) | rejected
  -- (不予受理/退回); NULL while open. Last, so a database made before it (the column added
  -- below) has the same column order. A row stored before it (NULL with completed_at set)
  -- reads as completed (case_facts), as the platform's records without an outcome are taken.
  outcome            VARCHAR
);
-- Databases made before case outcomes (issue 15): the column, NULL for the cases stored then.
ALTER TABLE raw_case ADD COLUMN IF NOT EXISTS outcome VARCHAR;

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

-- 好差评 ratings of service cases (5.2.2), one per case. Natural key: case_id. A rating arrives
-- when given and again when a 差评 is visited back and when it is rectified (with the
-- follow-up rating). completed_at is the rated case's completion time (for 评价率).
CREATE TABLE IF NOT EXISTS raw_rating (
  case_id            VARCHAR NOT NULL,
  region_code        VARCHAR NOT NULL,
  completed_at       TIMESTAMP NOT NULL,
  rated_at           TIMESTAMP NOT NULL,
  grade              VARCHAR NOT NULL,    -- 非常满意 | 满意 | 基本满意 | 不满意 | 非常不满意
  channel            VARCHAR NOT NULL,
  named              BOOLEAN NOT NULL,    -- 实名 (can be visited back) or anonymous
  visited_at         TIMESTAMP,           -- 差评 visited back; null until then
  rectified_at       TIMESTAMP,           -- 差评 rectified; null until then
  followup_grade     VARCHAR,             -- the rating after rectification
  source_updated_at  TIMESTAMP NOT NULL,
  run_id             BIGINT NOT NULL
);

-- 投诉 complaints (5.2.3) through 12333 and other channels. Natural key: complaint_id. A complaint
-- arrives when received and again when answered and when resolved (with whether the
-- complainant was satisfied). limit_days: working days allowed to answer.
CREATE TABLE IF NOT EXISTS raw_complaint (
  complaint_id       VARCHAR NOT NULL,
  region_code        VARCHAR NOT NULL,
  channel            VARCHAR NOT NULL,    -- 12333 | hotline_12345 | web | window | letter
  received_at        TIMESTAMP NOT NULL,
  limit_days         INTEGER NOT NULL,
  answered_at        TIMESTAMP,           -- null until answered
  resolved_at        TIMESTAMP,           -- null until resolved
  satisfied          BOOLEAN,             -- the complainant's verdict once resolved; null if not given
  source_updated_at  TIMESTAMP NOT NULL,
  run_id             BIGINT NOT NULL
);
