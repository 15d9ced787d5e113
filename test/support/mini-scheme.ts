// A one-indicator scheme in a temporary folder, loaded instead of seeds/schemes/, for score
// tests that need points the shipped schemes do not have: 1.1.1 scored by hand at 1.5 points,
// 1.4.4 an E bonus of 2 points capped at 1, rounding as given.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemes } from '../../scoring/load-schemes.js';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../../warehouse/database.js';
import { migrate } from '../../warehouse/migrate.js';
import { refreshMarts } from '../../warehouse/refresh.js';

export const miniScheme = (mode: 'half_up' | 'half_even') => ({
  code: `mini_${mode}`,
  name: '小方案',
  version: '1',
  total_points: 1.5,
  bonus_cap: 1,
  rounding: { digits: 2, mode },
  grades: [
    { grade: '合格', min: 1, max: null },
    { grade: '不合格', min: 0, max: 1 },
  ],
  p1: [
    {
      code: '1',
      name: '事业发展',
      points: 1.5,
      p2: [
        { code: '1.1', name: '覆盖范围', points: 1.5, indicators: [{ code: '1.1.1', points: 1.5 }] },
        { code: '1.4', name: '财政投入', points: 0, indicators: [{ code: '1.4.4', points: 2 }] },
      ],
    },
  ],
});

/** A database whose only schemes are the given files (written to a temporary folder). */
export async function dbWithSchemes(schemes: object[]): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'schemes-'));
  for (const [i, s] of schemes.entries()) writeFileSync(join(dir, `s${i}.json`), JSON.stringify(s));
  const db = await Database.open(':memory:', { readers: 1, allowedDirectories: DEFAULT_ALLOWED_DIRECTORIES });
  await migrate(db, { seeds: [(conn) => loadSchemes(conn, dir)] });
  await refreshMarts(db);
  return db;
}
