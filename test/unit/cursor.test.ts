// The cursors sources page with: which may become a watermark (a malformed or future one
// would stop its feed for good), and which of two is later.
import { describe, expect, it } from 'vitest';
import { cursorProblem, later } from '../../ingest/cursor.js';

const NOW = Date.parse('2025-03-20T12:00:00+08:00');

describe('cursorProblem', () => {
  it('takes "ISO time|id" cursors, with an empty id or a "|" in it, up to a day ahead of the clock', () => {
    for (const ok of [
      '2025-03-08T10:00:00+08:00|370105|insured|2025-02',
      '2025-03-01T00:00:00+08:00|',
      '2025-03-20T04:00:00Z|K1',
      '2025-03-20T12:00:00.250+0800|K1',
      '2025-03-21T11:59:00+08:00|K1',
    ]) {
      expect(cursorProblem(ok, NOW), ok).toBeNull();
    }
  });

  it.each([
    ['not-a-cursor', 'a cursor that is not "ISO time|id": "not-a-cursor"'],
    ['2025-03-08T10:00:00+08:00', 'a cursor that is not "ISO time|id": "2025-03-08T10:00:00+08:00"'],
    ['2025-03-08|K1', 'a cursor that is not "ISO time|id": "2025-03-08|K1"'],
    ['2025-02-30T10:00:00+08:00|K1', 'a cursor that is not "ISO time|id": "2025-02-30T10:00:00+08:00|K1"'],
    ['812', 'a cursor that is not "ISO time|id": "812"'],
    [42, 'a cursor that is not "ISO time|id": 42'],
    ['2099-01-01T00:00:00+08:00|K1', 'a cursor in the future: "2099-01-01T00:00:00+08:00|K1"'],
    ['2025-03-21T12:00:01+08:00|K1', 'a cursor in the future: "2025-03-21T12:00:01+08:00|K1"'],
  ])('refuses %j', (next, problem) => {
    expect(cursorProblem(next, NOW)).toBe(problem);
  });
});

describe('later', () => {
  it('keeps the watermark when a rewinding source pages behind it', () => {
    expect(later('2025-03-01T00:00:00+08:00|A', '2025-03-02T00:00:00+08:00|B')).toBe('2025-03-02T00:00:00+08:00|B');
    expect(later('2025-03-02T00:00:00+08:00|C', '2025-03-02T00:00:00+08:00|B')).toBe('2025-03-02T00:00:00+08:00|C');
    expect(later('2025-03-02T00:00:00+08:00|A', null)).toBe('2025-03-02T00:00:00+08:00|A');
  });
});
