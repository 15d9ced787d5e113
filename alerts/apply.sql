-- Stores the result of an alert evaluation. Reads temp tables alert_now (rows of
-- alert_firing, what fires now) and alert_window (the months evaluated), made by the
-- alert monitor in the same transaction.

-- Still (or again) firing: refresh the figures; a resolved alert that fires again reopens
-- and is delivered to the webhook again.
UPDATE ops_alert AS a
SET value = n.value, threshold = n.threshold, message = n.message, last_fired_at = now()::TIMESTAMP,
    notified_at = CASE WHEN a.resolved_at IS NULL THEN a.notified_at END,
    notify_attempts = CASE WHEN a.resolved_at IS NULL THEN a.notify_attempts ELSE 0 END,
    resolved_at = NULL
FROM alert_now n
WHERE a.rule_id = n.rule_id AND a.region_code = n.region_code AND a.period = n.period;

-- New: one row per (rule, region, period), never twice.
INSERT INTO ops_alert (alert_id, rule_id, region_code, period, value, threshold, message, first_fired_at, last_fired_at)
SELECT nextval('seq_alert_id'), n.rule_id, n.region_code, n.period, n.value, n.threshold, n.message, now()::TIMESTAMP, now()::TIMESTAMP
FROM alert_now n
WHERE NOT EXISTS (SELECT 1 FROM ops_alert a WHERE a.rule_id = n.rule_id AND a.region_code = n.region_code AND a.period = n.period);

-- Resolved: open alerts in the evaluated months that no longer fire, and alerts of rules
-- that were removed from the config.
UPDATE ops_alert AS a SET resolved_at = now()::TIMESTAMP
WHERE a.resolved_at IS NULL
  AND (a.rule_id NOT IN (SELECT rule_id FROM cfg_alert_rule)
       OR (a.period IN (SELECT period FROM alert_window)
           AND NOT EXISTS (SELECT 1 FROM alert_now n WHERE n.rule_id = a.rule_id AND n.region_code = a.region_code AND n.period = a.period)));
