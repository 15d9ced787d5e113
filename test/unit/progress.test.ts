// The collectors' progress line: how far the cursor is through the run's time range, and the
// line drawn in place on a terminal or printed once per page into a log.
import { describe, expect, it } from 'vitest';
import { fraction, printProgress, progressLine, type Progress } from '../../ingest/progress.js';

const start = Date.parse('2025-03-01T00:00:00+08:00');
const end = Date.parse('2025-03-11T00:00:00+08:00'); // ten days later

const progress: Progress = { feed: 'cases', cursor: '2025-03-03T12:00:00+08:00|A17', pages: 3, rows_in: 1500, rows_rejected: 2 };

describe('fraction', () => {
  it('is the share of the range the cursor’s time has reached, clamped to 0..1', () => {
    expect(fraction('2025-03-03T12:00:00+08:00|A17', start, end)).toBe(0.25); // 2.5 of 10 days
    expect(fraction('2025-03-06T00:00:00+08:00', start, end)).toBe(0.5);
    expect(fraction('2025-02-20T00:00:00+08:00|X', start, end)).toBe(0);
    expect(fraction('2025-04-01T00:00:00+08:00|X', start, end)).toBe(1);
  });

  it('is unknown for a cursor that is not a time, or an empty range', () => {
    expect(fraction('last-page|A17', start, end)).toBeNull();
    expect(fraction('2025-03-03T12:00:00+08:00|A17', end, start)).toBeNull();
    expect(fraction('2025-03-03T12:00:00+08:00|A17', Number.NaN, end)).toBeNull();
  });
});

describe('progressLine', () => {
  it('draws the bar, the percentage and the counts, and the cursor without its id', () => {
    // 0.25 × 20 = 5 filled of 20.
    expect(progressLine(progress, 0.25, 20)).toBe('cases [#####---------------]  25% page 3 · 1500 rows · 2 rejected · at 2025-03-03T12:00:00+08:00');
    expect(progressLine(progress, 1, 4)).toBe('cases [####] 100% page 3 · 1500 rows · 2 rejected · at 2025-03-03T12:00:00+08:00');
  });

  it('leaves the bar out when the share is unknown', () => {
    expect(progressLine({ ...progress, cursor: '812' }, null)).toBe('cases page 3 · 1500 rows · 2 rejected · at 812');
  });
});

describe('printProgress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    const out = { isTTY, columns: 10, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    return { out, written };
  };

  it('redraws one line in place on a terminal, cut to its width', () => {
    const { out, written } = stream(true);
    printProgress(out, 'cases [##--] 50% page 2');
    expect(written).toEqual(['\rcases [##\x1b[K']); // 9 characters: one column is kept free
  });

  it('prints one whole line per call into a log', () => {
    const { out, written } = stream(false);
    printProgress(out, 'cases [##--] 50% page 2');
    printProgress(out, 'cases [####] 100% page 3');
    expect(written).toEqual(['cases [##--] 50% page 2\n', 'cases [####] 100% page 3\n']);
  });
});
