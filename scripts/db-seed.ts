// npm run db:seed: loads the CPC partnerships that are not in the database yet.
import { runCli } from "./lib/cli";
import { openOwnerDatabase } from "./lib/database";
import { migrate, seed, seedDemoSignIns, wantsDemoUsers } from "./lib/prepare";

await runCli(async () => {
  const db = await openOwnerDatabase();
  try {
    await migrate(db);
    const report = await seed(db, { onlyIfEmpty: false });
    // The demo's sign-ins and the work on their desk (the seed left those reports to it).
    if (wantsDemoUsers(db)) await seedDemoSignIns(db);
    if (report) {
      console.log(`Seeded ${db.description}.`);
      if (report.created.length > 0) console.log(`  created: ${report.created.join(", ")}`);
      if (report.alreadyThere.length > 0) console.log(`  already there, left unchanged: ${report.alreadyThere.join(", ")}`);
    }
  } finally {
    await db.close();
  }
});
