// The apply script of a feed whose every record carries the whole latest state of one thing
// (an upload obligation, a rating, a complaint): the newest staged version of each key
// replaces the stored one, and the marts are stale from the earliest day either version
// counts on (ops_refresh, sql/storage/operations.sql). Written once here, for each such feed.
export interface LatestState {
  stage: string;
  raw: string;
  /** The natural key's columns. */
  key: readonly string[];
  /** The timestamp column of the earliest day a version counts on in any indicator. */
  staleFrom: string;
}

export function latestStateApply({ stage, raw, key, staleFrom }: LatestState): string {
  const keys = key.join(', ');
  const match = key.map((k) => `r.${k} = b.${k}`).join(' AND ');
  return `
CREATE OR REPLACE TEMP TABLE batch_latest AS
SELECT * FROM ${stage}
QUALIFY row_number() OVER (PARTITION BY ${keys} ORDER BY source_updated_at DESC) = 1;

UPDATE ops_refresh SET
  marts_from = least(marts_from, d.first_day), scores_from = least(scores_from, d.first_day)
FROM (SELECT CAST(min(${staleFrom}) AS DATE) AS first_day FROM (
        SELECT ${staleFrom} FROM batch_latest
        UNION ALL
        SELECT r.${staleFrom} FROM ${raw} r JOIN batch_latest b USING (${keys}))) d
WHERE d.first_day IS NOT NULL;

DELETE FROM ${raw} r USING batch_latest b WHERE ${match};

INSERT INTO ${raw} SELECT * FROM batch_latest;
`;
}
