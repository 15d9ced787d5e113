-- A metric's direction as one rule: a change or a gap turned into an improvement, > 0 better
-- whatever the metric's direction (a rise in 限时办结率, a fall in handling time). Every
-- comparison that says better or worse — the rank among peers, 环比 and 同比, the gap to the
-- peers' median — goes through it, so no reader decides good or bad by itself.
CREATE OR REPLACE MACRO improvement(change, higher_is_better) AS
  CASE WHEN higher_is_better THEN change ELSE -change END;
