-- 联网数据上报准确性 (3.5.2 a): uploaded records validated in the period and the share that
-- passed. Numerator: records checked minus records failing validation; denominator: records checked.
CREATE OR REPLACE VIEW v_upload_accuracy AS
SELECT * FROM report_ratio('upload_accuracy', 'upload_records_checked', 'upload_records_checked', 'upload_records_error');
