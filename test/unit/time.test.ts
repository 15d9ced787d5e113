// China Standard Time at the edges of days, months and years: CST is UTC+8, so a CST day
// starts at 16:00 UTC the day before.
import { describe, expect, it } from 'vitest';
import { DAY, addDays, dayOf, dayStart, isoCst, monthOf, wallCst } from '../../core/time.js';

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, min, s, ms);

describe('CST days', () => {
  it('starts a CST day at 16:00 UTC of the day before', () => {
    expect(dayStart('2025-03-01')).toBe(utc(2025, 2, 28, 16));
    expect(dayStart('2025-01-01')).toBe(utc(2024, 12, 31, 16));
    expect(dayStart('2025-03-02') - dayStart('2025-03-01')).toBe(DAY);
    expect(DAY).toBe(86_400_000);
  });

  it('names the CST day of an instant, changing at 16:00 UTC', () => {
    expect(dayOf(utc(2025, 2, 28, 15, 59, 59, 999))).toBe('2025-02-28');
    expect(dayOf(utc(2025, 2, 28, 16))).toBe('2025-03-01');
    expect(dayOf(utc(2024, 12, 31, 15, 59, 59, 999))).toBe('2024-12-31');
    expect(dayOf(utc(2024, 12, 31, 16))).toBe('2025-01-01');
    // 23:00 UTC on 2 March is already 07:00 on 3 March in CST.
    expect(dayOf(utc(2025, 3, 2, 23))).toBe('2025-03-03');
    expect(dayOf(dayStart('2024-02-29'))).toBe('2024-02-29');
  });

  it('writes an instant as ISO 8601 with +08:00 and as the store’s wall clock, seconds only', () => {
    expect(isoCst(utc(2024, 12, 31, 16))).toBe('2025-01-01T00:00:00+08:00');
    expect(isoCst(utc(2025, 3, 4, 1, 5, 7, 999))).toBe('2025-03-04T09:05:07+08:00');
    expect(wallCst(utc(2024, 12, 31, 15, 59, 59))).toBe('2024-12-31 23:59:59');
    expect(wallCst(utc(2025, 3, 4, 1, 5, 7, 999))).toBe('2025-03-04 09:05:07');
    expect(Date.parse(isoCst(utc(2025, 6, 30, 20, 30)))).toBe(utc(2025, 6, 30, 20, 30));
  });

  it('adds days across month and year ends, leap days included, both ways', () => {
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    // 31 January + 28 days = 28 February, + 30 = 2 March.
    expect(addDays('2025-01-31', 30)).toBe('2025-03-02');
    expect(addDays('2025-03-15', 0)).toBe('2025-03-15');
    expect(addDays('2024-03-01', -366)).toBe('2023-03-01'); // back over 29 February 2024
  });

  it('takes the month of a day', () => {
    expect(monthOf('2025-03-31')).toBe('2025-03');
    expect(monthOf(dayOf(utc(2024, 12, 31, 16)))).toBe('2025-01');
  });
});
