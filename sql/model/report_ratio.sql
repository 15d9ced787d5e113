-- The helpers of the statistical indicators (v_registration_rate … v_upload_accuracy), over
-- mart_report_period: stock figures as at the period's end, flows summed over it.
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
