import "server-only";
import { describeConnectionError } from "../db-errors";
import { getDb } from "./db";
import type { Db } from "./prisma";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

const TIMEOUT_MS = 3_000;

/** Public: whether the database answers a trivial query within a few seconds. */
export async function getDatabaseHealth(db?: Db): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const client = db ?? getDb();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not answer within ${TIMEOUT_MS / 1000} seconds`)), TIMEOUT_MS);
    });
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (error) {
    const timedOut = error instanceof Error && error.message.startsWith("the database did not answer");
    return { ok: false, reason: `Database unreachable: ${timedOut ? error.message : describeConnectionError(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
