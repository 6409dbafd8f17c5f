// The steps every start takes on its database: apply pending migrations, then seed if empty.
import { seedDemoUsers } from "../../prisma/seed/demo-users";
import { seedDemoWork } from "../../prisma/seed/demo-work";
import { seedDatabase } from "../../prisma/seed/seed";
import { installQueue } from "../../lib/data/job-queue";
import { createPrismaClient } from "../../lib/data/prisma";
import { applyPendingMigrations, MigrationError } from "../db/migrate";
import { pgTransactions } from "../db/runners";
import { UserFacingError } from "./cli";
import type { Database } from "./database";

export async function migrate(db: Database): Promise<string[]> {
  try {
    const applied = await applyPendingMigrations(pgTransactions(db.url));
    // The job queue's own tables (pg-boss, schema "pgboss") and the app's queues, as the owner.
    await installQueue(db.url);
    return applied;
  } catch (error) {
    if (error instanceof MigrationError) {
      throw new UserFacingError(
        `${error.message}. The database was left as it was (pending migrations apply in one transaction): fix the migration and run npm run db:migrate again.`,
      );
    }
    throw error;
  }
}

export async function seed(db: Database, options: { onlyIfEmpty: boolean }) {
  // The demo database leaves a few reports for the demo users to review and revise (prisma/seed/demo-work.ts).
  const client = createPrismaClient(db.url, { max: 2 });
  try {
    if (options.onlyIfEmpty && (await client.partnership.count()) > 0) return null;
    return await seedDatabase(client, { demoWork: wantsDemoUsers(db) });
  } finally {
    await client.$disconnect();
  }
}

/** Demo sign-ins go only into the embedded demo database, or a server that asks for them. */
export const wantsDemoUsers = (db: Database) => Boolean(db.embedded) || process.env.SEED_DEMO_USERS === "1";

export async function seedDemoSignIns(db: Database): Promise<string[]> {
  const client = createPrismaClient(db.url, { max: 2 });
  try {
    const created = await seedDemoUsers(client);
    await seedDemoWork(client);
    return created;
  } finally {
    await client.$disconnect();
  }
}
