// Indicator values on a tiny hand-made data set, every expected value worked out by hand
// (March 2025 has no public holidays: working days are Mon–Fri).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { collectedFixture } from '../support/collect.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const C = '370202'; // 市南区, 青岛市

const c = (case_id: string, region_code: string, item: string, channel: string, accepted_at: string, completed_at: string | null, limit_days: number) => ({
  id: case_id,
  updated_at: completed_at ?? accepted_at,
  case_id,
  region_code,
  item,
  channel,
  accepted_at,
  completed_at,
  limit_days,
});

const CASES = [
  // A: same-day, 0 working days, 4 h; due 03-10; on time; window.
  c('A1', A, 'reg_enroll', 'window', '2025-03-03T09:00:00+08:00', '2025-03-03T13:00:00+08:00', 5),
  // A: 3 working days (Wed, Thu, Fri), 72 h; due 03-25; on time; web (online).
  c('A2', A, 'pension_transfer', 'web', '2025-03-04T10:00:00+08:00', '2025-03-07T10:00:00+08:00', 15),
  // A: 7 working days (03-06..03-14), 216 h; due 03-12; late; mobile (online).
  c('A3', A, 'reg_change', 'mobile', '2025-03-05T09:00:00+08:00', '2025-03-14T09:00:00+08:00', 5),
  // B: 1 working day, 24 h; due 03-17; on time; window.
  c('B1', B, 'reg_enroll', 'window', '2025-03-10T09:00:00+08:00', '2025-03-11T09:00:00+08:00', 5),
  // B: still open; due 03-13 has passed, so late; kiosk (not online).
  c('B2', B, 'contrib_declare', 'kiosk', '2025-03-10T14:00:00+08:00', null, 3),
  // C (another city): 2 working days, 48 h; due 03-10; on time; web.
  c('C1', C, 'reg_cancel', 'web', '2025-03-03T09:00:00+08:00', '2025-03-05T09:00:00+08:00', 5),
];

const u = (region_code: string, dataset: string, uploaded_at: string | null) => ({
  id: `${region_code}|${dataset}|2025-02`,
  updated_at: uploaded_at ?? '2025-03-01T00:00:00+08:00',
  region_code,
  dataset,
  period: '2025-02',
  due_at: '2025-03-10T17:00:00+08:00',
  uploaded_at,
  row_count: uploaded_at ? 100 : null,
});

const UPLOADS = [
  u(A, 'insured', '2025-03-09T10:00:00+08:00'), // on time
  u(A, 'contribution', '2025-03-12T10:00:00+08:00'), // late
  u(B, 'insured', null), // missing: not on time
  u(B, 'contribution', '2025-03-10T17:00:00+08:00'), // exactly at the deadline: on time
];

let db: Database;
let fixture: Awaited<ReturnType<typeof collectedFixture>>;

beforeAll(async () => {
  fixture = await collectedFixture({ cases: CASES, uploads: UPLOADS, reports: [] });
  db = fixture.db;
});

afterAll(() => fixture.close());

async function value(metric: string, region: string, period = '2025-03', periodType = 'month') {
  const rows = await db.rows<{ numerator: number | null; denominator: number; value: number }>(
    'SELECT numerator, denominator, value FROM mart_metric_value WHERE metric = $metric AND region_code = $region AND period = $period AND period_type = $periodType',
    { metric, region, period, periodType },
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('限时办结率 on-time completion rate', () => {
  it('counts cases due in the period, open ones past deadline as late', async () => {
    expect(await value('on_time_rate', A)).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await value('on_time_rate', A)).value).toBeCloseTo(200 / 3, 10);
    expect(await value('on_time_rate', B)).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it('rolls counties up to the city from summed parts, not averaged ratios', async () => {
    // (2 + 1) / (3 + 2) = 60 %, where the mean of 66.7 % and 50 % would be 58.3 %.
    expect(await value('on_time_rate', '370100')).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
    expect(await value('on_time_rate', '370000')).toMatchObject({ numerator: 4, denominator: 6 });
  });

  it('restricts 社会保险登记限时办结率 to registration items', async () => {
    // A1 on time, A3 late, B1 on time; A2 (transfer) and B2 (contribution) excluded.
    expect(await value('reg_on_time_rate', '370100')).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('rolls months up to quarters and years', async () => {
    expect(await value('on_time_rate', '370100', '2025-Q1', 'quarter')).toMatchObject({ numerator: 3, denominator: 5 });
    expect(await value('on_time_rate', '370100', '2025', 'year')).toMatchObject({ numerator: 3, denominator: 5 });
  });
});

describe('网上办理率 online-service rate', () => {
  it('counts web and mobile, not kiosk or window', async () => {
    expect(await value('online_rate', A)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(await value('online_rate', B)).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(await value('online_rate', '370100')).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    expect(await value('online_rate', '370000')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
  });
});

describe('数据上报及时率 upload timeliness', () => {
  it('counts late and missing uploads as not on time, at-deadline as on time', async () => {
    expect(await value('upload_timeliness', A)).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(await value('upload_timeliness', B)).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(await value('upload_timeliness', '370100')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
  });
});

describe('handling time', () => {
  it('gives mean, lower median and P90 in working days', async () => {
    // 济南市 completed in March: 0, 3, 7, 1 working days → sorted 0 1 3 7.
    expect(await value('handling_days_mean', '370100')).toMatchObject({ numerator: 11, denominator: 4, value: 2.75 });
    expect((await value('handling_days_median', '370100')).value).toBe(1); // lower median of 4
    expect((await value('handling_days_p90', '370100')).value).toBe(3); // k = floor(3 × 0.9) + 1 = 3rd
    // 山东省 adds C1 (2 days): 0 1 2 3 7 → median 2.
    expect((await value('handling_days_median', '370000')).value).toBe(2);
  });

  it('gives mean and median in hours', async () => {
    // 4, 72, 216, 24 hours → mean 79, lower median 24.
    expect((await value('handling_hours_mean', '370100')).value).toBe(79);
    expect((await value('handling_hours_median', '370100')).value).toBe(24);
  });
});

describe('纵横比较 comparisons', () => {
  it('ranks sibling counties by the metric direction with the peer median', async () => {
    const rows = await db.rows<{ region_code: string; rank: number; peers: number; peer_median: number; gap_to_median: number }>(
      `SELECT region_code, rank, peers, peer_median, gap_to_median FROM mart_compare_horizontal
       WHERE metric = 'on_time_rate' AND parent_code = '370100' AND period = '2025-03' ORDER BY rank`,
    );
    expect(rows.map((r) => [r.region_code, r.rank, r.peers])).toEqual([
      [A, 1, 2],
      [B, 2, 2],
    ]);
    expect(rows[0].peer_median).toBeCloseTo((200 / 3 + 50) / 2, 10);
    expect(rows[1].gap_to_median).toBeCloseTo(50 - (200 / 3 + 50) / 2, 10);
  });

  it('ranks lower-is-better metrics ascending', async () => {
    const rows = await db.rows<{ region_code: string; rank: number }>(
      `SELECT region_code, rank FROM mart_compare_horizontal
       WHERE metric = 'handling_days_mean' AND parent_code = '370100' AND period = '2025-03' ORDER BY rank`,
    );
    // A: (0 + 3 + 7) / 3 = 3.33 days; B: 1 day → B is better.
    expect(rows.map((r) => r.region_code)).toEqual([B, A]);
  });

  it('gives 环比 against the previous month and the trailing 12 months', async () => {
    const [row] = await db.rows<{ prev_value: number | null; trailing_12m: number; value: number }>(
      `SELECT prev_value, trailing_12m, value FROM mart_compare_vertical
       WHERE metric = 'on_time_rate' AND region_code = '370100' AND period_type = 'month' AND period = '2025-03'`,
    );
    expect(row.prev_value).toBeNull(); // nothing was due in February
    expect(row.trailing_12m).toBe(60);
  });
});
