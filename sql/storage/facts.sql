-- Raw facts as received from the sources (raw_*), kept as delivered; indicators never read
-- them directly but through the additive aggregates and the views.

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
