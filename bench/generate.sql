-- Synthetic service cases for the benchmark, generated in SQL (no HTTP, no JS loop):
-- gen_cases(first, n, start_day, days, now_ts, lo, hi) returns cases lo .. hi - 1 of the
-- series first .. first + n - 1 with raw_case's columns (outcome among them), the series spread evenly over
-- `days` days from start_day and over the counties, in acceptance order. Completions after now_ts are not yet known, so those cases are open.
-- Item and channel mixes follow the simulator's weights (per cent). Deterministic: every
-- draw is a hash of the case number.
-- A CST wall-clock timestamp as the platform writes it.
CREATE OR REPLACE TEMP MACRO cst_iso(ts) AS strftime(ts, '%Y-%m-%dT%H:%M:%S+08:00');

CREATE OR REPLACE TEMP MACRO gen_cases(first, n, start_day, days, now_ts, lo, hi) AS TABLE
WITH county AS (
  SELECT row_number() OVER (ORDER BY code) - 1 AS k, code FROM dim_region WHERE level = 'county'
), nums AS (
  SELECT i, (SELECT count(*) FROM county) AS counties,
         start_day + CAST((i - first) * days // n AS INTEGER) AS day
  FROM range(lo, hi) t(i)
), c AS (
  SELECT n.i, g.code AS region_code, n.day,
         hash(n.i, 'item') % 100 AS item_draw,
         hash(n.i, 'channel') % 20 AS channel_draw,
         hash(n.i, 'late') % 100 AS late_draw,
         hash(n.i, 'duration') % 1000 AS duration_draw,
         hash(n.i, 'outcome') % 100 AS outcome_draw,
         CAST(n.day AS TIMESTAMP) + INTERVAL 8 HOUR + to_seconds(CAST(hash(n.i, 'time') % 32400 AS BIGINT)) AS accepted_at
  FROM nums n JOIN county g ON g.k = n.i % n.counties
), t AS (
  SELECT c.*,
         CASE WHEN item_draw < 18 THEN 'reg_enroll' WHEN item_draw < 40 THEN 'reg_change'
              WHEN item_draw < 46 THEN 'reg_cancel' WHEN item_draw < 52 THEN 'pension_transfer'
              WHEN item_draw < 57 THEN 'medical_transfer' WHEN item_draw < 65 THEN 'pension_claim'
              WHEN item_draw < 71 THEN 'unemployment_claim' WHEN item_draw < 74 THEN 'injury_claim'
              ELSE 'contrib_declare' END AS item,
         CASE WHEN channel_draw < 9 THEN 'window' WHEN channel_draw < 15 THEN 'web'
              WHEN channel_draw < 19 THEN 'mobile' ELSE 'kiosk' END AS channel
  FROM c
), d AS (
  -- Handling time in calendar days: mostly within the limit (×1.4 for weekends), 8% late.
  SELECT t.*, s.limit_days,
         accepted_at + to_seconds(CAST(
           CASE WHEN late_draw < 8 THEN (s.limit_days * 1.4 + 1 + duration_draw * 0.03) * 86400
                ELSE duration_draw / 1000.0 * s.limit_days * 1.4 * 86400 + 600 END AS BIGINT)) AS done_at
  FROM t JOIN dim_service_item s ON s.code = t.item
)
SELECT region_code || strftime(day, '%Y%m%d') || lpad(CAST(i AS VARCHAR), 10, '0') AS case_id,
       region_code, item, channel, accepted_at,
       CASE WHEN done_at <= now_ts THEN done_at END AS completed_at,
       limit_days,
       CASE WHEN done_at <= now_ts THEN done_at ELSE accepted_at END AS source_updated_at,
       0 AS run_id,
       -- 3% withdrawn by the applicant, 2% rejected, the rest completed (outcome last, as in raw_case).
       CASE WHEN done_at > now_ts THEN NULL WHEN outcome_draw < 3 THEN 'withdrawn' WHEN outcome_draw < 5 THEN 'rejected'
            ELSE 'completed' END AS outcome
FROM d;

-- A source's feed records for cases lo .. hi - 1 (as gen_cases), as the platform would
-- serve them between since_ts and now_ts: each case once when accepted (open) and again
-- when completed; 1% are restated a day after completion (channel, completion and outcome
-- corrected: a completed case restated as withdrawn, any other as completed).
-- updated_at orders the feed; record is the JSON the cases feed reads.
CREATE OR REPLACE TEMP MACRO gen_case_records(first, n, start_day, days, since_ts, now_ts, lo, hi) AS TABLE
WITH c AS (
  SELECT *, hash(case_id, 'restate') % 100 = 0 AS restated FROM gen_cases(first, n, start_day, days, now_ts, lo, hi)
), versions AS (
  SELECT accepted_at AS updated_at, case_id, region_code, item, channel, accepted_at, NULL AS completed_at, NULL AS outcome, limit_days FROM c
  UNION ALL
  SELECT completed_at, case_id, region_code, item, channel, accepted_at, completed_at, outcome, limit_days FROM c
  WHERE completed_at IS NOT NULL
  UNION ALL
  SELECT completed_at + INTERVAL 1 DAY, case_id, region_code, item,
         CASE channel WHEN 'window' THEN 'web' ELSE 'window' END, accepted_at, completed_at + INTERVAL 1 HOUR,
         CASE outcome WHEN 'completed' THEN 'withdrawn' ELSE 'completed' END, limit_days
  FROM c WHERE restated AND completed_at + INTERVAL 1 DAY <= now_ts
)
SELECT updated_at,
       to_json({case_id: case_id, region_code: region_code, item: item, channel: channel,
                accepted_at: cst_iso(accepted_at), completed_at: cst_iso(completed_at), outcome: outcome,
                limit_days: limit_days, updated_at: cst_iso(updated_at)})::VARCHAR AS record
FROM versions
WHERE updated_at >= since_ts AND updated_at <= now_ts;

-- Monthly report figures of every county for `months` months from start_month, version 1,
-- submitted on the 8th of the next month; raw_report's columns.
CREATE OR REPLACE TEMP MACRO gen_report_rows(start_month, months) AS TABLE
WITH m AS (
  SELECT CAST(start_month + to_months(CAST(k AS INTEGER)) AS DATE) AS period_month FROM range(months) t(k)
), base AS (
  SELECT r.code AS region_code, m.period_month,
         200000 + hash(r.code) % 800000 AS target,
         0.9 + (hash(r.code, m.period_month) % 90) / 1000.0 AS coverage
  FROM dim_region r, m WHERE r.level = 'county'
)
SELECT region_code, period_month, metric, value, 1 AS version,
       CAST(period_month + INTERVAL 1 MONTH + INTERVAL 7 DAY + INTERVAL 10 HOUR AS TIMESTAMP) AS submitted_at,
       0 AS run_id
FROM base,
LATERAL (VALUES ('insured_target', CAST(target AS DOUBLE)),
                ('insured_registered', round(target * coverage)),
                ('pension_insured', round(target * coverage * 0.93)),
                ('medical_insured', round(target * coverage * 0.96)),
                ('pension_contrib_due', round(target * coverage * 0.0546, 2)),
                ('pension_contrib_collected', round(target * coverage * 0.0530, 2)),
                ('medical_contrib_due', round(target * coverage * 0.0273, 2)),
                ('medical_contrib_collected', round(target * coverage * 0.0266, 2))) f(metric, value);

CREATE OR REPLACE TEMP MACRO gen_report_records(start_month, months) AS TABLE
SELECT submitted_at AS updated_at,
       to_json({region_code: region_code, period: strftime(period_month, '%Y-%m'), version: version,
                submitted_at: cst_iso(submitted_at), figures: json_group_object(metric, value)})::VARCHAR AS record
FROM gen_report_rows(start_month, months)
GROUP BY region_code, period_month, version, submitted_at;

-- Upload obligations of every county and dataset for `months` months from start_month, due on
-- the 10th of the next month at 17:00; one in ten late; not yet uploaded if after now_ts.
CREATE OR REPLACE TEMP MACRO gen_upload_rows(start_month, months, now_ts) AS TABLE
WITH m AS (
  SELECT CAST(start_month + to_months(CAST(k AS INTEGER)) AS DATE) AS period_month FROM range(months) t(k)
), u AS (
  SELECT r.code AS region_code, d.dataset, m.period_month,
         CAST(m.period_month + INTERVAL 1 MONTH + INTERVAL 9 DAY + INTERVAL 17 HOUR AS TIMESTAMP) AS due_at,
         hash(r.code, d.dataset, m.period_month) AS h
  FROM dim_region r, m, (VALUES ('insured'), ('contribution'), ('benefit'), ('fund')) d(dataset)
  WHERE r.level = 'county'
), t AS (
  SELECT *, due_at + to_seconds(CAST(CASE WHEN h % 10 = 0 THEN CAST(h % 432000 AS BIGINT) ELSE -CAST(h % 518400 AS BIGINT) END AS BIGINT)) AS done_at
  FROM u
)
SELECT region_code, dataset, period_month, due_at,
       CASE WHEN done_at <= now_ts THEN done_at END AS uploaded_at,
       CASE WHEN done_at <= now_ts THEN 1000 + h % 50000 END AS row_count,
       CASE WHEN done_at <= now_ts THEN done_at ELSE CAST(period_month + INTERVAL 1 MONTH AS TIMESTAMP) END AS source_updated_at,
       0 AS run_id
FROM t;

CREATE OR REPLACE TEMP MACRO gen_upload_records(start_month, months, since_ts, now_ts) AS TABLE
SELECT source_updated_at AS updated_at,
       to_json({region_code: region_code, dataset: dataset, period: strftime(period_month, '%Y-%m'),
                due_at: cst_iso(due_at), uploaded_at: cst_iso(uploaded_at), row_count: row_count,
                updated_at: cst_iso(source_updated_at)})::VARCHAR AS record
FROM gen_upload_rows(start_month, months, now_ts)
WHERE source_updated_at >= since_ts;
