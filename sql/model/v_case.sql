-- Analyst-facing: every case with its derived facts.
CREATE OR REPLACE VIEW v_case AS SELECT * FROM case_facts('raw_case');
