-- Alerts with their rule and region, newest first; open = not resolved.
CREATE OR REPLACE VIEW v_alert AS
SELECT a.alert_id, a.rule_id, k.label AS rule_label, k.kind, k.metric, a.region_code, r.name AS region_name, r.level,
       a.period, a.value, a.threshold, a.message, a.first_fired_at, a.last_fired_at, a.resolved_at,
       a.resolved_at IS NULL AS open, a.notified_at, a.notify_attempts, a.notify_error
FROM ops_alert a
JOIN dim_region r ON r.code = a.region_code
LEFT JOIN cfg_alert_rule k ON k.rule_id = a.rule_id;
