-- 职工基本养老保险参保缴费率 (1.2.4): 实际缴费人数占参保人数的比例. Numerator: employee
-- pension insured who paid in the period's closing month; denominator: employee pension
-- insured at the period's end.
CREATE OR REPLACE VIEW v_pension_paying_rate AS
SELECT * FROM report_ratio('pension_paying_rate', 'employee_pension_paying', 'employee_pension_insured');
