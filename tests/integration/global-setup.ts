// One database for the integration run: a throwaway embedded PostgreSQL, or the server in
// TEST_DATABASE_URL (CI uses the machine's PostgreSQL 15), wiped and migrated from empty.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyPendingMigrations } from "../../scripts/db/migrate";
import { pgTransactions } from "../../scripts/db/runners";
import { installQueue } from "../../lib/data/job-queue";
import { wipeSchema } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "embedded" | "server";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  let url: string;
  if (serverUrl) {
    const host = new URL(serverUrl).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
      throw new Error(`TEST_DATABASE_URL must point at this machine (it is wiped): ${host} is not local.`);
    }
    url = serverUrl;
    await wipeSchema(url);
  } else {
    const embedded = await startEmbeddedPostgres({});
    url = embedded.url;
    stop = embedded.stop;
  }
  await applyPendingMigrations(pgTransactions(url));
  await installQueue(url);
  project.provide("databaseUrl", url);
  project.provide("databaseKind", serverUrl ? "server" : "embedded");
  return async () => {
    await stop?.();
  };
}
