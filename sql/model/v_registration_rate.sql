-- 参保登记率 (1.1.1): 实际登记人数占应登记对象的比例. Numerator: people registered at the
-- period's end; denominator: residents required to register at the period's end.
CREATE OR REPLACE VIEW v_registration_rate AS
SELECT * FROM report_ratio('registration_rate', 'insured_registered', 'insured_target');
