import "server-only";
import { serverEnv } from "../env";
import { createPrismaClient, type Db } from "./prisma";

// One client per server process; kept on globalThis so the dev server's reloads reuse it.
const globalForDb = globalThis as unknown as { compactTrackerDb?: Db };

export function getDb(): Db {
  globalForDb.compactTrackerDb ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForDb.compactTrackerDb;
}
