// The built dashboard: brotli or gzip files written beside each asset at build time
// (vite.config.ts) are sent to browsers that accept them; hashed assets never change under
// their name, so they are cached for a year, while index.html is revalidated on every load
// so a new build is picked up at once.
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { relative } from 'node:path';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function dashboardFiles(dist: string): MiddlewareHandler {
  const root = relative(process.cwd(), dist);
  return async (c, next) => {
    let found: string | undefined;
    const res = await serveStatic({
      root,
      precompressed: true,
      onFound: (path) => {
        found = path;
      },
    })(c, next);
    if (found && res) res.headers.set('Cache-Control', /[/\\]assets[/\\]/.test(found) ? IMMUTABLE : 'no-cache');
    return res;
  };
}
