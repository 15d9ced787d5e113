// Runs ending together share one refresh: a run ending while others write waits for the last
// of them (at most the queue's wait), and runs ending during a refresh get one more after it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshQueue } from '../../ingest/refresh-queue.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A queue whose refreshes record the runs they covered and finish when the test says. */
function gatedQueue(maxWaitMs = 1000) {
  const refreshes: string[][] = [];
  const finish: ((err?: Error) => void)[] = [];
  const queue = new RefreshQueue<string>(
    (runs) =>
      new Promise<void>((resolve, reject) => {
        refreshes.push(runs);
        finish.push((err) => (err ? reject(err) : resolve()));
      }),
    maxWaitMs,
  );
  return { queue, refreshes, finish };
}

/** Lets the promise callbacks queued so far run. */
const tick = () => vi.advanceTimersByTimeAsync(0);

/** Which of the promises have settled, after the callbacks queued so far. */
async function settled(promises: Promise<void>[]): Promise<boolean[]> {
  const done = promises.map(() => false);
  for (const [i, p] of promises.entries()) {
    const settle = () => {
      done[i] = true;
    };
    p.then(settle, settle);
  }
  await tick();
  return done;
}

describe('RefreshQueue', () => {
  it('leaves the refresh of a run ending while others write to the last of them, and refreshes once', async () => {
    const { queue, refreshes, finish } = gatedQueue();
    const cases = queue.settle('cases', true);
    const reports = queue.settle('reports', true);
    await tick();
    expect(refreshes).toEqual([]);
    // The last run wrote nothing: it still ends the wait for the two before it.
    const uploads = queue.settle(null, false);
    await tick();
    expect(refreshes).toEqual([['cases', 'reports']]);
    expect(await settled([cases, reports, uploads])).toEqual([false, false, true]);
    finish[0]();
    expect(await settled([cases, reports])).toEqual([true, true]);
    expect(refreshes).toHaveLength(1);
  });

  it('refreshes at once when no other run writes, and not at all when nothing landed', async () => {
    const { queue, refreshes, finish } = gatedQueue();
    await queue.settle(null, false);
    await tick();
    expect(refreshes).toEqual([]);
    const cases = queue.settle('cases', false);
    await tick();
    expect(refreshes).toEqual([['cases']]);
    finish[0]();
    await cases;
  });

  it('waits at most its wait for runs still writing', async () => {
    const { queue, refreshes, finish } = gatedQueue(30_000);
    const reports = queue.settle('reports', true);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(refreshes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(refreshes).toEqual([['reports']]);
    finish[0]();
    await reports;
    // The long run ending later gets its own refresh, and no timer is left behind.
    const cases = queue.settle('cases', false);
    await tick();
    expect(refreshes).toEqual([['reports'], ['cases']]);
    finish[1]();
    await cases;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('covers runs ending during a refresh with one more refresh after it', async () => {
    const { queue, refreshes, finish } = gatedQueue();
    const cases = queue.settle('cases', false);
    await tick();
    const reports = queue.settle('reports', false);
    const uploads = queue.settle('uploads', false);
    await tick();
    // The running refresh may have read its inputs before these landed: they wait for the next.
    expect(refreshes).toEqual([['cases']]);
    finish[0]();
    expect(await settled([cases, reports, uploads])).toEqual([true, false, false]);
    expect(refreshes).toEqual([['cases'], ['reports', 'uploads']]);
    finish[1]();
    expect(await settled([reports, uploads])).toEqual([true, true]);
    expect(refreshes).toHaveLength(2);
  });

  it('tells the runs a refresh covered of its failure, and refreshes the next runs as before', async () => {
    const { queue, refreshes, finish } = gatedQueue();
    const cases = queue.settle('cases', false);
    await tick();
    finish[0](new Error('listener failed'));
    await expect(cases).rejects.toThrow('listener failed');
    const reports = queue.settle('reports', false);
    await tick();
    expect(refreshes).toEqual([['cases'], ['reports']]);
    finish[1]();
    await reports;
  });
});
