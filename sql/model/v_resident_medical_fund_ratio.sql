-- 城乡居民医疗保险基金支付能力 (1.3.6): 当年支付能力与上一个期末支付能力的比例.
-- Chosen definition: 支付能力 = months of payout (v_fund_months); 上一个期末 = the end of the
-- previous year, whose capacity is the previous year's figure (balance at its last reported
-- month over its average monthly expenditure). Numerator: months of payout of the period;
-- denominator: months of payout of the previous year; no row without the previous year.
CREATE OR REPLACE VIEW v_resident_medical_fund_ratio AS
SELECT cur.region_code, cur.period_type, cur.period, 'resident_medical_fund_ratio' AS metric,
       cur.balance / cur.monthly_expense AS numerator, prev.balance / prev.monthly_expense AS denominator
FROM v_fund_months cur
JOIN v_fund_months prev
  ON prev.fund = cur.fund AND prev.region_code = cur.region_code
 AND prev.period_type = 'year' AND prev.period = CAST(CAST(left(cur.period, 4) AS INTEGER) - 1 AS VARCHAR)
WHERE cur.fund = 'resident_medical';
