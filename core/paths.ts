// Where the project's files are, independent of the working directory.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SQL_DIR = join(ROOT, 'sql');
export const SEEDS_DIR = join(ROOT, 'seeds');
