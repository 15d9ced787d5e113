// The collectors' timestamp check: every record's times become CST wall-clock strings.
import { describe, expect, it } from 'vitest';
import { cstTimestamp, Invalid } from '../../ingest/validate.js';

describe('cstTimestamp', () => {
  it('keeps a China Standard Time as it is, with or without its offset', () => {
    expect(cstTimestamp('2025-03-04T09:05:07+08:00', 't')).toBe('2025-03-04 09:05:07');
    expect(cstTimestamp('2025-03-04T09:05:07+0800', 't')).toBe('2025-03-04 09:05:07');
    expect(cstTimestamp('2025-03-04 09:05', 't')).toBe('2025-03-04 09:05:00');
    expect(cstTimestamp('2025-03-04T09:05:07.250', 't')).toBe('2025-03-04 09:05:07');
  });

  it('moves other offsets to CST, across midnight and month ends', () => {
    expect(cstTimestamp('2025-03-04T23:30:00Z', 't')).toBe('2025-03-05 07:30:00');
    expect(cstTimestamp('2025-02-28T20:00:00-03:00', 't')).toBe('2025-03-01 07:00:00');
    expect(cstTimestamp('2025-01-01T05:29:59+05:30', 't')).toBe('2025-01-01 07:59:59');
    expect(cstTimestamp('2024-12-31T16:00:00Z', 't')).toBe('2025-01-01 00:00:00');
  });

  it('rejects days, hours, minutes and seconds that do not exist', () => {
    for (const bad of ['2025-02-29T10:00:00+08:00', '1900-02-29T10:00', '2025-04-31T10:00', '2025-13-01T10:00',
      '2025-00-10T10:00', '2025-03-00T10:00', '2025-03-04T24:00', '2025-03-04T10:60', '2025-03-04T10:59:60']) {
      expect(() => cstTimestamp(bad, 'accepted_at'), bad).toThrow(new Invalid(`accepted_at is not a valid time: "${bad}"`));
    }
    expect(cstTimestamp('2024-02-29T10:00', 't')).toBe('2024-02-29 10:00:00');
    expect(cstTimestamp('2000-02-29T10:00', 't')).toBe('2000-02-29 10:00:00');
  });

  it('rejects what is not an ISO 8601 time', () => {
    for (const bad of [null, 20250304, '2025/03/04 10:00', '2025-03-04', '10:00']) {
      expect(() => cstTimestamp(bad, 'updated_at')).toThrow(`updated_at is not an ISO 8601 time: ${JSON.stringify(bad)}`);
    }
  });
});
