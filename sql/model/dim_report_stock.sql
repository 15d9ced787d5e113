-- The figures of the monthly statistical report that are stocks (as at month end); every
-- other figure is a flow (the month's amounts and counts). Read by v_report_period.
CREATE OR REPLACE VIEW dim_report_stock AS
SELECT * FROM (VALUES
  ('insured_target'), ('insured_registered'), ('pension_insured'), ('medical_insured'),
  ('employee_pension_insured'), ('employee_pension_paying'), ('resident_pension_insured'),
  ('resident_medical_insured'), ('pension_retirees'), ('prev_year_employees'),
  ('prev_year_wage_total'), ('employee_pension_fund_balance'), ('employee_medical_fund_balance'),
  ('resident_medical_fund_balance')
) AS t(figure);
