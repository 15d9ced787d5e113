// The bench's parts that run in processes of their own (a size, the history generator, the
// load generator), forked as TypeScript through tsx.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../core/paths.js';

/** Forks bench/<script> with its arguments. */
export const forkScript = (script: string, args: string[]): ChildProcess => fork(join(ROOT, 'bench', script), args, { execArgv: ['--import', 'tsx'] });
