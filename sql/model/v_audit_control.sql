-- 稽核与内控 (Appendix A 3.4, 4.4), from the business system's monthly monitoring figures
-- (网络监测法), summed over the period:
-- 社会保险稽核 (3.4.1) 稽核计划任务完成情况: audit plan items done over items due.
-- 内部控制 (3.4.2) 内部控制监督检查情况: internal-control rule hits closed within their limit
--   over hits raised.
-- 内控稽核 (4.4.1) b) 信息系统对社会保险业务进行全过程有效监控: transactions under the system's
--   internal-control monitoring over all transactions.
-- 医保监控 (4.4.2) b) 对日常就医行为的监控: medical-insurance monitoring hits dealt with in time
--   over hits raised.
CREATE OR REPLACE VIEW v_audit_control AS
SELECT * FROM report_ratio('audit_plan_rate', 'audit_plan_done', 'audit_plan_due')
UNION ALL
SELECT * FROM report_ratio('control_hit_closure_rate', 'control_hits_closed', 'control_hits')
UNION ALL
SELECT * FROM report_ratio('system_monitor_coverage', 'transactions_monitored', 'transactions_total')
UNION ALL
SELECT * FROM report_ratio('medical_monitor_closure_rate', 'medical_monitor_closed', 'medical_monitor_hits');
