-- 征缴经办 (Appendix A 2.2), from the business system's monthly monitoring figures (网络监测法),
-- each a share of a month's duties done as required, flows summed over the period:
-- 申报受理 (2.2.1) 受理缴费申报的及时性: declarations accepted on time over declarations received.
-- 缴费核定 (2.2.2) 对参保单位当期缴费基数和应征数额核定情况: employers whose base was verified over
--   employers due for verification.
-- 费用征收 (2.2.3) 依据实际到账情况入账: money booked as it was received over money received (万元).
-- 补缴欠费 (2.2.4) 补收催缴欠费单位缴纳的社会保险费: arrears recovered over arrears due for
--   recovery in the period (万元).
CREATE OR REPLACE VIEW v_contribution_admin AS
SELECT * FROM report_ratio('declaration_on_time_rate', 'contrib_declarations_on_time', 'contrib_declarations')
UNION ALL
SELECT * FROM report_ratio('base_verification_rate', 'contrib_base_verified', 'contrib_base_due')
UNION ALL
SELECT * FROM report_ratio('contribution_booking_rate', 'contrib_booked', 'contrib_received')
UNION ALL
SELECT * FROM report_ratio('arrears_recovery_rate', 'arrears_recovered', 'arrears_due');
