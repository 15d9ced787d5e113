// The collectors' record checks: every record's times become CST wall-clock strings, and a
// bad record is refused with a reason naming the field and showing the value.
import { describe, expect, it } from 'vitest';
import { casesFeed } from '../../ingest/feeds/cases.js';
import { reportsFeed } from '../../ingest/feeds/reports.js';
import { uploadsFeed } from '../../ingest/feeds/uploads.js';
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
    for (const bad of [
      '2025-02-29T10:00:00+08:00',
      '1900-02-29T10:00',
      '2025-04-31T10:00',
      '2025-13-01T10:00',
      '2025-00-10T10:00',
      '2025-03-00T10:00',
      '2025-03-04T24:00',
      '2025-03-04T10:60',
      '2025-03-04T10:59:60',
    ]) {
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

const ctx = { counties: new Set(['370102', '370103']), items: new Set(['reg_enroll']), channels: new Set(['web', 'window']) };
const reason = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(Invalid);
    return (err as Error).message;
  }
  throw new Error('the record was accepted');
};

describe('case records', () => {
  const rec = {
    id: 'A1',
    case_id: 'A1',
    region_code: '370102',
    item: 'reg_enroll',
    channel: 'web',
    accepted_at: '2025-03-03T09:00:00+08:00',
    completed_at: '2025-03-04T01:30:00Z',
    limit_days: 5,
    updated_at: '2025-03-04 12:00',
  };

  it('become one row in column order, times in CST, an absent completion null', () => {
    expect(casesFeed.rows(rec, ctx)).toEqual([['A1', '370102', 'reg_enroll', 'web', '2025-03-03 09:00:00', '2025-03-04 09:30:00', 5, '2025-03-04 12:00:00']]);
    const { completed_at: _, ...open } = rec;
    expect(casesFeed.rows(open, ctx)[0][5]).toBeNull();
  });

  it.each([
    [{ region_code: '379999' }, 'unknown region_code "379999"'],
    [{ channel: 'fax' }, 'unknown channel "fax"'],
    [{ item: 7 }, 'unknown item 7'],
    [{ case_id: '' }, 'case_id is missing or malformed: ""'],
    [{ accepted_at: '2024-13-45 25:61' }, 'accepted_at is not a valid time: "2024-13-45 25:61"'],
    [{ updated_at: 20250304 }, 'updated_at is not an ISO 8601 time: 20250304'],
    [{ limit_days: 366 }, 'limit_days must be an integer from 0 to 365: 366'],
    [{ completed_at: '2025-03-03T08:00:00+08:00' }, 'completed_at 2025-03-03 08:00:00 is before accepted_at 2025-03-03 09:00:00'],
    [{ channel: 'fax', limit_days: -1 }, 'unknown channel "fax"'],
  ])('are refused with the first problem, naming the field and the value: %j', (change, message) => {
    expect(reason(() => casesFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });
});

describe('report records', () => {
  const rec = { region_code: '370103', period: '2025-04', version: 2, submitted_at: '2025-05-06T10:00:00+08:00', figures: { insured: 1000, paying: 900.5 } };

  it('become one row per figure', () => {
    expect(reportsFeed.rows(rec, ctx)).toEqual([
      ['370103', '2025-04-01', 'insured', 1000, 2, '2025-05-06 10:00:00'],
      ['370103', '2025-04-01', 'paying', 900.5, 2, '2025-05-06 10:00:00'],
    ]);
  });

  it.each([
    [{ period: '2025-4' }, 'period must be a month \'YYYY-MM\': "2025-4"'],
    [{ version: undefined }, 'version must be an integer from 1 to 1000: undefined'],
    [{ figures: { insured: 1000, paying: 'abc' } }, 'figure paying must be a non-negative number: "abc"'],
    [{ figures: { insured: -1 } }, 'figure insured must be a non-negative number: -1'],
    [{ figures: { 'Insured persons': 1 } }, 'figure name "Insured persons" is not a metric code'],
    [{ figures: {} }, 'figures must be a non-empty object of metric: value'],
    [{ figures: [1000] }, 'figures must be a non-empty object of metric: value'],
  ])('are refused whole for one bad part: %j', (change, message) => {
    expect(reason(() => reportsFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });
});

describe('upload records', () => {
  const rec = {
    region_code: '370102',
    dataset: 'insured',
    period: '2025-02',
    due_at: '2025-03-10T17:00:00+08:00',
    uploaded_at: null,
    row_count: null,
    updated_at: '2025-03-01T10:00:00+08:00',
  };

  it('keep no row count until the upload arrives', () => {
    expect(uploadsFeed.rows(rec, ctx)).toEqual([['370102', 'insured', '2025-02-01', '2025-03-10 17:00:00', null, null, '2025-03-01 10:00:00']]);
    expect(uploadsFeed.rows({ ...rec, uploaded_at: '2025-03-12T09:00:00+08:00', row_count: 10 }, ctx)[0].slice(4, 6)).toEqual(['2025-03-12 09:00:00', 10]);
  });

  it.each([
    [{ dataset: 'Insured' }, 'dataset is missing or malformed: "Insured"'],
    [{ uploaded_at: '2025-03-12', row_count: 10 }, 'uploaded_at is not an ISO 8601 time: "2025-03-12"'],
    [{ uploaded_at: '2025-03-12T09:00:00+08:00', row_count: 2.5 }, 'row_count must be an integer from 0 to 9007199254740991: 2.5'],
  ])('are refused naming the field: %j', (change, message) => {
    expect(reason(() => uploadsFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });
});
