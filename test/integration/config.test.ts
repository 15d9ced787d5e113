// The collect CLI's command line (the configuration itself: test/unit/config.test.ts).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../core/paths.js';

describe('collect CLI', () => {
  it('refuses a bad command line with a usage message and exit code 2, before touching the database', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'bin/collect.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DB_PATH: '/nonexistent/never-opened.duckdb' },
      });
    const cases = [
      [['claims'], "unknown collector 'claims' (configured: cases, reports, uploads, ratings, complaints, report_files, agency_cases)"],
      [['cases', '--from', '2025-02-30'], "--from must be a date YYYY-MM-DD or an ISO 8601 time, got '2025-02-30'"],
      [['report_files', '--from', '2025-03-01'], 'report_files loads the files in its inbox; --from/--to do not apply'],
    ] as const;
    for (const [args, message] of cases) {
      const res = cli(...args);
      expect({ args, status: res.status, stderr: res.stderr.trim() }).toEqual({ args, status: 2, stderr: message });
    }
  });
});
