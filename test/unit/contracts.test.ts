// The row contracts hold at compile time: a SELECT list must name exactly a contract's
// columns, and a page reading an endpoint's rows or sending its parameters is typed by the
// endpoint table. The @ts-expect-error lines are checked by tsc (npm test runs it first):
// if a misspelled, missing or extra column were accepted, the unused directive would fail.
import { describe, expect, it } from 'vitest';
import type { QueryOf, RowOf } from '../../contracts/endpoints.js';
import type { HorizontalRow, PeriodRow } from '../../contracts/rows.js';
import { selectList } from '../../contracts/select.js';

describe('selectList', () => {
  it('writes each column as its expression, or taken from the table alias', () => {
    expect(selectList<PeriodRow>({ period: true, complete: 'p.end_date <= current_date', is_default: true })).toBe(
      'period, p.end_date <= current_date AS complete, is_default',
    );
    expect(selectList<PeriodRow>({ period: true, complete: true, is_default: true }, 'p')).toBe('p.period, p.complete, p.is_default');
  });

  it('refuses a misspelled, a missing and an extra column (checked by tsc)', () => {
    const columns = {
      region_code: true,
      region_name: 'r.name',
      period_type: true,
      period: true,
      metric: true,
      value: true,
      peers: true,
      peer_median: true,
      gap_to_median: true,
      worse_than_median: true,
    } as const;
    // @ts-expect-error 'rnak' is no column of HorizontalRow, and 'rank' is missing
    selectList<HorizontalRow>({ ...columns, rnak: true });
    // @ts-expect-error 'rank' is missing
    selectList<HorizontalRow>(columns);
    // @ts-expect-error 'parent_code' is no column of HorizontalRow
    selectList<HorizontalRow>({ ...columns, rank: true, parent_code: true });
    expect(selectList<HorizontalRow>({ ...columns, rank: 'h.rank' })).toContain('h.rank AS rank');
  });

  it('types rows and parameters by the endpoint table (checked by tsc)', () => {
    const row = { rank: 1 } as RowOf<'/api/compare/horizontal'>;
    // @ts-expect-error the horizontal comparison has no column 'rnak'
    expect(row.rnak).toBeUndefined();
    const query: QueryOf<'/api/compare/horizontal'> = { metric: 'online_rate', parent: '370100', period: '2025-03' };
    // @ts-expect-error 'period_type' is one of month, quarter, year
    const weekly: QueryOf<'/api/compare/horizontal'> = { ...query, period_type: 'week' };
    // @ts-expect-error 'parent' is required
    const orphan: QueryOf<'/api/compare/horizontal'> = { metric: 'online_rate', period: '2025-03' };
    expect([weekly.period_type, orphan.metric]).toEqual(['week', 'online_rate']);
  });
});
