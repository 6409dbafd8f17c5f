// Applies prisma/migrations/*/migration.sql that the database has not seen, all in one
// transaction: either every pending migration applies or the database is left as it was.
// Records them in _prisma_migrations exactly as `prisma migrate deploy` does, so an operator
// with internet access can still use the stock Prisma CLI on the same database.
import { createHash, randomUUID } from "node:crypto";
import { readMigrationList } from "./schema-engine";

/** The little a migration needs from a connection, inside one transaction. */
export interface SqlTransaction {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}
export type RunInTransaction = <T>(work: (tx: SqlTransaction) => Promise<T>) => Promise<T>;

// The advisory lock key Prisma's own migrate uses, so two deploys never interleave.
const PRISMA_MIGRATE_LOCK = 72707369;

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string,
    override readonly cause: unknown,
  ) {
    super(`Migration ${migrationName} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export async function applyPendingMigrations(runInTransaction: RunInTransaction, migrationsDir?: string): Promise<string[]> {
  const list = await readMigrationList(migrationsDir);
  return runInTransaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const appliedRows = await tx.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const unfinished = appliedRows.find((row) => row.finished_at === null);
    if (unfinished) {
      throw new MigrationError(
        unfinished.migration_name,
        "it is recorded as started but not finished (left by another tool); resolve it with `prisma migrate resolve` before migrating again",
      );
    }
    const applied = new Set(appliedRows.map((row) => row.migration_name));
    const newlyApplied: string[] = [];
    for (const migration of list.migrationDirectories) {
      if (applied.has(migration.path)) continue;
      const content = migration.migrationFile.content;
      if (content.tag !== "ok") throw new MigrationError(migration.path, content.value);
      try {
        await tx.exec(content.value);
      } catch (error) {
        throw new MigrationError(migration.path, error);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), createHash("sha256").update(content.value).digest("hex"), migration.path],
      );
      newlyApplied.push(migration.path);
    }
    return newlyApplied;
  });
}
