-- The figures of the monthly statistical report that are stocks (as at month end), as
-- seeds/report-figures.csv declares them; every other figure is a flow (the month's amounts
-- and counts). Read by v_report_period.
CREATE OR REPLACE VIEW dim_report_stock AS
SELECT figure FROM dim_report_figure WHERE stock;
