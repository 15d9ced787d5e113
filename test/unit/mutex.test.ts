// The FIFO mutex: callers take turns in the order they called, even when a later task is quicker.
import { describe, expect, it } from 'vitest';
import { Mutex } from '../../core/mutex.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Mutex', () => {
  it('runs tasks one at a time in call order and gives each caller its own result', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([mutex.run(task('a', 30)), mutex.run(task('b', 0)), mutex.run(task('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('passes a failure to its caller only and goes on with the next task', async () => {
    const mutex = new Mutex();
    const failed = mutex.run(async () => {
      throw new Error('export failed');
    });
    const next = mutex.run(async () => 'next ran');
    await expect(failed).rejects.toThrow('export failed');
    expect(await next).toBe('next ran');
  });
});
