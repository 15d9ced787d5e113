-- x × 10^digits as an exact DECIMAL: the part of the score the rounding keeps, and the rest.
CREATE OR REPLACE MACRO score_scaled(x, digits) AS CAST(x AS DECIMAL(18, 8)) * CAST(10 ** digits AS DECIMAL(5, 0));

-- The one rounding of a score (the scheme file's "rounding": digits and mode), applied to the
-- total only; entries and items stay exact, so no rounding error adds up. Exact on DECIMAL:
-- x × 10^digits is split into its whole part and the rest, never a binary float.
--   half_up:   a rest of exactly one half goes up (1.275 → 1.28)
--   half_even: a rest of exactly one half goes to the even digit (1.285 → 1.28, 1.275 → 1.28)
-- Scores are never negative, so "up" is away from zero.
CREATE OR REPLACE MACRO score_round(x, digits, mode) AS
  CAST((floor(score_scaled(x, digits))
        + CASE WHEN score_scaled(x, digits) - floor(score_scaled(x, digits)) > 0.5
                 OR (score_scaled(x, digits) - floor(score_scaled(x, digits)) = 0.5
                     AND (mode = 'half_up' OR floor(score_scaled(x, digits)) % 2 = 1))
               THEN 1 ELSE 0 END)
       * CAST(10 ** (-digits) AS DECIMAL(5, 4)) AS DECIMAL(18, 4));
