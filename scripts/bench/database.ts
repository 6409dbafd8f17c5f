// The benchmarks' own database: a separate database on a PostgreSQL server (never the app's),
// BENCH_DATABASE_URL or compact_bench on this machine's server. Its name must say "bench",
// because a fresh run drops it.
import pg from "pg";
import { describeConnectionError } from "../../lib/db-errors";
import { createPrismaClient } from "../../lib/data/prisma";
import { seedDatabase } from "../../prisma/seed/seed";
import { applyPendingMigrations } from "../db/migrate";
import { pgTransactions } from "../db/runners";
import { UserFacingError } from "../lib/cli";

export const DEFAULT_BENCH_URL = "postgresql://postgres@127.0.0.1:5432/compact_bench";

export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.slice(1));
  } catch {
    throw new UserFacingError(`BENCH_DATABASE_URL does not parse: set it to postgresql://user@host:5432/compact_bench.`);
  }
  if (!/bench/i.test(name)) {
    throw new UserFacingError(`The benchmark database is dropped and refilled, so its name must contain "bench" (BENCH_DATABASE_URL names "${name}").`);
  }
  return url;
}

/** Creates the database if it is missing (dropping it first when fresh), then migrates and seeds it. */
export async function prepareBenchDatabase(url: string, options: { fresh: boolean }): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new UserFacingError(
      `The benchmarks need a PostgreSQL server, and ${target.host} does not answer (${describeConnectionError(error)}): start it, or set BENCH_DATABASE_URL.`,
    );
  }
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await admin.end();
  }
  await applyPendingMigrations(pgTransactions(url));
  const client = createPrismaClient(url, { max: 2 });
  try {
    await seedDatabase(client);
  } finally {
    await client.$disconnect();
  }
}
