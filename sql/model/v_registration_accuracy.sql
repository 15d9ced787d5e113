-- 登记准确度 (2.1.3): 核对关系、录入信息准确性以及单位提报信息与系统基础信息一致性.
-- Chosen definition: registration records checked in the period (核对) and the share found
-- without error. Numerator: records checked minus records with an error; denominator:
-- records checked.
CREATE OR REPLACE VIEW v_registration_accuracy AS
SELECT * FROM report_ratio('registration_accuracy', 'reg_records_checked', 'reg_records_checked', 'reg_records_error');
