import { defineConfig } from 'vitest/config';
import AcrossTiers from './test/support/sequencer.js';

// Four tiers, each a project (`vitest run --project unit`, or `npm run test:unit` …):
// unit — pure modules, no database, server or build; sql — DuckDB on hand-made rows, no HTTP;
// integration — collectors, sources, the API and the entry points together; browser — the
// built dashboard in Chromium. Only the browser tier builds the dashboard first.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB work is multi-threaded already; two files at a time suit a 2-core machine.
    // The tiers share these two workers when they run together.
    maxWorkers: 2,
    sequence: { sequencer: AcrossTiers },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'sql', include: ['test/sql/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/support/snapshot-setup.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          globalSetup: ['test/support/snapshot-setup.ts', 'test/support/global-setup.ts'],
        },
      },
    ],
  },
});
