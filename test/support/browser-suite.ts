// One demo server and one Chromium launch for a browser test file, started before its tests
// and closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

export interface BrowserSuite {
  server: DemoServer;
  browser: Browser;
}

/** Registers the hooks; the returned object is filled in before the first test runs. */
export function useDemoBrowser(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startDemoServer();
    suite.browser = await launchBrowser();
  }, 300_000); // collecting the demo's data takes over two minutes when three test runs share two cores
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
