// One folder per test run for the demo snapshot (test/support/demo-snapshot.ts), shared by the
// integration and browser tiers and the processes they start (through the environment), and
// removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNAPSHOT_DIR_ENV } from './demo-snapshot.js';

export default function setup(): (() => void) | undefined {
  if (process.env[SNAPSHOT_DIR_ENV]) return undefined; // the other tier's setup made it
  const dir = mkdtempSync(join(tmpdir(), 'demo-snapshot-'));
  process.env[SNAPSHOT_DIR_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
