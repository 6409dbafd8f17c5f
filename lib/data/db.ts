import "server-only";
import type pg from "pg";
import { serverEnv } from "../env";
import { createPool, createPrismaClient, type Db } from "./prisma";

// One pool and one client per server process; kept on globalThis so the dev server's reloads
// reuse them.
const globalForDb = globalThis as unknown as { compactTrackerDb?: { pool: pg.Pool; prisma: Db } };

function handles() {
  if (!globalForDb.compactTrackerDb) {
    const pool = createPool(serverEnv().DATABASE_URL);
    globalForDb.compactTrackerDb = { pool, prisma: createPrismaClient(pool) };
  }
  return globalForDb.compactTrackerDb;
}

export const getDb = (): Db => handles().prisma;

/** The raw pool, for libraries that speak node-postgres (the sign-in rate limiter). */
export const getPool = (): pg.Pool => handles().pool;
