import { isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import { ROOT } from './paths.js';
import { parseWith } from './validation.js';

/** A configuration entry that cannot be used; the message names the entry (e.g. `alerts.rules[2].metric`). */
export class ConfigError extends Error {}

/** Parses the configuration (or one section of it, named by prefix); throws ConfigError
 * naming every bad entry, one a line. */
export const parseConfigWith = <S extends z.ZodType>(schema: S, raw: unknown, prefix = ''): z.output<S> =>
  parseWith(schema, raw, (messages) => new ConfigError(messages.join('\n')), prefix);

/** A path written in the configuration: a relative one is taken from the project root, not the working directory. */
export const projectPath = (p: string) => (isAbsolute(p) ? p : join(ROOT, p));
