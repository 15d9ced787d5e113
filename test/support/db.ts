import { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/schema.js';

/** A migrated in-memory database with the seeds loaded. */
export async function freshDb(): Promise<Database> {
  const db = await Database.open(':memory:', { readers: 2 });
  await migrate(db);
  return db;
}
