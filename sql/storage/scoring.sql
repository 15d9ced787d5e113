-- Storage for scoring (评分): the loaded scheme files (dim_scheme*, reloaded from
-- seeds/schemes/*.json at every start) and manual scores imported from sheets
-- (raw_manual_score, kept across restarts). Idempotent: safe to run at every start.

CREATE TABLE IF NOT EXISTS dim_scheme (
  code          VARCHAR PRIMARY KEY,
  name          VARCHAR NOT NULL,
  version       VARCHAR NOT NULL,
  description   VARCHAR NOT NULL,
  total_points  DECIMAL(9, 2) NOT NULL,   -- base points (G indicators) = Σ P1
  bonus_cap     DECIMAL(9, 2) NOT NULL,   -- cap on the sum of E (激励性) points
  file          VARCHAR NOT NULL
);
-- The scheme's one rounding, applied to the total only (score_round); added to older files.
ALTER TABLE dim_scheme ADD COLUMN IF NOT EXISTS rounding_digits INTEGER DEFAULT 2;
ALTER TABLE dim_scheme ADD COLUMN IF NOT EXISTS rounding_mode VARCHAR DEFAULT 'half_up';   -- half_up | half_even

-- First- and second-level items of a scheme (the scheme's own sections; for the
-- standard scheme they are Appendix A's 一级/二级项目).
CREATE TABLE IF NOT EXISTS dim_scheme_item (
  scheme       VARCHAR NOT NULL,
  level        VARCHAR NOT NULL,          -- P1 | P2
  code         VARCHAR NOT NULL,
  parent_code  VARCHAR,                   -- P1 code of a P2 item
  name         VARCHAR NOT NULL,
  max_points   DECIMAL(9, 2) NOT NULL,
  ord          INTEGER NOT NULL
);

-- One scored part of an indicator: a metric with a rule, or a manual score.
CREATE TABLE IF NOT EXISTS dim_scheme_entry (
  scheme          VARCHAR NOT NULL,
  p1_code         VARCHAR NOT NULL,
  p2_code         VARCHAR NOT NULL,
  indicator_code  VARCHAR NOT NULL,       -- Appendix A code
  name            VARCHAR NOT NULL,       -- the scheme's label, else the Appendix A name
  bonus           BOOLEAN NOT NULL,       -- E indicator: points are a capped bonus
  metric          VARCHAR,                -- NULL for manual entries
  source          VARCHAR NOT NULL,       -- computed | manual
  rule            VARCHAR NOT NULL,       -- linear | deduction | manual
  direction       VARCHAR NOT NULL,       -- higher_is_better | lower_is_better
  floor_value     DOUBLE,
  target_value    DOUBLE,
  per_point       DOUBLE,                 -- deduction: points off per unit (percentage point) short of target
  max_points      DECIMAL(9, 2) NOT NULL,
  rule_detail     VARCHAR NOT NULL,       -- the rule in words, for people
  ord             INTEGER NOT NULL
);

-- Grade bands: min_points <= total < max_points (max NULL = no upper bound).
CREATE TABLE IF NOT EXISTS dim_grade_band (
  scheme      VARCHAR NOT NULL,
  grade       VARCHAR NOT NULL,
  min_points  DECIMAL(9, 2) NOT NULL,
  max_points  DECIMAL(9, 2),
  ord         INTEGER NOT NULL
);

-- Manual scores (实地核查法 / 抽样调查法) as imported: score is 0–100, the share of
-- the indicator's full points the assessor awards. Natural key: region, year, indicator, mode.
CREATE TABLE IF NOT EXISTS raw_manual_score (
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  indicator_code  VARCHAR NOT NULL,
  mode            VARCHAR NOT NULL,       -- 自我评价 | 第三方评价 | 上级评价
  score           DOUBLE NOT NULL,
  assessor        VARCHAR NOT NULL,
  source_file     VARCHAR NOT NULL,
  imported_at     TIMESTAMP NOT NULL,
  PRIMARY KEY (region_code, year, indicator_code, mode)
);
