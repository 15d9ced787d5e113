-- The moment indicators are evaluated at: a case or upload counts as due once its deadline
-- has passed. China Standard Time wall clock, as timestamps are stored. The one clock of
-- the SQL: the variable as_of when set (Database.setClock, for tests and replays), else now.
CREATE OR REPLACE MACRO as_of_ts() AS
  coalesce(CAST(getvariable('as_of') AS TIMESTAMP), CAST(timezone('Asia/Shanghai', now()) AS TIMESTAMP));
