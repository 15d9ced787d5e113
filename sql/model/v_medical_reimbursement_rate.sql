-- 职工基本医疗保险保障水平 (1.3.2) and 城乡居民医疗保险保障水平 (1.3.3): 政策范围内住院费用
-- 支付比例. Numerator: in-policy inpatient costs paid by the fund in the period; denominator:
-- in-policy inpatient costs incurred in the period (万元).
CREATE OR REPLACE VIEW v_medical_reimbursement_rate AS
SELECT * FROM report_ratio('employee_medical_reimbursement_rate', 'employee_inpatient_reimbursed', 'employee_inpatient_policy_cost')
UNION ALL
SELECT * FROM report_ratio('resident_medical_reimbursement_rate', 'resident_inpatient_reimbursed', 'resident_inpatient_policy_cost');
