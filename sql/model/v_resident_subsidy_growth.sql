-- 城乡居民基本养老保险当地财政人均补贴水平 (1.4.1) and 城乡居民基本医疗保险当地财政人均补贴水平
-- (1.4.2): 人均补贴标准与上年度人均补贴标准的比例. Numerator: subsidy per insured resident and
-- month in the period; denominator: the same over the whole previous year (上年度, its
-- reported months). 100 % = unchanged; no row without the previous year.
CREATE OR REPLACE VIEW v_resident_subsidy_growth AS
SELECT cur.region_code, cur.period_type, cur.period, 'resident_' || cur.scheme || '_subsidy_growth' AS metric,
       cur.per_head_month AS numerator, prev.per_head_month AS denominator
FROM v_resident_subsidy_per_head cur
JOIN v_resident_subsidy_per_head prev
  ON prev.scheme = cur.scheme AND prev.region_code = cur.region_code
 AND prev.period_type = 'year' AND prev.period = CAST(CAST(left(cur.period, 4) AS INTEGER) - 1 AS VARCHAR);
