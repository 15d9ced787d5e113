-- 基本养老保险费征缴率 (1.2.2) and 基本医疗保险费征缴率 (1.2.3): 职工基本养老/医疗保险实际
-- 征收额占应征额的比例. Numerator: contributions collected in the period; denominator:
-- contributions due in the period (万元).
CREATE OR REPLACE VIEW v_collection_rate AS
SELECT * FROM report_ratio('pension_collection_rate', 'pension_contrib_collected', 'pension_contrib_due')
UNION ALL
SELECT * FROM report_ratio('medical_collection_rate', 'medical_contrib_collected', 'medical_contrib_due');
