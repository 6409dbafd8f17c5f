// Builds the database handles on a PostgreSQL URL: a node-postgres pool and a Prisma client on
// it through @prisma/adapter-pg. This is the one way the project reaches its database, embedded
// (PGlite over a local socket) or a real server. The app uses the shared handles in ./db.ts;
// scripts and tests build their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";

// JIT compilation is off for the app's sessions: its queries are short, and the planner's
// generous estimate for generate_series (1,000 rows) pushed the quarter-by-quarter queries over
// jit_above_cost, where compiling took 140 ms of a 5 ms query (docs/PERFORMANCE.md). PGlite
// ignores the option (it has no JIT).
export function createPool(connectionString: string, options: { max?: number } = {}) {
  return new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000, options: "-c jit=off" });
}

/** Given a URL, the client owns its pool and $disconnect() closes it; a pool passed in stays open. */
export function createPrismaClient(connectionString: string | pg.Pool, options: { max?: number } = {}) {
  const adapter =
    typeof connectionString === "string" ? new PrismaPg(createPool(connectionString, options), { disposeExternalPool: true }) : new PrismaPg(connectionString);
  // Under load every transaction may wait for one of the pool's connections: Prisma's default
  // of 2 s for that turned 50 concurrent saves into "something went wrong" instead of a queue.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
