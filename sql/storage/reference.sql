-- Reference data (dim_*), reloaded from seeds/ at every start, and the calendar notices imported.
-- Storage files are idempotent: safe to run at every start.

-- Regions: the GB/T 2260 administrative divisions and, beside their counties, the development
-- zones (功能区: 经济技术开发区, 高新技术产业开发区 …), which have statistical codes only (county
-- part 7x). A zone sits under its city at county level, so the city's figures include it.
CREATE TABLE IF NOT EXISTS dim_region (
  code         VARCHAR PRIMARY KEY,   -- statistical division code (统计用区划代码)
  name         VARCHAR NOT NULL,
  level        VARCHAR NOT NULL,      -- province | city | county (a zone is at county level)
  parent_code  VARCHAR,
  kind         VARCHAR NOT NULL CHECK (kind IN ('division', 'zone')),  -- division (GB/T 2260) | zone (功能区, compared among zones only)
  initials     VARCHAR                -- pinyin initials of the name (济南市 → jns), for finding it in a picker
);
-- Databases made before zones were marked or initials kept: the columns, filled by the seeds' next load.
ALTER TABLE dim_region ADD COLUMN IF NOT EXISTS kind VARCHAR;
ALTER TABLE dim_region ADD COLUMN IF NOT EXISTS initials VARCHAR;

CREATE TABLE IF NOT EXISTS dim_indicator (   -- Appendix A of the standard, one row per indicator
  code         VARCHAR PRIMARY KEY,   -- P1.P2.I, e.g. 2.1.2
  p1           VARCHAR NOT NULL,      -- 一级项目
  p2           VARCHAR NOT NULL,      -- 二级项目
  name         VARCHAR NOT NULL,      -- 评价指标
  category     VARCHAR NOT NULL,      -- G 一般性 | E 激励性
  methods      VARCHAR NOT NULL,      -- 评价方法, '、'-separated as printed
  description  VARCHAR NOT NULL,      -- 评价指标说明, word for word with its a) b) c) items
  notes        VARCHAR                -- each correction of the printed text, and why; NULL: as printed
);
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS notes VARCHAR;

-- Configured peer groups (config peerGroups, rewritten at every start): how widely the regions
-- of a kind are compared among themselves. within: city | province (zone only).
CREATE TABLE IF NOT EXISTS cfg_peer_group (
  kind    VARCHAR PRIMARY KEY,         -- zone
  within  VARCHAR NOT NULL CHECK (within IN ('city', 'province'))  -- city: the zones of the same city | province: of the province
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

-- The working-day calendar's exceptions to the Mon–Fri week for every year of the calendar
-- (warehouse/calendar.ts fills it at every start): a year's State Council notice where it is
-- in (seeds/holidays.csv, then raw_holiday_notice), else its statutory holidays by the
-- 《全国年节及纪念日放假办法》, provisional. Recreated at every start like its contents, so a
-- changed definition takes effect.
CREATE OR REPLACE TABLE dim_holiday (
  day     DATE PRIMARY KEY,
  kind    VARCHAR NOT NULL,           -- holiday (weekday off) | workday (weekend worked, 调休)
  name    VARCHAR NOT NULL,
  year    INTEGER NOT NULL,           -- whose arrangement: the day's year, a December day of 元旦 the next
  source  VARCHAR NOT NULL            -- notice | provisional (until that year's notice is imported)
);

-- Notices imported by `npm run calendar -- import` (国务院办公厅关于…年部分节假日安排的通知),
-- kept across starts: each replaces the provisional rows of its year, or the seed's or an
-- earlier import's notice for it.
CREATE TABLE IF NOT EXISTS raw_holiday_notice (
  year         INTEGER NOT NULL,
  day          DATE NOT NULL,
  kind         VARCHAR NOT NULL,
  name         VARCHAR NOT NULL,
  file         VARCHAR NOT NULL,      -- the imported file's name
  imported_at  TIMESTAMP NOT NULL,    -- as_of_ts() when imported
  PRIMARY KEY (year, day)
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
