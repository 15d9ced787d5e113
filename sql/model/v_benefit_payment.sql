-- 待遇给付 (Appendix A 2.3), from the business system's monthly monitoring figures (网络监测法),
-- flows summed over the period:
-- 基本养老保险待遇给付 (2.3.1) c) 养老金当期发放的及时性: pension payments made on time and in
--   full over payments due; a) 待遇领取资格认定: pensioners whose eligibility was certified over
--   those due for certification; d) 防止冒领: deaths found by data comparison whose payments were
--   stopped in the month found, over deaths found.
-- 基本医疗保险待遇给付 (2.3.2) e) 异地就医待遇支付: cross-region medical claims settled directly
--   over cross-region claims.
-- 失业保险待遇给付 (2.3.3) e) 待遇支付: unemployment benefit payments made on time over those due.
-- 工伤保险待遇给付 (2.3.4) d) e) 待遇核定: injury benefit decisions found correct over decisions
--   reviewed.
-- 生育保险待遇给付 (2.3.5) d) 待遇支付: maternity payments made on time over those due.
CREATE OR REPLACE VIEW v_benefit_payment AS
SELECT * FROM report_ratio('pension_paid_on_time_rate', 'pension_payments_on_time', 'pension_payments_due')
UNION ALL
SELECT * FROM report_ratio('pension_certification_rate', 'pension_certified', 'pension_certification_due')
UNION ALL
SELECT * FROM report_ratio('death_stop_rate', 'deaths_stopped_in_time', 'deaths_found')
UNION ALL
SELECT * FROM report_ratio('cross_region_direct_rate', 'medical_cross_region_direct', 'medical_cross_region_claims')
UNION ALL
SELECT * FROM report_ratio('unemployment_paid_on_time_rate', 'unemployment_payments_on_time', 'unemployment_payments_due')
UNION ALL
SELECT * FROM report_ratio('injury_benefit_accuracy', 'injury_benefits_correct', 'injury_benefits_reviewed')
UNION ALL
SELECT * FROM report_ratio('maternity_paid_on_time_rate', 'maternity_payments_on_time', 'maternity_payments_due');
