-- 采集隔离数据按原因统计
-- Rows the collectors rejected into quarantine, counted per feed and reason, with the latest
-- time each reason occurred: where the source's data needs fixing first.
SELECT feed, reason, count(*) AS rows_rejected, max(quarantined_at) AS last_seen
FROM ops_quarantine
GROUP BY feed, reason
ORDER BY rows_rejected DESC, feed, reason
