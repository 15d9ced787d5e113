import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../../warehouse/database.js';
import { setUpDatabase } from '../../app/setup.js';

/** A migrated in-memory database with the seeds loaded; `extraDirectories` are opened to SQL
 * besides the default allow-list (e.g. a temporary export folder). */
export async function freshDb(extraDirectories: string[] = []): Promise<Database> {
  const db = await Database.open(':memory:', { readers: 2, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, ...extraDirectories] });
  await setUpDatabase(db);
  return db;
}

/** Rows in one relation and not the other, both ways (0 when they are equal as multisets). */
export async function difference(db: Database, a: string, b: string): Promise<number> {
  const [row] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ((FROM ${a} EXCEPT ALL FROM ${b}) UNION ALL (FROM ${b} EXCEPT ALL FROM ${a}))`);
  return row.n;
}
