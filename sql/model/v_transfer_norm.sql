-- 转移接续规范性 (Appendix A 2.4.3) b) 社保关系及转移社保费数据核对: transfers whose insurance
--   record and transferred funds matched when checked, over transfers checked.
-- 部级系统接入与应用 (4.5.1) a) b) 部级养老、医疗保险转移接续系统接入及业务办理: transfers handled
--   through the ministry's national transfer system over all transfers handled.
-- From the business system's monthly monitoring figures (网络监测法), summed over the period.
CREATE OR REPLACE VIEW v_transfer_norm AS
SELECT * FROM report_ratio('transfer_data_match_rate', 'transfer_data_matched', 'transfer_data_checked')
UNION ALL
SELECT * FROM report_ratio('transfer_national_rate', 'transfers_national', 'transfers_total');
