// Real Chromium (Debian's package) driven by playwright-core; nothing is downloaded.
import { CHROMIUM_ARGS, chromiumPath } from '../../core/chromium.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../../core/paths.js';

export const ARTIFACTS = join(ROOT, 'test/artifacts');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
