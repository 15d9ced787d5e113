// Debian's Chromium as driven by playwright-core, for the report's PDF export and the
// browser tests: one place for its path and flags.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumPath(env));
}
