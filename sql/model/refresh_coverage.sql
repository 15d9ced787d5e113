-- The feeds' coverage the marts depend on (ops_refresh.coverage).
CREATE OR REPLACE MACRO refresh_coverage() AS
  coalesce(CAST(feed_covered_from('cases') AS VARCHAR), '-') || ' ' || coalesce(CAST(feed_covered_from('uploads') AS VARCHAR), '-');
