-- 投诉处理 (Appendix A 5.2.3) 投诉处理制度的落实情况: complaints (12333 and other channels)
-- answered within the limit over complaints received, from the business system's monthly
-- monitoring figures (网络监测法), summed over the period.
CREATE OR REPLACE VIEW v_complaint AS
SELECT * FROM report_ratio('complaint_answer_rate', 'complaints_answered_in_time', 'complaints_received');
