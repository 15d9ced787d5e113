// Scoring schemes (评分方案): JSON files in seeds/schemes/ that a province edits without
// touching code. This module checks a file against Appendix A and the known metrics and
// turns it into plain rows for dim_scheme*; the scores themselves are SQL (sql/model/v_score_*.sql).

export type Rule = 'linear' | 'deduction' | 'manual';
export type Direction = 'higher_is_better' | 'lower_is_better';

export interface SchemeRow {
  code: string;
  name: string;
  version: string;
  description: string;
  total_points: number;
  bonus_cap: number;
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
  metrics: ReadonlyMap<string, { higher_is_better: boolean }>;
}

export class SchemeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid scoring scheme ${file}:\n  - ${problems.join('\n  - ')}`);
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
// Points are compared in hundredths, as they are stored (DECIMAL(9,2)).
const cents = (n: number) => Math.round(n * 100);
const sameSum = (parts: number[], whole: number) => cents(parts.reduce((a, b) => a + b, 0)) === cents(whole);
const fmt = (n: number) => String(Number(n.toFixed(2)));

/** Collects problems while walking a file, each prefixed with where it was found. */
class Checker {
  readonly problems: string[] = [];
  fail(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }
  text(obj: Json, key: string, where: string): string {
    const v = obj[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.fail(where, `"${key}" must be a non-empty string`);
    return '';
  }
  number(obj: Json, key: string, where: string, opts: { optional?: boolean; min?: number } = {}): number | null {
    const v = obj[key];
    if ((v === undefined || v === null) && opts.optional) return null;
    if (typeof v === 'number' && Number.isFinite(v) && (opts.min === undefined || v >= opts.min)) return v;
    this.fail(where, `"${key}" must be a number${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}; got ${JSON.stringify(v)}`);
    return null;
  }
  list(obj: Json, key: string, where: string): Json[] {
    const v = obj[key];
    if (Array.isArray(v) && v.length > 0 && v.every(isObject)) return v;
    this.fail(where, `"${key}" must be a non-empty list of objects`);
    return [];
  }
}

function ruleDetail(rule: Rule, direction: Direction, floor: number | null, target: number | null, perPoint: number | null): string {
  if (rule === 'manual') return '人工评分：得分 = 分值 × 评分/100';
  if (rule === 'linear') return `线性：${fmt(floor!)} 得0分，${fmt(target!)} 得满分${direction === 'lower_is_better' ? '（越低越好）' : ''}`;
  const side = direction === 'lower_is_better' ? '高于' : '低于';
  return `扣分：目标 ${fmt(target!)}，每${side}1个单位（百分点）扣 ${fmt(perPoint!)} 分，扣完为止`;
}

function checkEntry(
  c: Checker,
  ctx: SchemeContext,
  e: Json,
  where: string,
  warnings: string[],
): Omit<EntryRow, 'scheme' | 'p1_code' | 'p2_code' | 'indicator_code' | 'name' | 'bonus' | 'ord'> | null {
  const rule = e.rule;
  if (rule !== 'linear' && rule !== 'deduction' && rule !== 'manual') {
    c.fail(where, `"rule" must be linear, deduction or manual; got ${JSON.stringify(rule)}`);
    return null;
  }
  const points = c.number(e, 'points', where, { min: 0 }) ?? 0;
  if (rule === 'manual') {
    if (e.metric !== undefined) c.fail(where, 'a manual entry takes no "metric"');
    return { metric: null, source: 'manual', rule, direction: 'higher_is_better', floor_value: null, target_value: null, per_point: null, max_points: points, rule_detail: ruleDetail(rule, 'higher_is_better', null, null, null) };
  }
  const metric = c.text(e, 'metric', where);
  if (metric && !/^[a-z][a-z0-9_]*$/.test(metric)) c.fail(where, `metric code "${metric}" is not a snake_case code`);
  const known = ctx.metrics.get(metric);
  if (metric && !known) warnings.push(metric);
  const direction = e.direction ?? (known && !known.higher_is_better ? 'lower_is_better' : 'higher_is_better');
  if (direction !== 'higher_is_better' && direction !== 'lower_is_better') {
    c.fail(where, `"direction" must be higher_is_better or lower_is_better; got ${JSON.stringify(direction)}`);
    return null;
  }
  if (known && known.higher_is_better !== (direction === 'higher_is_better')) {
    c.fail(where, `"direction" ${direction} contradicts metric "${metric}" (${known.higher_is_better ? 'higher' : 'lower'} is better)`);
  }
  const target = c.number(e, 'target', where);
  let floor: number | null = null;
  let perPoint: number | null = null;
  if (rule === 'linear') {
    floor = c.number(e, 'floor', where);
    if (floor !== null && target !== null && (direction === 'higher_is_better' ? target <= floor : target >= floor)) {
      c.fail(where, `linear rule needs target ${direction === 'higher_is_better' ? 'above' : 'below'} floor (${direction}); got floor ${floor}, target ${target}`);
    }
  } else {
    perPoint = c.number(e, 'per_point', where, { min: 0 });
    if (perPoint === 0) c.fail(where, '"per_point" must be above 0');
  }
  return {
    metric,
    source: 'computed',
    rule,
    direction,
    floor_value: floor,
    target_value: target,
    per_point: perPoint,
    max_points: points,
    rule_detail: ruleDetail(rule, direction, floor, target, perPoint),
  };
}

function checkBands(c: Checker, code: string, raw: Json[]): BandRow[] {
  const bands = raw.map((b, i) => ({
    scheme: code,
    grade: c.text(b, 'grade', `grades[${i}]`),
    min_points: c.number(b, 'min', `grades[${i}]`) ?? 0,
    max_points: c.number(b, 'max', `grades[${i}]`, { optional: true }),
    ord: i + 1,
  }));
  const sorted = [...bands].sort((a, b) => a.min_points - b.min_points);
  if (sorted.length && sorted[0].min_points !== 0) c.fail(`grade "${sorted[0].grade}"`, `the lowest band must start at 0; starts at ${sorted[0].min_points}`);
  sorted.forEach((band, i) => {
    const next = sorted[i + 1];
    if (band.max_points !== null && band.max_points <= band.min_points) c.fail(`grade "${band.grade}"`, `max ${band.max_points} must be above min ${band.min_points}`);
    if (!next) {
      if (band.max_points !== null) c.fail(`grade "${band.grade}"`, 'the top band must have "max": null (no upper bound, bonus points can exceed the total)');
      return;
    }
    if (band.max_points === null || band.max_points > next.min_points) c.fail(`grades "${band.grade}" and "${next.grade}"`, `bands overlap (${band.grade} up to ${band.max_points ?? '∞'}, ${next.grade} from ${next.min_points})`);
    else if (band.max_points < next.min_points) c.fail(`grades "${band.grade}" and "${next.grade}"`, `gap between bands (${band.grade} below ${band.max_points}, ${next.grade} from ${next.min_points})`);
  });
  return bands;
}

/** Checks a parsed scheme file; throws SchemeError naming every bad entry. */
export function checkScheme(raw: unknown, file: string, ctx: SchemeContext): LoadedScheme {
  const c = new Checker();
  if (!isObject(raw)) throw new SchemeError(file, ['the file must hold one JSON object']);
  const code = c.text(raw, 'code', 'scheme');
  if (code && !/^[a-z][a-z0-9_]*$/.test(code)) c.fail('scheme', `"code" must be snake_case; got "${code}"`);
  const scheme: SchemeRow = {
    code,
    name: c.text(raw, 'name', 'scheme'),
    version: c.text(raw, 'version', 'scheme'),
    description: typeof raw.description === 'string' ? raw.description : '',
    total_points: c.number(raw, 'total_points', 'scheme', { min: 0 }) ?? 0,
    bonus_cap: c.number(raw, 'bonus_cap', 'scheme', { min: 0 }) ?? 0,
    file,
  };
  const bands = checkBands(c, code, c.list(raw, 'grades', 'scheme'));
  const items: ItemRow[] = [];
  const entries: EntryRow[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const p1s = c.list(raw, 'p1', 'scheme');

  p1s.forEach((p1, i) => {
    const p1Where = `p1[${i}] ${String(p1.code ?? '?')} ${String(p1.name ?? '')}`.trim();
    const p1Code = c.text(p1, 'code', p1Where);
    const p1Points = c.number(p1, 'points', p1Where, { min: 0 }) ?? 0;
    items.push({ scheme: code, level: 'P1', code: p1Code, parent_code: null, name: c.text(p1, 'name', p1Where), max_points: p1Points, ord: items.length + 1 });
    const p2s = c.list(p1, 'p2', p1Where);
    const p2Points: number[] = [];
    p2s.forEach((p2, j) => {
      const p2Where = `${p1Where} › p2[${j}] ${String(p2.code ?? '?')} ${String(p2.name ?? '')}`.trim();
      const p2Code = c.text(p2, 'code', p2Where);
      const declared = c.number(p2, 'points', p2Where, { min: 0 }) ?? 0;
      p2Points.push(declared);
      items.push({ scheme: code, level: 'P2', code: p2Code, parent_code: p1Code, name: c.text(p2, 'name', p2Where), max_points: declared, ord: items.length + 1 });
      const baseIndicatorPoints: number[] = [];
      c.list(p2, 'indicators', p2Where).forEach((ind) => {
        const indCode = c.text(ind, 'code', p2Where);
        const where = `${p2Where} › indicator ${indCode}`;
        const appendix = ctx.indicators.get(indCode);
        if (!appendix) return c.fail(where, `unknown indicator code "${indCode}" (not in Appendix A)`);
        if (seen.has(indCode)) return c.fail(where, `indicator "${indCode}" appears more than once in the scheme`);
        seen.add(indCode);
        const points = c.number(ind, 'points', where, { min: 0 }) ?? 0;
        const bonus = appendix.category === 'E';
        if (!bonus) baseIndicatorPoints.push(points);
        // No entries: the indicator is scored by hand for its full points.
        const rawEntries = ind.entries === undefined ? [{ rule: 'manual', points }] : c.list(ind, 'entries', where);
        const parts = rawEntries.map((e, k) => checkEntry(c, ctx, e, `${where} › entries[${k}]`, warnings));
        if (!sameSum(parts.map((p) => p?.max_points ?? 0), points)) {
          c.fail(where, `entry points sum to ${fmt(parts.reduce((a, p) => a + (p?.max_points ?? 0), 0))}, but the indicator declares ${fmt(points)}`);
        }
        const name = typeof ind.label === 'string' && ind.label ? ind.label : appendix.name;
        for (const part of parts) {
          if (part) entries.push({ scheme: code, p1_code: p1Code, p2_code: p2Code, indicator_code: indCode, name, bonus, ...part, ord: entries.length + 1 });
        }
      });
      if (!sameSum(baseIndicatorPoints, declared)) {
        c.fail(p2Where, `G indicator points sum to ${fmt(baseIndicatorPoints.reduce((a, b) => a + b, 0))}, but the item declares ${fmt(declared)}`);
      }
    });
    if (!sameSum(p2Points, p1Points)) c.fail(p1Where, `second-level items sum to ${fmt(p2Points.reduce((a, b) => a + b, 0))}, but the item declares ${fmt(p1Points)}`);
  });
  const p1Total = items.filter((i) => i.level === 'P1').map((i) => i.max_points);
  if (!sameSum(p1Total, scheme.total_points)) c.fail('scheme', `first-level items sum to ${fmt(p1Total.reduce((a, b) => a + b, 0))}, but "total_points" is ${fmt(scheme.total_points)}`);
  for (const [kind, codes] of [['P1', items.filter((i) => i.level === 'P1')], ['P2', items.filter((i) => i.level === 'P2')]] as const) {
    const dup = codes.map((i) => i.code).find((x, k, all) => all.indexOf(x) !== k);
    if (dup) c.fail('scheme', `${kind} code "${dup}" is used twice`);
  }
  if (c.problems.length) throw new SchemeError(file, c.problems);
  return { scheme, items, entries, bands, warnings: [...new Set(warnings)] };
}
