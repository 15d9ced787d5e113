// One demo server and one Chromium for a browser test file, started before its tests
// and stopped after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

export interface BrowserSuite {
  server: DemoServer;
  browser: Browser;
}

export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startDemoServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
