// Example queries for the console: sql/examples/*.sql, each opening with a comment whose
// first line is the title and the rest the explanation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_DIR } from '../core/paths.js';
import { leadingComment } from './sql-comments.js';

export interface Example {
  name: string;
  title: string;
  description: string;
  query: string;
}

export const EXAMPLES_DIR = join(SQL_DIR, 'examples');

export function loadExamples(dir = EXAMPLES_DIR): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const query = readFileSync(join(dir, file), 'utf8').trim();
      const [first, ...rest] = query.split('\n');
      return { name: file.replace(/\.sql$/, ''), title: leadingComment(first), description: leadingComment(rest.join('\n')), query };
    });
}
