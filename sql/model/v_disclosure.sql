-- 政务公开 (Appendix A 5.3.1) 应公开的社保经办、管理事项以及政务信息公开的及时性: items required
--   to be published in the period published on time, over items required.
-- 信息披露 (5.3.2) 信息披露制度落实: fund information required to be disclosed in the period
--   disclosed on time, over items required.
-- From the business system's monthly monitoring figures (网络监测法), summed over the period.
CREATE OR REPLACE VIEW v_disclosure AS
SELECT * FROM report_ratio('disclosure_on_time_rate', 'disclosures_on_time', 'disclosures_due')
UNION ALL
SELECT * FROM report_ratio('fund_disclosure_on_time_rate', 'fund_disclosures_on_time', 'fund_disclosures_due');
