// Test helpers that reset the database between test files.
import pg from "pg";
import { createPrismaClient } from "../../lib/data/prisma";

export async function wipeSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

/**
 * Empties every table but the migrations record. The audit log refuses deletes from the app,
 * so this runs as a replication session, which skips triggers: a test-only privilege.
 */
export async function emptyTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** Row counts of every table: a fingerprint of what a step wrote. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of rows) {
      const result = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${tablename}"`);
      counts[tablename] = Number(result.rows[0]?.n ?? 0);
    }
    return counts;
  } finally {
    await client.end();
  }
}

export const testDb = (url: string) => createPrismaClient(url, { max: 3 });
