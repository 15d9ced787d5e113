-- Reference data (dim_*), reloaded from seeds/ at every start.
-- Storage files are idempotent: safe to run at every start.

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

-- The figures of the monthly statistical report (统计报表) and what a plausible value of each
-- is: the reports feed quarantines a report with a figure not declared here, outside
-- [min_value, max_value], not whole where it counts people or records, or above the figure
-- named in at_most (a part never exceeds its whole: errors ≤ records checked).
CREATE TABLE IF NOT EXISTS dim_report_figure (
  figure     VARCHAR PRIMARY KEY,
  name       VARCHAR NOT NULL,
  unit       VARCHAR NOT NULL,        -- 人 | 条 | 万元
  stock      BOOLEAN NOT NULL,        -- as at month end (people insured, balances); else the month's flow
  whole      BOOLEAN NOT NULL,        -- a count: whole numbers only
  min_value  DOUBLE NOT NULL,
  max_value  DOUBLE NOT NULL,         -- people up to a province's population, amounts up to 1万亿元
  at_most    VARCHAR                  -- another figure of the same report it cannot exceed
);
