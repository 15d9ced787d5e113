// A coalesced task never runs twice at once: calls during a run get its promise and ask for
// exactly one more pass afterwards.
import { describe, expect, it } from 'vitest';
import { coalesce } from '../../core/coalesce.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A task whose passes finish when the test says, numbered from 1. */
function gatedTask() {
  const finish: ((value: number) => void)[] = [];
  const task = () => new Promise<number>((resolve) => finish.push(resolve));
  return { task, finish, passes: () => finish.length };
}

describe('coalesce', () => {
  it('answers calls during a run with the running promise and then runs once more', async () => {
    const { task, finish, passes } = gatedTask();
    const run = coalesce(task);
    const first = run();
    expect(run()).toBe(first);
    expect(run()).toBe(first);
    expect(passes()).toBe(1);
    finish[0](1);
    expect(await first).toBe(1);
    expect(passes()).toBe(2); // one more pass for the two calls, not two
    finish[1](2);
    await tick();
    expect(passes()).toBe(2);
    // Idle again: the next call starts a new pass of its own.
    const later = run();
    expect(later).not.toBe(first);
    expect(passes()).toBe(3);
    finish[2](3);
    expect(await later).toBe(3);
  });

  it('does not run again when nobody called during the run', async () => {
    const { task, finish, passes } = gatedTask();
    const run = coalesce(task);
    const only = run();
    finish[0](7);
    expect(await only).toBe(7);
    await tick();
    expect(passes()).toBe(1);
  });

  it('gives a failure to the callers of its pass; the extra pass fails quietly', async () => {
    let passes = 0;
    const run = coalesce(() => Promise.reject(new Error(`pass ${++passes}`)));
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('pass 1');
    await expect(second).rejects.toThrow('pass 1');
    await tick();
    expect(passes).toBe(2); // the extra pass ran and its rejection was handled (no unhandled rejection)
  });
});
