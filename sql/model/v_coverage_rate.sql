-- 基本养老保险参保率 (1.1.2) and 基本医疗保险参保率 (1.1.3): 实际参保人数占登记人数比例.
-- Numerator: people insured in the scheme (employee and resident schemes together) at the
-- period's end; denominator: people registered at the period's end.
CREATE OR REPLACE VIEW v_coverage_rate AS
SELECT * FROM report_ratio('pension_coverage_rate', 'pension_insured', 'insured_registered')
UNION ALL
SELECT * FROM report_ratio('medical_coverage_rate', 'medical_insured', 'insured_registered');
