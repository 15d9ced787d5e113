-- 业务经办 and 数据质量 indicators: registration and upload accuracy from the monthly
-- statistical reports' check figures, social-insurance transfers from the case feed.

-- 登记准确度 (2.1.3): 核对关系、录入信息准确性以及单位提报信息与系统基础信息一致性.
-- Chosen definition: registration records checked in the period (核对) and the share found
-- without error. Numerator: records checked minus records with an error; denominator:
-- records checked.
CREATE OR REPLACE VIEW v_registration_accuracy AS
SELECT * FROM report_ratio('registration_accuracy', 'reg_records_checked', 'reg_records_checked', 'reg_records_error');

-- 联网数据上报准确性 (3.5.2 a): uploaded records validated in the period and the share that
-- passed. Numerator: records checked minus records failing validation; denominator: records checked.
CREATE OR REPLACE VIEW v_upload_accuracy AS
SELECT * FROM report_ratio('upload_accuracy', 'upload_records_checked', 'upload_records_checked', 'upload_records_error');

-- 社会保险关系转移接续 (2.4), service items of group 'transfer' (养老/医疗保险关系转移):
-- 合格率 (2.4.1) 办结业务笔数与总业务办理笔数的比例. Chosen definition: transfer cases whose
--   statutory deadline falls in the period and has passed; numerator those concluded within
--   it (a case still open after its deadline is not concluded).
-- 办理时限 (2.4.2): mean handling time in working days of transfer cases completed in the
--   period (lower is better); numerator working days, denominator cases.
CREATE OR REPLACE VIEW v_transfer AS
WITH t AS (
  SELECT * FROM mart_case_period
  WHERE item IN (SELECT code FROM dim_service_item WHERE item_group = 'transfer')
)
SELECT region_code, period_type, period, 'transfer_completion_rate' AS metric,
       SUM(due_on_time) AS numerator, SUM(due) AS denominator
FROM t GROUP BY ALL
UNION ALL
SELECT region_code, period_type, period, 'transfer_handling_days',
       CAST(SUM(completed_workdays) AS DOUBLE), SUM(completed)
FROM t GROUP BY ALL;
