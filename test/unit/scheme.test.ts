// Scheme files against a hand-made Appendix A: the rows a sound file becomes, and a bad
// one refused with every problem, each naming its entry.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemes } from '../../scoring/load-schemes.js';
import { checkScheme, SchemeError, type SchemeContext } from '../../scoring/scheme.js';

const ctx: SchemeContext = {
  indicators: new Map([
    ['1.1.1', { name: '限时办结', category: 'G' }],
    ['1.1.2', { name: '服务规范', category: 'G' }],
    ['9.9.1', { name: '创新', category: 'E' }],
  ]),
  metrics: new Map([
    ['on_time_rate', { higher_is_better: true, unit: '%', min_value: 0, max_value: 100 }],
    ['handling_days', { higher_is_better: false, unit: '工作日', min_value: 0, max_value: 60 }],
    ['subsidy_growth', { higher_is_better: true, unit: '%', min_value: 50, max_value: 200 }],
  ]),
};

// 10 points: A (10) → A.1 (10) → 1.1.1 (6: linear 4 + deduction 2) + 1.1.2 (4, by hand); 9.9.1 a bonus point.
const mini = () => ({
  code: 'mini',
  name: '小方案',
  version: '1',
  total_points: 10,
  bonus_cap: 1,
  rounding: { digits: 2, mode: 'half_up' },
  grades: [
    { grade: '合格', min: 6, max: null },
    { grade: '不合格', min: 0, max: 6 },
  ],
  p1: [
    {
      code: 'A',
      name: '甲',
      points: 10,
      p2: [
        {
          code: 'A.1',
          name: '甲一',
          points: 10,
          indicators: [
            {
              code: '1.1.1',
              points: 6,
              entries: [
                { rule: 'linear', metric: 'on_time_rate', floor: 80, target: 100, points: 4 },
                { rule: 'deduction', metric: 'handling_days', target: 5, per_point: 0.5, points: 2 },
              ],
            },
            { code: '1.1.2', points: 4 },
            { code: '9.9.1', points: 1, label: '特色加分', entries: [{ rule: 'manual', points: 1 }] },
          ],
        },
      ],
    },
  ],
});

const problems = (raw: unknown) => {
  try {
    checkScheme(raw, 'mini.json', ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(SchemeError);
    return (err as SchemeError).problems;
  }
  throw new Error('the scheme was accepted');
};
const A1 = 'p1[0] A 甲 › p2[0] A.1 甲一';

describe('a sound scheme', () => {
  it('becomes rows: a direction from its metric, an indicator without entries scored by hand, a bonus with its label', () => {
    const s = checkScheme(mini(), 'mini.json', ctx);
    expect(s.items.map((i) => [i.level, i.code, i.parent_code, i.max_points])).toEqual([
      ['P1', 'A', null, 10],
      ['P2', 'A.1', 'A', 10],
    ]);
    expect(s.entries.map((e) => [e.indicator_code, e.name, e.bonus, e.rule, e.direction, e.max_points, e.rule_detail])).toEqual([
      ['1.1.1', '限时办结', false, 'linear', 'higher_is_better', 4, '线性：80 得0分，100 得满分'],
      ['1.1.1', '限时办结', false, 'deduction', 'lower_is_better', 2, '扣分：目标 5，每高于1个单位（百分点）扣 0.5 分，扣完为止'],
      ['1.1.2', '服务规范', false, 'manual', 'higher_is_better', 4, '人工评分：得分 = 分值 × 评分/100'],
      ['9.9.1', '特色加分', true, 'manual', 'higher_is_better', 1, '人工评分：得分 = 分值 × 评分/100'],
    ]);
    expect(s.bands.map((b) => [b.grade, b.min_points, b.max_points])).toEqual([
      ['合格', 6, null],
      ['不合格', 0, 6],
    ]);
    expect(s.scheme).toMatchObject({ code: 'mini', description: '', total_points: 10, file: 'mini.json' });
  });
});

describe('a file of the wrong shape', () => {
  it('is refused with every structural problem, each naming its entry and the value found', () => {
    const raw = mini() as any;
    raw.code = 'Mini';
    raw.grades[1].min = '0';
    raw.p1[0].p2[0].points = -1;
    raw.p1[0].p2[0].indicators[0].entries[0].rule = 'curve';
    raw.p1[0].p2[0].indicators[0].entries[1].per_point = 0;
    raw.p1[0].p2[0].indicators[2].entries[0].metric = 'innovation';
    delete raw.p1[0].p2[0].indicators[1].code;
    expect(problems(raw)).toEqual([
      'scheme: "code" must be snake_case; got "Mini"',
      'grades[1]: "min" must be a number; got "0"',
      `${A1}: "points" must be a number ≥ 0; got -1`,
      `${A1} › indicator 1.1.1 › entries[0]: "rule" must be one of linear, deduction, manual; got "curve"`,
      `${A1} › indicator 1.1.1 › entries[1]: "per_point" must be a number above 0; got 0`,
      `${A1} › indicators[1]: "code" must be a non-empty string; got nothing`,
      `${A1} › indicator 9.9.1 › entries[0]: has unknown key "metric"`,
    ]);
  });

  it('is refused whole when it is not one object, or its lists are empty', () => {
    expect(problems([mini()])).toEqual(['the file must hold one JSON object']);
    expect(problems({ ...mini(), p1: [], grades: 'A-D' })).toEqual([
      'scheme: "grades" must be a non-empty list of objects; got "A-D"',
      'scheme: "p1" must be a non-empty list of objects',
    ]);
  });
});

describe("a rule outside its metric's plausible range", () => {
  it('is refused naming the entry, the bound and the range (a "% of last year" scored 0–10 never loses points)', () => {
    const raw = mini();
    raw.p1[0].p2[0].indicators[0].entries![0] = { rule: 'linear', metric: 'subsidy_growth', floor: 0, target: 10, points: 4 };
    raw.p1[0].p2[0].indicators[0].entries![1] = { rule: 'deduction', metric: 'handling_days', target: 90, per_point: 0.5, points: 2 };
    expect(problems(raw)).toEqual([
      `${A1} › indicator 1.1.1 › entries[0]: "floor" 0 lies outside the plausible range of metric "subsidy_growth" (50–200 %)`,
      `${A1} › indicator 1.1.1 › entries[0]: "target" 10 lies outside the plausible range of metric "subsidy_growth" (50–200 %)`,
      `${A1} › indicator 1.1.1 › entries[1]: "target" 90 lies outside the plausible range of metric "handling_days" (0–60 工作日)`,
    ]);
  });

  it('accepts bounds inside the range, the edges included', () => {
    const raw = mini();
    raw.p1[0].p2[0].indicators[0].entries![0] = { rule: 'linear', metric: 'subsidy_growth', floor: 100, target: 200, points: 4 };
    expect(checkScheme(raw, 'mini.json', ctx).entries[0]).toMatchObject({ floor_value: 100, target_value: 200 });
  });
});

describe('a file whose parts do not fit together', () => {
  it('is refused with every sum, band, code and direction that does not hold', () => {
    const raw = mini();
    const [ind1, ind2] = raw.p1[0].p2[0].indicators;
    ind1.entries![1].points = 1; // 4 + 1 of 6
    Object.assign(ind1.entries![1], { direction: 'higher_is_better' }); // handling days: lower is better
    Object.assign(ind1.entries![0], { floor: 100, target: 80 });
    ind2.code = '8.8.8'; // not in Appendix A, so A.1's G points are 6 of 10
    raw.total_points = 12;
    raw.grades[1].max = 5; // 不合格 0–5, 合格 from 6
    expect(problems(raw)).toEqual([
      'grades "不合格" and "合格": gap between bands (不合格 below 5, 合格 from 6)',
      `${A1} › indicator 1.1.1 › entries[0]: linear rule needs target above floor (higher_is_better); got floor 100, target 80`,
      `${A1} › indicator 1.1.1 › entries[1]: "direction" higher_is_better contradicts metric "handling_days" (lower is better)`,
      `${A1} › indicator 1.1.1: entry points sum to 5, but the indicator declares 6`,
      `${A1} › indicator 8.8.8: unknown indicator code "8.8.8" (not in Appendix A)`,
      `${A1}: G indicator points sum to 6, but the item declares 10`,
      'scheme: first-level items sum to 10, but "total_points" is 12',
    ]);
  });

  it('names an indicator used twice, and P1 codes used twice', () => {
    const raw = mini();
    raw.p1[0].p2[0].indicators[1].code = '1.1.1';
    raw.p1.push({ ...raw.p1[0], name: '乙', points: 0, p2: [{ ...raw.p1[0].p2[0], code: 'B.1', points: 0, indicators: [{ code: '1.1.2', points: 0 }] }] });
    raw.total_points = 10;
    const found = problems(raw);
    expect(found).toContain(`${A1} › indicator 1.1.1: indicator "1.1.1" appears more than once in the scheme`);
    expect(found).toContain('scheme: P1 code "A" is used twice');
  });
});

describe('a scheme folder', () => {
  it('is refused when a file is not JSON, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemes-'));
    writeFileSync(join(dir, 'bad.json'), '{"code": "bad",');
    expect(() => readSchemes(dir, ctx)).toThrow(/bad\.json[\s\S]*not valid JSON/);
  });

  it('is refused when two files use one scheme code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemes-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(mini()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(mini()));
    expect(() => readSchemes(dir, ctx)).toThrow(/a\.json and .*b\.json[\s\S]*scheme code "mini" is used by two files/);
  });
});
