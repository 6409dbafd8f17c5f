// Test helpers that reset the database between test files.
import pg from "pg";
import { createPrismaClient } from "../../lib/data/prisma";

export async function wipeSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
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

/** One value per table, from a query over that table's rows (alias t), leaving out rows that match `besides`. */
async function perTable<T>(url: string, select: string, read: (value: string | null) => T, besides: Record<string, string> = {}): Promise<Record<string, T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const result: Record<string, T> = {};
    for (const { tablename } of rows) {
      const where = besides[tablename] ? ` WHERE NOT (${besides[tablename]})` : "";
      const row = await client.query<{ v: string | null }>(`SELECT (${select})::text AS v FROM "${tablename}" t${where}`);
      result[tablename] = read(row.rows[0]?.v ?? null);
    }
    return result;
  } finally {
    await client.end();
  }
}

const DIGEST = "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))";

/** Row counts of every table: a fingerprint of what a step wrote. */
export const tableCounts = (url: string) => perTable(url, "count(*)", Number);

/** A digest of every row of every table: equal digests mean nothing was written. */
export const databaseDigest = (url: string) => perTable(url, DIGEST, (v) => v ?? "");

/**
 * The same digest without the audit rows of refusals and their rate-limit counters
 * (lib/data/security-events.ts): equal means a refused request wrote nothing else.
 */
export const digestBesidesRefusals = (url: string) =>
  perTable(url, DIGEST, (v) => v ?? "", { AuditEvent: "t.action = 'security.refused'", auth_rate_limit: "t.key LIKE 'refusal:%'" });

export const testDb = (url: string) => createPrismaClient(url, { max: 3 });
