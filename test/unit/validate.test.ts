// The collectors' record checks: every record's times become CST wall-clock strings, and a
// bad record is refused with a reason naming the field and showing the value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.js';
import { SEEDS_DIR } from '../../core/paths.js';
import { reportFigures as simulatedFigures } from '../../demo/simulator/report-figures.js';
import { rng } from '../../demo/simulator/random.js';
import { World } from '../../demo/simulator/world.js';
import { casesFeed } from '../../ingest/feeds/cases.js';
import { figureProblem, reportsFeed } from '../../ingest/feeds/reports.js';
import { uploadsFeed } from '../../ingest/feeds/uploads.js';
import { ratingsFeed } from '../../ingest/feeds/ratings.js';
import { complaintsFeed } from '../../ingest/feeds/complaints.js';
import { complaintBody, type SimComplaint } from '../../demo/simulator/complaints.js';
import { ratingBody, type SimRating } from '../../demo/simulator/ratings.js';
import { caseBody } from '../../demo/simulator/feeds.js';
import { isoCst } from '../../core/time.js';
import type { ReportFigure, ValidationContext } from '../../ingest/feed.js';
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
      // The usual shape (seconds, +08:00 or none), which is checked by character codes.
      '2025-04-31T10:00:00+08:00',
      '1900-02-29 10:00:00',
      '2025-13-01T10:00:00+08:00',
      '2025-00-10T10:00:00',
      '2025-03-00T10:00:00+08:00',
      '2025-03-04T24:00:00+08:00',
      '2025-03-04T10:60:00+08:00',
      '2025-03-04 10:59:60',
    ]) {
      expect(() => cstTimestamp(bad, 'accepted_at'), bad).toThrow(new Invalid(`accepted_at is not a valid time: "${bad}"`));
    }
    expect(cstTimestamp('2024-02-29T10:00', 't')).toBe('2024-02-29 10:00:00');
    expect(cstTimestamp('2000-02-29T10:00', 't')).toBe('2000-02-29 10:00:00');
    expect(cstTimestamp('2024-02-29T23:59:59+08:00', 't')).toBe('2024-02-29 23:59:59');
    expect(cstTimestamp('2024-12-31 00:00:00', 't')).toBe('2024-12-31 00:00:00');
  });

  it('rejects what is not an ISO 8601 time', () => {
    for (const bad of [null, 20250304, '2025/03/04 10:00', '2025-03-04', '10:00']) {
      expect(() => cstTimestamp(bad, 'updated_at')).toThrow(`updated_at is not an ISO 8601 time: ${JSON.stringify(bad)}`);
    }
  });
});

const people: ReportFigure = { unit: '人', whole: true, min: 0, max: 150_000_000, atMost: null };
const ctx: ValidationContext = {
  counties: new Set(['370102', '370103']),
  items: new Set(['reg_enroll']),
  channels: new Set(['web', 'window']),
  figures: new Map([
    ['employee_pension_insured', people],
    ['employee_pension_paying', { ...people, atMost: 'employee_pension_insured' }],
    ['pension_contrib_due', { unit: '万元', whole: false, min: 0, max: 100_000_000, atMost: null }],
  ]),
  now: Date.parse('2025-06-15T12:00:00+08:00'),
};
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
    // No outcome sent but completed_at set: the case ended 办结 (records from before outcomes).
    expect(casesFeed.rows(rec, ctx)).toEqual([
      ['A1', '370102', 'reg_enroll', 'web', '2025-03-03 09:00:00', '2025-03-04 09:30:00', 'completed', 5, '2025-03-04 12:00:00'],
    ]);
    const { completed_at: _, ...open } = rec;
    expect(casesFeed.rows(open, ctx)[0].slice(5, 7)).toEqual([null, null]);
    expect(casesFeed.rows({ ...open, completed_at: null, outcome: null }, ctx)[0].slice(5, 7)).toEqual([null, null]);
  });

  it('keep the outcome of an ended case: 办结, 撤回 or 不予受理/退回', () => {
    for (const outcome of ['completed', 'withdrawn', 'rejected']) expect(casesFeed.rows({ ...rec, outcome }, ctx)[0][6]).toBe(outcome);
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
    [{ outcome: 'cancelled' }, 'outcome 办理结果未知："cancelled"（应为 completed 办结、withdrawn 撤回或 rejected 不予受理/退回）'],
    [{ outcome: '办结' }, 'outcome 办理结果未知："办结"（应为 completed 办结、withdrawn 撤回或 rejected 不予受理/退回）'],
    [{ completed_at: null, outcome: 'withdrawn' }, '未办结的事项不应有办理结果：outcome 为 withdrawn，completed_at 为空'],
    [{ completed_at: null, outcome: 'cancelled' }, 'outcome 办理结果未知："cancelled"（应为 completed 办结、withdrawn 撤回或 rejected 不予受理/退回）'],
  ])('are refused with the first problem, naming the field and the value: %j', (change, message) => {
    expect(reason(() => casesFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });
});

describe("the simulator's case outcomes", () => {
  // A year of a small world's cases (about 70 000), all ended by the end of 2026.
  const world = new World('outcome-test', 1);
  const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
  const cases = days.flatMap((day) => world.casesAccepted(day));
  const now = Date.parse('2026-12-31T00:00:00+08:00');
  const simCtx: ValidationContext = {
    ...ctx,
    counties: new Set(world.counties.map((c) => c.code)),
    items: new Set(
      parseCsv(readFileSync(join(SEEDS_DIR, 'service-items.csv'), 'utf8'))
        .slice(1)
        .map(([code]) => code),
    ),
    channels: new Set(['web', 'mobile', 'window', 'kiosk']),
  };
  const share = (rows: typeof cases, outcome: string) => rows.filter((c) => c.outcome === outcome).length / rows.length;

  it('differ by county: the most withdrawing county withdraws over twice as often as the median one', () => {
    const byCounty = world.counties
      .map((county) =>
        share(
          cases.filter((c) => c.region_code === county.code),
          'withdrawn',
        ),
      )
      .sort((a, b) => a - b);
    const median = byCounty[Math.floor(byCounty.length / 2)];
    expect(median).toBeGreaterThan(0.01);
    expect(median).toBeLessThan(0.04);
    expect(byCounty.at(-1)!).toBeGreaterThan(2 * median);
    expect(share(cases, 'completed')).toBeGreaterThan(0.9);
  });

  it('reject more in the December peak than in the Spring Festival trough', () => {
    const inMonth = (m: string) => cases.filter((c) => new Date(c.accepted_at + 8 * 3_600_000).toISOString().slice(5, 7) === m);
    expect(share(inMonth('12'), 'rejected')).toBeGreaterThan(1.4 * share(inMonth('02'), 'rejected'));
  });

  it('send a few bad outcomes, each refused with its reason; the rest land with theirs', () => {
    const reasons = new Map<string, number>();
    for (const c of cases) {
      const body = { ...caseBody(c, now), updated_at: '2026-12-30T10:00:00+08:00' };
      if (c.defect === 'outcome_on_open' || c.defect === 'unknown_outcome') {
        const why = reason(() => casesFeed.rows(body, simCtx));
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      } else if (c.defect === undefined) {
        expect(casesFeed.rows(body, simCtx)[0][6]).toBe(c.outcome);
      }
    }
    const counts = [...reasons.entries()].sort();
    // Both kinds, the open one naming the outcome it was sent with (mostly completed).
    expect(counts.map(([why]) => why)).toContain('outcome 办理结果未知："作废"（应为 completed 办结、withdrawn 撤回或 rejected 不予受理/退回）');
    expect(counts.map(([why]) => why)).toContain('未办结的事项不应有办理结果：outcome 为 completed，completed_at 为空');
    for (const [why] of counts)
      expect(why).toMatch(/^outcome 办理结果未知："作废"|^未办结的事项不应有办理结果：outcome 为 (completed|withdrawn|rejected)，completed_at 为空$/);
    // About 0.03 % of the cases: a few of each kind.
    const bad = counts.reduce((s, [, n]) => s + n, 0);
    expect(bad).toBeGreaterThan(5);
    expect(bad).toBeLessThan(cases.length * 0.001);
  });
});

describe('report records', () => {
  const rec = {
    region_code: '370103',
    period: '2025-04',
    version: 2,
    submitted_at: '2025-05-06T10:00:00+08:00',
    figures: { employee_pension_insured: 1000, pension_contrib_due: 900.5 },
  };

  it('become one row per figure', () => {
    expect(reportsFeed.rows(rec, ctx)).toEqual([
      ['370103', '2025-04-01', 'employee_pension_insured', 1000, 2, '2025-05-06 10:00:00'],
      ['370103', '2025-04-01', 'pension_contrib_due', 900.5, 2, '2025-05-06 10:00:00'],
    ]);
  });

  it.each([
    [{ period: '2025-4' }, 'period must be a month \'YYYY-MM\': "2025-4"'],
    [{ version: undefined }, 'version must be an integer from 1 to 1000: undefined'],
    [
      { figures: { employee_pension_insured: 1000, pension_contrib_due: 'abc' } },
      'figure pension_contrib_due must be a number from 0 to 100000000 万元: "abc"',
    ],
    [{ figures: { employee_pension_insured: -1 } }, 'figure employee_pension_insured must be a whole number from 0 to 150000000 人: -1'],
    [{ figures: { 'Insured persons': 1 } }, 'unknown figure "Insured persons" (the report\'s figures are declared in seeds/report-figures.csv)'],
    [{ figures: {} }, 'figures must be a non-empty object of figure: value'],
    [{ figures: [1000] }, 'figures must be a non-empty object of figure: value'],
  ])('are refused whole for one bad part: %j', (change, message) => {
    expect(reason(() => reportsFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });

  // What a hostile report file held: each would be stored without its check.
  it.each([
    [{ figures: { pension_contrib_due: 1e308 } }, 'figure pension_contrib_due must be a number from 0 to 100000000 万元: 1e+308'],
    [{ figures: { employee_pension_insured: 150_000_001 } }, 'figure employee_pension_insured must be a whole number from 0 to 150000000 人: 150000001'],
    [{ figures: { employee_pension_insured: 10.5 } }, 'figure employee_pension_insured must be a whole number from 0 to 150000000 人: 10.5'],
    [
      { figures: { employee_pension_insured: 100, employee_pension_paying: 101 } },
      'figure employee_pension_paying (101) must not exceed employee_pension_insured (100)',
    ],
    [{ period: '2099-01' }, 'period must be a month from 2000-01 to 2025-06: "2099-01"'],
    [{ period: '2025-07' }, 'period must be a month from 2000-01 to 2025-06: "2025-07"'],
    [{ period: '1999-12' }, 'period must be a month from 2000-01 to 2025-06: "1999-12"'],
    [{ submitted_at: '2025-06-15T12:30:00+08:00' }, 'submitted_at 2025-06-15 12:30:00 is in the future'],
  ])('are refused when implausible, naming the figure, value and range: %j', (change, message) => {
    expect(reason(() => reportsFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });

  it('take the current month, a part equal to its whole and a clock a few minutes ahead', () => {
    const plausible = {
      ...rec,
      period: '2025-06',
      submitted_at: '2025-06-15T12:05:00+08:00',
      figures: { employee_pension_insured: 100, employee_pension_paying: 100 },
    };
    expect(reportsFeed.rows(plausible, ctx)).toHaveLength(2);
  });
});

describe('the declared report figures', () => {
  const [header, ...lines] = parseCsv(readFileSync(join(SEEDS_DIR, 'report-figures.csv'), 'utf8'));
  const declared = new Map(
    lines.map((cells) => {
      const f = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
      return [f.figure, { unit: f.unit, whole: f.whole === 'true', min: Number(f.min_value), max: Number(f.max_value), atMost: f.at_most || null }];
    }),
  );

  it('hold every report the simulated platform sends, small rural and large urban counties alike', () => {
    const r = rng('validate-test');
    const problems = new Set<string>();
    for (const [i, population] of [20_000, 300_000, 1_500_000].entries()) {
      const county = { code: `37010${i}`, name: i === 2 ? '历下区' : '平阴县', cityCode: '370100', onTime: r(), population };
      for (const period of ['2024-01', '2025-06', '2026-12']) problems.add(String(figureProblem(simulatedFigures('seed', county, period, r), declared)));
    }
    expect([...problems]).toEqual(['null']);
  });

  it('refuse the odd report sent with a monitoring count above its total or negative running costs, and take its correction', () => {
    const world = new World('slip-test', 1);
    const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const sent = world.counties.flatMap((county) => months.map((period) => world.reports(county, period, Date.parse('2027-01-01T00:00:00+08:00'))));
    const slipped = sent.filter((versions) => figureProblem(versions[0].figures, declared) !== null);
    // About 0.3 % + 0.3 % of the 151 × 24 reports; each names the count and its total, or the
    // running costs and their range.
    const problems = slipped.map((versions) => String(figureProblem(versions[0].figures, declared)));
    expect(problems.filter((p) => p.startsWith('figure running_cost')).length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.includes('must not exceed')).length).toBeGreaterThan(0);
    expect(slipped.length).toBeLessThan(sent.length * 0.015);
    for (const versions of slipped) {
      expect(figureProblem(versions[0].figures, declared)).toMatch(
        /^figure \w+ \(\d+(\.\d+)?\) must not exceed \w+ \(\d+(\.\d+)?\)$|^figure running_cost must be a number from 0 to 10000000 万元: -\d+(\.\d+)?$/,
      );
      expect(versions[1].version).toBe(2);
      expect(figureProblem(versions[1].figures, declared)).toBeNull();
    }
  });

  it('name only figures that exist, each part within a declared whole', () => {
    for (const [name, f] of declared) {
      expect(f.min, name).toBe(0);
      expect(f.max, name).toBeGreaterThan(0);
      if (f.atMost) expect(declared.get(f.atMost)?.unit, name).toBe(f.unit);
    }
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

describe('rating records (好差评)', () => {
  const rec = {
    case_id: '370102202504250001',
    region_code: '370102',
    completed_at: '2025-04-25T09:00:00+08:00',
    rated_at: '2025-04-25T10:00:00+08:00',
    grade: '不满意',
    channel: 'window',
    named: true,
    visited_at: '2025-04-27T15:00:00+08:00',
    rectified_at: null,
    followup_grade: null,
    updated_at: '2025-04-27T15:00:00+08:00',
  };

  it('land as one row per case, visit and rectification null until they happen', () => {
    expect(ratingsFeed.rows(rec, ctx)).toEqual([
      [
        '370102202504250001',
        '370102',
        '2025-04-25 09:00:00',
        '2025-04-25 10:00:00',
        '不满意',
        'window',
        'true',
        '2025-04-27 15:00:00',
        null,
        null,
        '2025-04-27 15:00:00',
      ],
    ]);
  });

  it.each([
    [{ grade: '一般' }, 'unknown grade "一般"'],
    [{ named: 'yes' }, 'named must be true or false: "yes"'],
    [{ rated_at: '2025-04-25T08:00:00+08:00' }, "rated_at 2025-04-25 08:00:00 is before the case's completed_at 2025-04-25 09:00:00"],
    [{ visited_at: '2025-04-24T15:00:00+08:00' }, 'visited_at 2025-04-24 15:00:00 is before rated_at 2025-04-25 10:00:00'],
    [{ followup_grade: 'good' }, 'unknown followup_grade "good"'],
  ])('are refused naming the field: %j', (change, message) => {
    expect(reason(() => ratingsFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });

  it("refuse each kind of the simulator's bad rows", () => {
    const at = Date.parse('2025-04-25T10:00:00+08:00');
    const sim: SimRating = {
      case_id: 'X1',
      region_code: '370102',
      completed_at: at - 3_600_000,
      rated_at: at,
      grade: '满意',
      channel: 'web',
      named: true,
      visited_at: null,
      rectified_at: null,
      followup_grade: null,
    };
    const served = (defect: SimRating['defect']) => ({ ...ratingBody({ ...sim, defect }, at, isoCst), updated_at: isoCst(at) });
    expect(ratingsFeed.rows(served(undefined), ctx)).toHaveLength(1);
    expect(reason(() => ratingsFeed.rows(served('unknown_grade'), ctx))).toBe('unknown grade "一般"');
    expect(reason(() => ratingsFeed.rows(served('unknown_region'), ctx))).toBe('unknown region_code "379999"');
    expect(reason(() => ratingsFeed.rows(served('visited_before_rated'), ctx))).toBe('visited_at 2025-04-24 10:00:00 is before rated_at 2025-04-25 10:00:00');
  });
});

describe('complaint records (投诉)', () => {
  const rec = {
    complaint_id: 'T370102202504250001',
    region_code: '370102',
    channel: '12333',
    received_at: '2025-04-25T10:00:00+08:00',
    limit_days: 5,
    answered_at: null,
    resolved_at: null,
    satisfied: null,
    updated_at: '2025-04-25T10:00:00+08:00',
  };

  it('land as one row per complaint, answer and resolution null until they happen', () => {
    expect(complaintsFeed.rows(rec, ctx)).toEqual([
      ['T370102202504250001', '370102', '12333', '2025-04-25 10:00:00', 5, null, null, null, '2025-04-25 10:00:00'],
    ]);
    expect(complaintsFeed.rows({ ...rec, resolved_at: '2025-05-06T10:00:00+08:00', satisfied: false }, ctx)[0].slice(6, 8)).toEqual([
      '2025-05-06 10:00:00',
      'false',
    ]);
  });

  it.each([
    [{ channel: 'fax' }, 'unknown channel "fax"'],
    [{ limit_days: 0 }, 'limit_days must be an integer from 1 to 60: 0'],
    [{ satisfied: 'yes' }, 'satisfied must be true, false or null: "yes"'],
    [{ answered_at: '2025-04-24T10:00:00+08:00' }, 'answered_at 2025-04-24 10:00:00 is before received_at 2025-04-25 10:00:00'],
  ])('are refused naming the field: %j', (change, message) => {
    expect(reason(() => complaintsFeed.rows({ ...rec, ...change }, ctx))).toBe(message);
  });

  it("refuse each kind of the simulator's bad rows", () => {
    const at = Date.parse('2025-04-25T10:00:00+08:00');
    const sim: SimComplaint = {
      complaint_id: 'T1',
      region_code: '370102',
      channel: 'web',
      received_at: at,
      limit_days: 10,
      answered_at: null,
      resolved_at: null,
      satisfied: null,
    };
    const served = (defect: SimComplaint['defect']) => ({ ...complaintBody({ ...sim, defect }, at, isoCst), updated_at: isoCst(at) });
    expect(complaintsFeed.rows(served(undefined), ctx)).toHaveLength(1);
    expect(reason(() => complaintsFeed.rows(served('unknown_channel'), ctx))).toBe('unknown channel "fax"');
    expect(reason(() => complaintsFeed.rows(served('unknown_region'), ctx))).toBe('unknown region_code "379999"');
    expect(reason(() => complaintsFeed.rows(served('answered_before_received'), ctx))).toBe(
      'answered_at 2025-04-24 10:00:00 is before received_at 2025-04-25 10:00:00',
    );
  });
});
