// Accounts from the shell (app/user-command.ts); the server must be stopped (DuckDB allows one
// process per file). The first administrator is created here:
//   npm run user -- add admin --role admin --region 370000
import { loadConfig } from '../app/config.js';
import { migrateDatabase } from '../app/setup.js';
import { userCommand } from '../app/user-command.js';
import { Database } from '../warehouse/database.js';

async function main(args: string[]): Promise<number> {
  const { server, peerGroups } = loadConfig();
  const db = await Database.open(server.dbPath, { allowedDirectories: server.allowedDirectories });
  try {
    await migrateDatabase(db, peerGroups);
    return await userCommand(db, args, console.log, console.error);
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`失败：${err.message}`);
    process.exit(1);
  },
);
