// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { runCli } from "./lib/cli";
import { openOwnerDatabase } from "./lib/database";
import { migrate } from "./lib/prepare";

await runCli(async () => {
  const db = await openOwnerDatabase();
  try {
    const applied = await migrate(db);
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) to ${db.description}: ${applied.join(", ")}`
        : `No pending migrations: ${db.description} is up to date.`,
    );
  } finally {
    await db.close();
  }
});
