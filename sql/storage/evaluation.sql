-- Storage for the annual evaluation round (evaluation/, §8, §10–§12 of the standard): the plan
-- with the scheme frozen into it, members, each region's state and its append-only history,
-- the score entries and evidence files, the frozen results (values, scores, report PDF) per
-- freeze version, and the published 通报 per edition. Frozen and published rows are only ever
-- inserted: a re-freeze after an upheld appeal adds version 2 beside version 1.
-- Idempotent: safe to run at every start.

-- A round: its plan as posted, and a copy of the scheme's entries, items and grade bands as they
-- were when it was planned (later edits of seeds/schemes/*.json do not change the round).
CREATE TABLE IF NOT EXISTS eval_round (
  id                   INTEGER NOT NULL,
  name                 VARCHAR NOT NULL,
  year                 INTEGER NOT NULL,
  scheme               VARCHAR NOT NULL,
  scheme_version       VARCHAR NOT NULL,
  scheme_copy          JSON NOT NULL,      -- {entries, items, bands} of dim_scheme_* at planning
  plan                 JSON NOT NULL,      -- the RoundPlan as validated
  state                VARCHAR NOT NULL,   -- open | published
  opened_on            DATE NOT NULL,
  self_evaluation_due  DATE NOT NULL,      -- opened_on + N working days (dim_calendar.workday_seq)
  review_due           DATE NOT NULL,
  published_on         DATE,
  appeal_due           DATE,               -- published_on + N working days
  edition              INTEGER NOT NULL DEFAULT 0,
  created_by           VARCHAR,
  created_at           TIMESTAMP NOT NULL
);

-- Who acts in a round: one row per member, role and region it acts for.
CREATE TABLE IF NOT EXISTS eval_member (
  round_id     INTEGER NOT NULL,
  login        VARCHAR NOT NULL,
  role         VARCHAR NOT NULL,           -- workgroup | agency | third_party | superior | approver
  region_code  VARCHAR,                    -- NULL for a workgroup member
  indicators   VARCHAR[] NOT NULL          -- evaluators: the manual indicators assessed; empty = all
);

-- A region's state in a round; parent_code: the nearest region above it in the round (NULL at the top).
CREATE TABLE IF NOT EXISTS eval_region (
  round_id     INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  parent_code  VARCHAR,
  state        VARCHAR NOT NULL,
  changed_at   TIMESTAMP NOT NULL
);

-- Append-only: every transition made (the audit log has it too, with the request's origin).
CREATE TABLE IF NOT EXISTS eval_transition (
  round_id     INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  seq          INTEGER NOT NULL,           -- order within the round
  action       VARCHAR NOT NULL,
  from_state   VARCHAR NOT NULL,
  to_state     VARCHAR NOT NULL,
  actor        VARCHAR NOT NULL,
  reason       VARCHAR,
  acted_at     TIMESTAMP NOT NULL
);

-- A score entered in a round (0–100, as raw_manual_score). Submitted entries count in the
-- scores through v_manual_score; drafts do not. Key: round, region, indicator, mode.
CREATE TABLE IF NOT EXISTS eval_entry (
  round_id        INTEGER NOT NULL,
  region_code     VARCHAR NOT NULL,
  indicator_code  VARCHAR NOT NULL,
  mode            VARCHAR NOT NULL,        -- 自我评价 | 第三方评价 | 上级评价
  score           DOUBLE NOT NULL,
  comment         VARCHAR NOT NULL,
  submitted       BOOLEAN NOT NULL,
  assessor        VARCHAR NOT NULL,        -- login of who saved it
  saved_at        TIMESTAMP NOT NULL
);

-- Evidence files of an entry, stored in the database with their SHA-256.
CREATE TABLE IF NOT EXISTS eval_evidence (
  id              INTEGER NOT NULL,
  round_id        INTEGER NOT NULL,
  region_code     VARCHAR NOT NULL,
  indicator_code  VARCHAR NOT NULL,
  file_name       VARCHAR NOT NULL,
  media_type      VARCHAR NOT NULL,
  size_bytes      BIGINT NOT NULL,
  sha256          VARCHAR NOT NULL,        -- hex SHA-256 of content
  content         BLOB NOT NULL,
  uploaded_by     VARCHAR NOT NULL,
  uploaded_at     TIMESTAMP NOT NULL
);

-- One freeze of a region in a round: its header, total, grade, rank and the report PDF as rendered.
CREATE TABLE IF NOT EXISTS eval_frozen_report (
  round_id     INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  version      INTEGER NOT NULL,           -- 1, then 2 after an upheld appeal's re-approval, …
  frozen_at    TIMESTAMP NOT NULL,         -- CST wall-clock time
  frozen_by    VARCHAR NOT NULL,
  total        DECIMAL(18, 8),
  grade        VARCHAR,
  rank         INTEGER,                    -- among the region's peers (v_score_peer) at freezing
  peers        INTEGER,
  last_run_id  BIGINT NOT NULL,            -- the last collector run landed before it: later runs' rows are "after the freeze"
  pdf          BLOB NOT NULL,
  sha256       VARCHAR NOT NULL
);

-- Every indicator value of the region and year at freezing, with its numerator and denominator.
CREATE TABLE IF NOT EXISTS eval_frozen_value (
  round_id     INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  version      INTEGER NOT NULL,
  metric       VARCHAR NOT NULL,
  numerator    DOUBLE,
  denominator  DOUBLE,
  value        DOUBLE
);

-- Every score line at freezing: level 'indicator' (one per scheme entry), 'P2', 'P1', 'E' (the
-- capped bonus) and 'total' (with grade and rank).
CREATE TABLE IF NOT EXISTS eval_frozen_score (
  round_id     INTEGER NOT NULL,
  region_code  VARCHAR NOT NULL,
  version      INTEGER NOT NULL,
  level        VARCHAR NOT NULL,           -- indicator | P2 | P1 | E | total
  code         VARCHAR NOT NULL,           -- indicator: indicator_code/metric; P1, P2: item code; E, total: the level
  name         VARCHAR NOT NULL,
  source       VARCHAR,                    -- computed | manual (indicator lines)
  points       DECIMAL(18, 8),
  max_points   DECIMAL(18, 8),
  grade        VARCHAR,
  rank         INTEGER,
  ord          INTEGER NOT NULL
);

-- A published 通报: each edition's HTML, PDF and XLSX with their hashes.
CREATE TABLE IF NOT EXISTS eval_publication (
  round_id      INTEGER NOT NULL,
  edition       INTEGER NOT NULL,
  published_on  DATE NOT NULL,
  published_by  VARCHAR NOT NULL,
  html          BLOB NOT NULL,
  html_sha256   VARCHAR NOT NULL,
  pdf           BLOB NOT NULL,
  pdf_sha256    VARCHAR NOT NULL,
  xlsx          BLOB NOT NULL,
  xlsx_sha256   VARCHAR NOT NULL
);
