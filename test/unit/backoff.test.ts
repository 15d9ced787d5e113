// Retry delays: doubling from the base, capped, and with jitter a share of 50–100 %.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../core/backoff.js';

afterEach(() => vi.restoreAllMocks());

describe('backoffDelay', () => {
  it('doubles from the base delay with each attempt', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, 100))).toEqual([100, 200, 400, 800, 1600]);
  });

  it('stops growing at the maximum', () => {
    expect([3, 4, 5, 10].map((a) => backoffDelay(a, 100, 1000))).toEqual([400, 800, 1000, 1000]);
  });

  it('takes 50 % to 100 % of the delay with jitter', () => {
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValue(0);
    expect(backoffDelay(3, 100, 1000, true)).toBe(200); // 400 × 0.5
    random.mockReturnValue(0.5);
    expect(backoffDelay(3, 100, 1000, true)).toBe(300); // 400 × 0.75
    random.mockReturnValue(0.5);
    expect(backoffDelay(6, 100, 1000, true)).toBe(750); // capped at 1000 first, × 0.75
  });
});
