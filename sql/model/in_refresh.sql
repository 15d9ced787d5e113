-- The day a refresh recomputes from (ops_refresh), set by the refresh as a variable.
CREATE OR REPLACE MACRO refresh_from() AS CAST(getvariable('refresh_from') AS DATE);

-- The periods a refresh recomputes: those ending on or after refresh_from(), i.e. from its
-- month, quarter and year on ('ytd' periods are named by their month). A refresh deletes
-- and re-inserts exactly these rows of every mart (warehouse/pipeline.ts). A plain
-- comparison with constants, so it is pushed down to the period dimension and the views
-- read only the days of those periods.
CREATE OR REPLACE MACRO in_refresh(period_type, period) AS
  period >= CASE period_type
              WHEN 'year' THEN strftime(refresh_from(), '%Y')
              WHEN 'quarter' THEN strftime(refresh_from(), '%Y') || '-Q' || quarter(refresh_from())
              ELSE strftime(refresh_from(), '%Y-%m')
            END;
