// Scoring schemes (评分方案): JSON files in seeds/schemes/ that a province edits without
// touching code. This module checks a file — its structure with a schema, then the sums, the
// grade bands and Appendix A in plain code — and turns it into plain rows for dim_scheme*;
// the scores themselves are SQL (sql/model/v_score_*.sql).
import { z } from 'zod';
import { numberFrom, oneOf, parseWith, shown, textLike, valueAt } from '../core/validation.js';

export type Rule = 'linear' | 'deduction' | 'manual';
export type Direction = 'higher_is_better' | 'lower_is_better';
export type RoundingMode = 'half_up' | 'half_even';

export interface SchemeRow {
  code: string;
  name: string;
  version: string;
  description: string;
  total_points: number;
  bonus_cap: number;
  /** Digits the total keeps and how a half is rounded (the file's "rounding"), applied once, at the total. */
  rounding_digits: number;
  rounding_mode: RoundingMode;
  file: string;
}

export interface ItemRow {
  scheme: string;
  level: 'P1' | 'P2';
  code: string;
  parent_code: string | null;
  name: string;
  max_points: number;
  ord: number;
}

export interface EntryRow {
  scheme: string;
  p1_code: string;
  p2_code: string;
  indicator_code: string;
  name: string;
  bonus: boolean;
  metric: string | null;
  source: 'computed' | 'manual';
  rule: Rule;
  direction: Direction;
  floor_value: number | null;
  target_value: number | null;
  per_point: number | null;
  max_points: number;
  rule_detail: string;
  ord: number;
}

export interface BandRow {
  scheme: string;
  grade: string;
  min_points: number;
  max_points: number | null;
  ord: number;
}

export interface LoadedScheme {
  scheme: SchemeRow;
  items: ItemRow[];
  entries: EntryRow[];
  bands: BandRow[];
  /** Metrics the scheme uses that are not (yet) in dim_metric: their entries score as missing values. */
  warnings: string[];
}

/** What a scheme is checked against: Appendix A and the computed metrics. */
export interface SchemeContext {
  indicators: ReadonlyMap<string, { name: string; category: string }>;
  /** Each metric's direction, unit and plausible range (seeds/metrics.csv). */
  metrics: ReadonlyMap<string, { higher_is_better: boolean; unit: string; min_value: number; max_value: number }>;
}

export class SchemeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid scoring scheme ${file}:\n  - ${problems.join('\n  - ')}`);
  }
}

// The file's structure. Points are non-negative; an indicator without entries is scored by hand.
const named = () => {
  const error = 'must be a non-empty string';
  return z.string({ error }).refine((v) => v.trim() !== '', { error });
};
const points = () => numberFrom(0);
const list = <T extends z.ZodType>(item: T) => {
  const error = 'must be a non-empty list of objects';
  return z.array(item, { error }).min(1, { error });
};
const metricCode = () => textLike(/^[a-z][a-z0-9_]*$/, 'a snake_case metric code');
const direction = () => oneOf(['higher_is_better', 'lower_is_better']).optional();

const entrySchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('linear'), points: points(), metric: metricCode(), direction: direction(), floor: numberFrom(), target: numberFrom() }),
  z.strictObject({
    rule: z.literal('deduction'),
    points: points(),
    metric: metricCode(),
    direction: direction(),
    target: numberFrom(),
    per_point: z.number({ error: 'must be a number above 0' }).gt(0, { error: 'must be a number above 0' }),
  }),
  z.strictObject({ rule: z.literal('manual'), points: points() }),
]);
type Entry = z.output<typeof entrySchema>;

const schemeFileSchema = z.strictObject(
  {
    code: textLike(/^[a-z][a-z0-9_]*$/, 'snake_case'),
    name: named(),
    version: named(),
    description: z.string().default(''),
    /** How the source document's clauses map to Appendix A, for readers of the file. */
    mapping_notes: z.array(z.string()).optional(),
    total_points: points(),
    bonus_cap: points(),
    /** The one rounding of a score: the total, to `digits` decimals (0–4); entries and items stay exact. */
    rounding: z.strictObject(
      {
        digits: z
          .number({ error: 'must be a whole number from 0 to 4' })
          .int({ error: 'must be a whole number from 0 to 4' })
          .min(0, { error: 'must be a whole number from 0 to 4' })
          .max(4, { error: 'must be a whole number from 0 to 4' }),
        mode: oneOf(['half_up', 'half_even']),
      },
      { error: 'must be an object {"digits": 0–4, "mode": "half_up" | "half_even"}' },
    ),
    grades: list(z.strictObject({ grade: named(), min: numberFrom(), max: numberFrom().nullable().default(null) })),
    p1: list(
      z.strictObject({
        code: named(),
        name: named(),
        points: points(),
        p2: list(
          z.strictObject({
            code: named(),
            name: named(),
            points: points(),
            indicators: list(z.strictObject({ code: named(), points: points(), label: z.string().optional(), entries: list(entrySchema).optional() })),
          }),
        ),
      }),
    ),
  },
  { error: 'the file must hold one JSON object' },
);
type SchemeFile = z.output<typeof schemeFileSchema>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a problem names a list element: `p1[2] 3 服务质量`, `indicator 3.1.2`, `grades[0]`. */
function label(list: string, index: number, node: unknown): string {
  if (!isObject(node)) return `${list}[${index}]`;
  const at = (key: string) => (node[key] !== undefined ? String(node[key]) : undefined);
  if (list === 'indicators' && at('code')) return `indicator ${at('code')}`;
  if (list === 'p1' || list === 'p2') return `${list}[${index}] ${at('code') ?? '?'} ${at('name') ?? ''}`.trim();
  return `${list}[${index}]`;
}

/** A structural issue as `<where>: "<key>" <message>; got <value>`, where is the element
 * holding the key (`p1[2] 3 服务质量 › p2[0] 3.1 …`), `scheme` at the top. */
function structureProblem(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path;
  if (path.length === 0 && !isObject(raw)) return issue.message;
  const places: string[] = [];
  let node = raw;
  let i = 0;
  for (; typeof path[i + 1] === 'number'; i += 2) {
    const [key, index] = [String(path[i]), path[i + 1] as number];
    node = isObject(node) && Array.isArray(node[key]) ? (node[key] as unknown[])[index] : undefined;
    places.push(label(key, index, node));
  }
  const key = path.slice(i).map(String).join('.');
  const value = issue.code === 'unrecognized_keys' ? null : shown(valueAt(raw, path, issue));
  return `${places.join(' › ') || 'scheme'}: ${key ? `"${key}" ` : ''}${issue.message}${value === null ? '' : `; got ${value}`}`;
}

// Points are compared in hundredths, as they are stored (DECIMAL(9,2)).
const cents = (n: number) => Math.round(n * 100);
const sum = (parts: number[]) => parts.reduce((a, b) => a + b, 0);
const sameSum = (parts: number[], whole: number) => cents(sum(parts)) === cents(whole);
const fmt = (n: number) => String(Number(n.toFixed(2)));

function ruleDetail(rule: Rule, direction: Direction, floor: number | null, target: number | null, perPoint: number | null): string {
  if (rule === 'manual') return '人工评分：得分 = 分值 × 评分/100';
  if (rule === 'linear') return `线性：${fmt(floor!)} 得0分，${fmt(target!)} 得满分${direction === 'lower_is_better' ? '（越低越好）' : ''}`;
  const side = direction === 'lower_is_better' ? '高于' : '低于';
  return `扣分：目标 ${fmt(target!)}，每${side}1个单位（百分点）扣 ${fmt(perPoint!)} 分，扣完为止`;
}

type Fail = (where: string, message: string) => void;
type EntryPart = Omit<EntryRow, 'scheme' | 'p1_code' | 'p2_code' | 'indicator_code' | 'name' | 'bonus' | 'ord'>;

/** An entry as its row: the direction, when not given, is the metric's. */
function entryRow(e: Entry, where: string, ctx: SchemeContext, fail: Fail, warnings: string[]): EntryPart {
  if (e.rule === 'manual') {
    return {
      metric: null,
      source: 'manual',
      rule: 'manual',
      direction: 'higher_is_better',
      floor_value: null,
      target_value: null,
      per_point: null,
      max_points: e.points,
      rule_detail: ruleDetail('manual', 'higher_is_better', null, null, null),
    };
  }
  const known = ctx.metrics.get(e.metric);
  if (!known) warnings.push(e.metric);
  const direction = e.direction ?? (known && !known.higher_is_better ? 'lower_is_better' : 'higher_is_better');
  if (known && known.higher_is_better !== (direction === 'higher_is_better')) {
    fail(where, `"direction" ${direction} contradicts metric "${e.metric}" (${known.higher_is_better ? 'higher' : 'lower'} is better)`);
  }
  const floor = e.rule === 'linear' ? e.floor : null;
  const perPoint = e.rule === 'deduction' ? e.per_point : null;
  // A floor or target outside what the metric can plausibly be makes a rule that never
  // differentiates (e.g. 0–10 against a "% of last year" near 100): refused.
  if (known) {
    const bounds = `${fmt(known.min_value)}–${fmt(known.max_value)} ${known.unit}`;
    for (const [key, v] of [
      ['floor', floor],
      ['target', e.target],
    ] as const) {
      if (v !== null && (v < known.min_value || v > known.max_value))
        fail(where, `"${key}" ${fmt(v)} lies outside the plausible range of metric "${e.metric}" (${bounds})`);
    }
  }
  if (floor !== null && (direction === 'higher_is_better' ? e.target <= floor : e.target >= floor)) {
    fail(
      where,
      `linear rule needs target ${direction === 'higher_is_better' ? 'above' : 'below'} floor (${direction}); got floor ${floor}, target ${e.target}`,
    );
  }
  return {
    metric: e.metric,
    source: 'computed',
    rule: e.rule,
    direction,
    floor_value: floor,
    target_value: e.target,
    per_point: perPoint,
    max_points: e.points,
    rule_detail: ruleDetail(e.rule, direction, floor, e.target, perPoint),
  };
}

/** The grade bands cover 0 … ∞ without gap or overlap. */
function bandRows(code: string, grades: SchemeFile['grades'], fail: Fail): BandRow[] {
  const bands = grades.map((b, i) => ({ scheme: code, grade: b.grade, min_points: b.min, max_points: b.max, ord: i + 1 }));
  const sorted = [...bands].sort((a, b) => a.min_points - b.min_points);
  if (sorted[0].min_points !== 0) fail(`grade "${sorted[0].grade}"`, `the lowest band must start at 0; starts at ${sorted[0].min_points}`);
  sorted.forEach((band, i) => {
    const next = sorted[i + 1];
    if (band.max_points !== null && band.max_points <= band.min_points)
      fail(`grade "${band.grade}"`, `max ${band.max_points} must be above min ${band.min_points}`);
    if (!next) {
      if (band.max_points !== null) fail(`grade "${band.grade}"`, 'the top band must have "max": null (no upper bound, bonus points can exceed the total)');
      return;
    }
    if (band.max_points === null || band.max_points > next.min_points)
      fail(
        `grades "${band.grade}" and "${next.grade}"`,
        `bands overlap (${band.grade} up to ${band.max_points ?? '∞'}, ${next.grade} from ${next.min_points})`,
      );
    else if (band.max_points < next.min_points)
      fail(`grades "${band.grade}" and "${next.grade}"`, `gap between bands (${band.grade} below ${band.max_points}, ${next.grade} from ${next.min_points})`);
  });
  return bands;
}

/** Checks a parsed scheme file; throws SchemeError naming every bad entry — every structural
 * problem, or, the structure sound, every sum, band, code and direction that does not hold. */
export function checkScheme(raw: unknown, file: string, ctx: SchemeContext): LoadedScheme {
  const f = parseWith(schemeFileSchema, raw, (problems) => new SchemeError(file, problems), '', structureProblem);
  const problems: string[] = [];
  const fail: Fail = (where, message) => problems.push(`${where}: ${message}`);
  const scheme: SchemeRow = {
    code: f.code,
    name: f.name,
    version: f.version,
    description: f.description,
    total_points: f.total_points,
    bonus_cap: f.bonus_cap,
    rounding_digits: f.rounding.digits,
    rounding_mode: f.rounding.mode,
    file,
  };
  const bands = bandRows(f.code, f.grades, fail);
  const items: ItemRow[] = [];
  const entries: EntryRow[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();

  f.p1.forEach((p1, i) => {
    const p1Where = label('p1', i, p1);
    items.push({ scheme: f.code, level: 'P1', code: p1.code, parent_code: null, name: p1.name, max_points: p1.points, ord: items.length + 1 });
    p1.p2.forEach((p2, j) => {
      const p2Where = `${p1Where} › ${label('p2', j, p2)}`;
      items.push({ scheme: f.code, level: 'P2', code: p2.code, parent_code: p1.code, name: p2.name, max_points: p2.points, ord: items.length + 1 });
      const basePoints: number[] = [];
      p2.indicators.forEach((ind, k) => {
        const where = `${p2Where} › ${label('indicators', k, ind)}`;
        const appendix = ctx.indicators.get(ind.code);
        if (!appendix) {
          fail(where, `unknown indicator code "${ind.code}" (not in Appendix A)`);
          return;
        }
        if (seen.has(ind.code)) {
          fail(where, `indicator "${ind.code}" appears more than once in the scheme`);
          return;
        }
        seen.add(ind.code);
        const bonus = appendix.category === 'E';
        if (!bonus) basePoints.push(ind.points);
        const parts = (ind.entries ?? [{ rule: 'manual', points: ind.points }]).map((e, n) => entryRow(e, `${where} › entries[${n}]`, ctx, fail, warnings));
        const partPoints = parts.map((p) => p.max_points);
        if (!sameSum(partPoints, ind.points)) fail(where, `entry points sum to ${fmt(sum(partPoints))}, but the indicator declares ${fmt(ind.points)}`);
        const name = ind.label || appendix.name;
        for (const part of parts)
          entries.push({ scheme: f.code, p1_code: p1.code, p2_code: p2.code, indicator_code: ind.code, name, bonus, ...part, ord: entries.length + 1 });
      });
      if (!sameSum(basePoints, p2.points)) fail(p2Where, `G indicator points sum to ${fmt(sum(basePoints))}, but the item declares ${fmt(p2.points)}`);
    });
    const p2Points = p1.p2.map((p2) => p2.points);
    if (!sameSum(p2Points, p1.points)) fail(p1Where, `second-level items sum to ${fmt(sum(p2Points))}, but the item declares ${fmt(p1.points)}`);
  });
  const p1Points = f.p1.map((p1) => p1.points);
  if (!sameSum(p1Points, f.total_points)) fail('scheme', `first-level items sum to ${fmt(sum(p1Points))}, but "total_points" is ${fmt(f.total_points)}`);
  for (const level of ['P1', 'P2'] as const) {
    const codes = items.filter((i) => i.level === level).map((i) => i.code);
    const dup = codes.find((x, k) => codes.indexOf(x) !== k);
    if (dup) fail('scheme', `${level} code "${dup}" is used twice`);
  }
  if (problems.length) throw new SchemeError(file, problems);
  return { scheme, items, entries, bands, warnings: [...new Set(warnings)] };
}
