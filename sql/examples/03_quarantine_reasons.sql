-- 采集隔离数据按原因统计
-- 采集器拒收并隔离的数据行，按数据源和原因计数，附每种原因最近一次出现的时间，
-- 用来判断源系统的数据应先修正哪里。
SELECT feed, reason, count(*) AS rows_rejected, max(quarantined_at) AS last_seen
FROM ops_quarantine
GROUP BY feed, reason
ORDER BY rows_rejected DESC, feed, reason
