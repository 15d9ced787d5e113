// Orders the test files of all tiers together, as vitest orders the files of one project:
// those that failed last time first, then the longest last time (the largest file when not
// run before). Vitest's own sequencer runs the projects one after another, which would leave
// the slow SQL files for the end of `npm test` with the other worker idle.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class AcrossTiers extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const rank = (spec: TestSpecification): number[] => {
      const key = `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
      const last = cache.getFileTestResults(key);
      return last ? [1, last.failed ? 0 : 1, -(last.duration ?? 0)] : [0, 0, -(cache.getFileStats(key)?.size ?? 0)];
    };
    const ranks = new Map(files.map((spec) => [spec, rank(spec)]));
    return [...files].sort((a, b) => {
      const [x, y] = [ranks.get(a)!, ranks.get(b)!];
      const i = x.findIndex((v, j) => v !== y[j]);
      return i === -1 ? 0 : x[i] - y[i];
    });
  }
}
