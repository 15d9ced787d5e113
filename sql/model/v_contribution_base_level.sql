-- 职工社会保险费缴费水平 (1.2.1): 人均缴费基数占统筹地上年度在岗职工平均工资的比例.
-- Chosen definition: the region itself is the 统筹地 (wage_ratio). Numerator: contribution
-- bases declared in the period (万元); denominator: contributor-months (employee pension
-- payers) × last year's average monthly wage. So value = base per contributor and month
-- over last year's average monthly wage.
CREATE OR REPLACE VIEW v_contribution_base_level AS
SELECT * FROM wage_ratio('contribution_base_level', 'contribution_base_total', 'employee_pension_paying');
