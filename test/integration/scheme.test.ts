// Scheme files against the seeded Appendix A and metrics: the shipped ones load; a changed
// one is refused with a message naming the entry (the checks themselves: test/unit/scheme.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { SCHEMES_DIR, readSchemes, schemeContext } from '../../scoring/load-schemes.js';
import { checkScheme, type SchemeContext } from '../../scoring/scheme.js';
import { freshDb } from '../support/db.js';

let db: Database;
let ctx: SchemeContext;

beforeAll(async () => {
  db = await freshDb();
  ctx = await db.exclusive(schemeContext);
});
afterAll(() => db.close());

const jiaxing = () => JSON.parse(readFileSync(join(SCHEMES_DIR, 'jiaxing.json'), 'utf8'));
const problems = (raw: unknown) => {
  try {
    checkScheme(raw, 'test.json', ctx);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the scheme was accepted');
};

describe('shipped schemes', () => {
  it('load, every metric they name computed', () => {
    const [j, s] = readSchemes(SCHEMES_DIR, ctx);
    expect(j.items.filter((i) => i.level === 'P1').map((i) => i.max_points)).toEqual([25, 20, 25, 15, 15]);
    expect(j.bands.map((b) => [b.grade, b.min_points, b.max_points])).toEqual([
      ['优秀（优胜）', 95, null],
      ['合格', 85, 95],
      ['基本合格', 76, 85],
      ['不合格', 0, 76],
    ]);
    expect(s.items.filter((i) => i.level === 'P2')).toHaveLength(23);
    expect(new Set(s.entries.map((e) => e.indicator_code)).size).toBe(68);
    expect(j.warnings).toEqual([]);
    expect(s.warnings).toEqual([]);
  });

  it('name a metric not computed yet as a warning, scoring it as missing', () => {
    const raw = jiaxing();
    const entry = raw.p1
      .flatMap((p1: any) => p1.p2)
      .flatMap((p2: any) => p2.indicators)
      .flatMap((i: any) => i.entries ?? [])
      .find((e: any) => e.metric === 'online_rate');
    entry.metric = 'planned_metric';
    expect(checkScheme(raw, 'test.json', ctx).warnings).toEqual(['planned_metric']);
  });
});

describe('validation names the bad entry', () => {
  it('indicator points that do not add up to the second-level item', () => {
    const raw = jiaxing();
    raw.p1[1].p2[1].indicators[0].points = 2; // 2.1.1: 3 → 2
    raw.p1[1].p2[1].indicators[0].label = undefined;
    expect(problems(raw)).toContain('p1[1] J2 企事业社会保险经办服务 › p2[1] J2.2 业务管理: G indicator points sum to 15, but the item declares 16');
  });

  it('entry points that do not add up to their indicator', () => {
    const raw = jiaxing();
    raw.p1[1].p2[1].indicators[2].entries[1].points = 1; // 2.1.2: 2 + 1 ≠ 4
    expect(problems(raw)).toContain('indicator 2.1.2: entry points sum to 3, but the indicator declares 4');
  });

  it('second-level items that do not add up to the first-level item, and P1 to the total', () => {
    const raw = jiaxing();
    raw.p1[4].points = 14; // its items still sum to 15; the P1 items now sum to 99 of 100
    const message = problems(raw);
    expect(message).toContain('p1[4] J5 社会保障市民卡管理与服务: second-level items sum to 15, but the item declares 14');
    expect(message).toContain('scheme: first-level items sum to 99, but "total_points" is 100');
  });

  it('an indicator code not in Appendix A', () => {
    const raw = jiaxing();
    raw.p1[0].p2[1].indicators[0].code = '3.5.9';
    expect(problems(raw)).toContain(
      'p1[0] J1 基层社会保障业务工作平台建设 › p2[1] J1.2 信息化推进与管理 › indicator 3.5.9: unknown indicator code "3.5.9" (not in Appendix A)',
    );
  });

  it('overlapping and gapped grade bands', () => {
    const raw = jiaxing();
    raw.grades[1].max = 96;
    raw.grades[3].max = 70;
    const message = problems(raw);
    expect(message).toContain('grades "合格" and "优秀（优胜）": bands overlap (合格 up to 96, 优秀（优胜） from 95)');
    expect(message).toContain('grades "不合格" and "基本合格": gap between bands (不合格 below 70, 基本合格 from 76)');
  });

  it('a rule contradicting the metric direction, and a linear rule upside down', () => {
    const raw = jiaxing();
    raw.p1[1].p2[1].indicators[2].entries[1].direction = 'higher_is_better'; // handling days
    raw.p1[1].p2[1].indicators[4].entries[0].floor = 90; // online rate floor above target 80
    const message = problems(raw);
    expect(message).toContain('"direction" higher_is_better contradicts metric "handling_days_mean" (lower is better)');
    expect(message).toContain('linear rule needs target above floor (higher_is_better); got floor 90, target 80');
  });
});
