-- What the next refresh of the marts must recompute (refreshMarts in server/db/schema.ts):
-- every period ending on or after marts_from, and for the scores every period ending on or
-- after scores_from. The collectors' apply scripts lower both to the first day their batch
-- changed; a refresh raises its own to the day it evaluated at, because from then on only
-- deadlines passing later (in that day's periods or after) change a value. A period's values
-- depend on its own days and on earlier periods (环比, 同比, trailing 12 months, year to
-- date), never on later ones, so recomputing from a day onward is exact.
-- coverage: the days from which the case and upload feeds are judged (feed_covered_from)
-- when the marts were computed; a backfill from further back moves it, and then everything
-- is recomputed. One row; 1900-01-01 means recompute everything.
CREATE TABLE IF NOT EXISTS ops_refresh (
  marts_from   DATE NOT NULL,
  scores_from  DATE NOT NULL,
  coverage     VARCHAR
);
INSERT INTO ops_refresh SELECT DATE '1900-01-01', DATE '1900-01-01', NULL
WHERE NOT EXISTS (SELECT 1 FROM ops_refresh);
