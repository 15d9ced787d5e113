-- 覆盖范围 and 基金征收 (Appendix A 1.1 and 1.2) from the monthly statistical reports.
-- Stock figures take the period's closing month, flows the period's sum (sql/31_report_period.sql).
-- The two helpers first serve all statistical indicator files, 33–36.

-- A ratio of two report figures (each as `amount`), only where the region reported them.
-- With less_figure, the numerator is num_figure minus less_figure (e.g. records checked
-- minus records in error).
CREATE OR REPLACE MACRO report_ratio(metric_code, num_figure, den_figure, less_figure := NULL) AS TABLE
SELECT region_code, period_type, period, metric_code AS metric,
       SUM(amount) FILTER (WHERE figure = num_figure)
         - coalesce(SUM(amount) FILTER (WHERE figure = less_figure), 0) AS numerator,
       SUM(amount) FILTER (WHERE figure = den_figure) AS denominator
FROM mart_report_period
WHERE figure IN (num_figure, den_figure, less_figure)
GROUP BY region_code, period_type, period
HAVING bool_or(figure = num_figure) AND bool_or(figure = den_figure)
   AND bool_or(less_figure IS NULL OR figure = less_figure);

-- An amount per head and month over last year's average monthly wage of employees in post
-- (上年度在岗职工月平均工资) of the region, taken as the 统筹地: its counties' wage bill over
-- their average headcount, / 12, from the period's latest month (published once a year).
-- Numerator: the amount over the period (万元); denominator: head-months (heads at each
-- month's end, summed over the months) × that wage (万元).
CREATE OR REPLACE MACRO wage_ratio(metric_code, amount_figure, heads_figure) AS TABLE
SELECT region_code, period_type, period, metric_code AS metric,
       SUM(amount) FILTER (WHERE figure = amount_figure) AS numerator,
       CAST(SUM(total) FILTER (WHERE figure = heads_figure) AS DOUBLE)
         * CAST(SUM(amount) FILTER (WHERE figure = 'prev_year_wage_total') AS DOUBLE)
         / CAST(SUM(amount) FILTER (WHERE figure = 'prev_year_employees') AS DOUBLE) / 12 AS denominator
FROM mart_report_period
WHERE figure IN (amount_figure, heads_figure, 'prev_year_wage_total', 'prev_year_employees')
GROUP BY region_code, period_type, period
HAVING count(DISTINCT figure) = 4;

-- 参保登记率 (1.1.1): 实际登记人数占应登记对象的比例. Numerator: people registered at the
-- period's end; denominator: residents required to register at the period's end.
CREATE OR REPLACE VIEW v_registration_rate AS
SELECT * FROM report_ratio('registration_rate', 'insured_registered', 'insured_target');

-- 基本养老保险参保率 (1.1.2) and 基本医疗保险参保率 (1.1.3): 实际参保人数占登记人数比例.
-- Numerator: people insured in the scheme (employee and resident schemes together) at the
-- period's end; denominator: people registered at the period's end.
CREATE OR REPLACE VIEW v_coverage_rate AS
SELECT * FROM report_ratio('pension_coverage_rate', 'pension_insured', 'insured_registered')
UNION ALL
SELECT * FROM report_ratio('medical_coverage_rate', 'medical_insured', 'insured_registered');

-- 职工社会保险费缴费水平 (1.2.1): 人均缴费基数占统筹地上年度在岗职工平均工资的比例.
-- Chosen definition: the region itself is the 统筹地 (wage_ratio). Numerator: contribution
-- bases declared in the period (万元); denominator: contributor-months (employee pension
-- payers) × last year's average monthly wage. So value = base per contributor and month
-- over last year's average monthly wage.
CREATE OR REPLACE VIEW v_contribution_base_level AS
SELECT * FROM wage_ratio('contribution_base_level', 'contribution_base_total', 'employee_pension_paying');

-- 基本养老保险费征缴率 (1.2.2) and 基本医疗保险费征缴率 (1.2.3): 职工基本养老/医疗保险实际
-- 征收额占应征额的比例. Numerator: contributions collected in the period; denominator:
-- contributions due in the period (万元).
CREATE OR REPLACE VIEW v_collection_rate AS
SELECT * FROM report_ratio('pension_collection_rate', 'pension_contrib_collected', 'pension_contrib_due')
UNION ALL
SELECT * FROM report_ratio('medical_collection_rate', 'medical_contrib_collected', 'medical_contrib_due');

-- 职工基本养老保险参保缴费率 (1.2.4): 实际缴费人数占参保人数的比例. Numerator: employee
-- pension insured who paid in the period's closing month; denominator: employee pension
-- insured at the period's end.
CREATE OR REPLACE VIEW v_pension_paying_rate AS
SELECT * FROM report_ratio('pension_paying_rate', 'employee_pension_paying', 'employee_pension_insured');
