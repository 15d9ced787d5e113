// What the HTTP edge accepts: the `http` section of the config. Which hosts the service
// answers to (a foreign Host header is a DNS-rebinding page reaching a local service) and
// how large a request body may be (refused with a 413 before it is read).
import { z } from 'zod';
import { integerIn, textLike } from '../core/validation.js';

/** Always answered to: the machine itself. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

export const httpConfigSchema = z
  .strictObject({
    /** Host names the service is reached by besides LOCAL_HOSTS: its public host name(s). */
    allowedHosts: z.array(textLike(/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/, 'a lower-case host name without port, like si.example.gov.cn')).default([]),
    /** The largest request body, in bytes (a manual-score sheet of a province is well under 1 MB). */
    maxBodyBytes: integerIn(1024, 1024 ** 3).default(5 * 1024 * 1024),
  })
  .prefault({});
export type HttpConfig = z.output<typeof httpConfigSchema>;

export const DEFAULT_HTTP_CONFIG: HttpConfig = httpConfigSchema.parse(undefined);
