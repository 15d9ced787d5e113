// Month arithmetic on 'YYYY-MM' names.
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../contracts/periods.js';

describe('addMonths', () => {
  it('moves within a year, padding the month', () => {
    expect(addMonths('2025-03', 0)).toBe('2025-03');
    expect(addMonths('2025-03', 6)).toBe('2025-09');
    expect(addMonths('2025-11', -10)).toBe('2025-01');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    // 2025-03 − 12 = 2024-03, − 3 more = 2023-12.
    expect(addMonths('2025-03', -15)).toBe('2023-12');
    // 2025-11 + 2 = 2026-01, + 12 more = 2027-01.
    expect(addMonths('2025-11', 14)).toBe('2027-01');
    expect(addMonths('2025-12', -12)).toBe('2024-12');
  });
});
