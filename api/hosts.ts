// Answers only requests addressed to this service by a name it is known by: a page on a
// foreign domain whose name an attacker re-points at this machine (DNS rebinding) reaches
// the server with that foreign name in its Host header, and is refused before any route.
import type { MiddlewareHandler } from 'hono';
import { LOCAL_HOSTS } from './http-config.js';

/** The host name a request is addressed to (no port), lower-case; null when it does not parse. */
function hostName(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Refuses requests whose Host (or, without one, URL) names a host not in LOCAL_HOSTS or `extra`. */
export function allowedHosts(extra: readonly string[]): MiddlewareHandler {
  const allowed = new Set<string>([...LOCAL_HOSTS, ...extra]);
  const listed = [...allowed].join(', ');
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostName(host);
    if (name === null || !allowed.has(name)) {
      const shown = host.length > 60 ? `${host.slice(0, 60)}…` : host;
      return c.json({ error: `host '${shown}' is not a name of this service (${listed}); add it to http.allowedHosts in the configuration` }, 403);
    }
    return next();
  };
}
