-- All computed metrics in one long table: region × period × metric, with the additive parts.
-- value = 100 × numerator / denominator for '%' metrics, numerator / denominator otherwise;
-- every part is summed from counties (never an average of ratios). A new indicator view
-- joins this union.
CREATE OR REPLACE VIEW v_metric_value AS
WITH ratios AS (
  SELECT * FROM v_on_time_rate
  UNION ALL SELECT * FROM v_online_rate
  UNION ALL SELECT * FROM v_upload_timeliness
  UNION ALL SELECT * FROM v_handling_mean
  UNION ALL SELECT * FROM v_registration_rate
  UNION ALL SELECT * FROM v_coverage_rate
  UNION ALL SELECT * FROM v_contribution_base_level
  UNION ALL SELECT * FROM v_collection_rate
  UNION ALL SELECT * FROM v_pension_paying_rate
  UNION ALL SELECT * FROM v_pension_replacement_rate
  UNION ALL SELECT * FROM v_medical_reimbursement_rate
  UNION ALL SELECT * FROM v_fund_payout_months
  UNION ALL SELECT * FROM v_resident_medical_fund_ratio
  UNION ALL SELECT * FROM v_resident_subsidy_growth
  UNION ALL SELECT * FROM v_fiscal_input_ratio
  UNION ALL SELECT * FROM v_registration_accuracy
  UNION ALL SELECT * FROM v_upload_accuracy
  UNION ALL SELECT * FROM v_transfer
  UNION ALL SELECT * FROM v_rating
  UNION ALL SELECT * FROM v_contribution_admin
  UNION ALL SELECT * FROM v_benefit_payment
  UNION ALL SELECT * FROM v_transfer_norm
  UNION ALL SELECT * FROM v_audit_control
  UNION ALL SELECT * FROM v_complaint
  UNION ALL SELECT * FROM v_disclosure
  UNION ALL SELECT * FROM v_cost_per_transaction
  UNION ALL SELECT * FROM v_completion_rate
)
SELECT r.region_code, r.period_type, r.period, r.metric,
       CAST(r.numerator AS DOUBLE) AS numerator, CAST(r.denominator AS DOUBLE) AS denominator,
       CASE WHEN r.denominator = 0 THEN NULL
            ELSE (CASE m.unit WHEN '%' THEN 100.0 ELSE 1.0 END) * r.numerator / r.denominator END AS value
FROM ratios r JOIN dim_metric m ON m.code = r.metric
WHERE r.denominator > 0 -- nothing to judge: no row rather than an empty value
UNION ALL
SELECT region_code, period_type, period, metric, numerator, CAST(denominator AS DOUBLE), value
FROM v_handling_quantiles;
