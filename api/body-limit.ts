// A request body larger than the configured limit is refused with a 413 before it is read:
// one declared too large by its Content-Length at once, a chunked one as soon as it passes
// the limit. The connection is closed, so the rest of the body is not read either.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`);

export function limitBodies(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json({ error: `request body larger than ${size(maxBytes)} (${maxBytes} bytes), the limit http.maxBodyBytes sets; nothing was read or stored` }, 413, {
        connection: 'close',
      }),
  });
}
