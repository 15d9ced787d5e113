-- 职工基本养老保险保障水平 (1.3.1): 职工月人均基本养老金占统筹地在岗职工月平均工资的比例.
-- Chosen definition: the region itself is the 统筹地, and the wage is last year's average
-- monthly wage (this year's is published only after the year), as in wage_ratio. Numerator:
-- basic pensions paid in the period (万元); denominator: retiree-months × that wage (万元).
-- So value = pension per retiree and month over the average monthly wage.
CREATE OR REPLACE VIEW v_pension_replacement_rate AS
SELECT * FROM wage_ratio('pension_replacement_rate', 'pension_benefit_paid', 'pension_retirees');
