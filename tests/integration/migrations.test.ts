import { cp, mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema } from "../../scripts/db/diff";
import { applyPendingMigrations, MigrationError } from "../../scripts/db/migrate";
import { pgliteTransactions } from "../../scripts/db/runners";
import { migrationsDir } from "../../scripts/db/schema-engine";

const migrationNames = async () =>
  (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

const tablesIn = async (db: PGlite) =>
  (await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.tablename);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup) await step();
  cleanup = [];
});

async function freshPglite() {
  const db = new PGlite();
  cleanup.push(() => db.close());
  return db;
}

async function tempMigrations(extra: Record<string, string> = {}, { withExisting = true } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ct-migrations-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  if (withExisting) await cp(migrationsDir, dir, { recursive: true });
  else await cp(path.join(migrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrations", () => {
  it("apply from an empty database, record themselves as Prisma does, and apply nothing twice", async () => {
    const db = await freshPglite();
    const applied = await applyPendingMigrations(pgliteTransactions(db));
    expect(applied).toEqual(await migrationNames());
    expect(await tablesIn(db)).toEqual(
      expect.arrayContaining(["Partnership", "FundingCommitment", "Measurement", "Submission", "AuditEvent", "_prisma_migrations"]),
    );
    const recorded = await db.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded.rows.map((r) => r.migration_name)).toEqual(applied);
    expect(recorded.rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.applied_steps_count === 1)).toBe(true);

    expect(await applyPendingMigrations(pgliteTransactions(db))).toEqual([]);
  });

  it("leave the database as it was when a migration fails", async () => {
    const db = await freshPglite();
    const dir = await tempMigrations({
      "99990101000000_broken": `CREATE TABLE "Extra" (id int);\nSELECT 1 / 0;`,
    });
    await expect(applyPendingMigrations(pgliteTransactions(db), dir)).rejects.toThrowError(MigrationError);
    await expect(applyPendingMigrations(pgliteTransactions(db), dir)).rejects.toThrow(/99990101000000_broken failed: division by zero/);
    expect(await tablesIn(db)).toEqual([]);
  });

  it("are all applied to the database this run uses", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(await migrationNames());
    } finally {
      await client.end();
    }
  });
});

describe("drift between schema.prisma and the migrations", () => {
  it("is none: every change to the schema has its migration", async () => {
    const drift = await diffMigrationsToSchema();
    expect(drift, `schema.prisma differs from the migrations; run npm run db:migration -- <name>:\n${drift}`).toBeNull();
  });

  it("is found when a migration is missing", async () => {
    const dir = await tempMigrations({}, { withExisting: false });
    const drift = await diffMigrationsToSchema(dir);
    expect(drift).toContain('CREATE TABLE "Partnership"');
  });
});
