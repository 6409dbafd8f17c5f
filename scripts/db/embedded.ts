// The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served on 127.0.0.1 by
// pglite-socket, so the app reaches it with an ordinary postgresql:// URL. Only one process
// may open a PGlite data folder, so this process owns it for as long as the app runs.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { findFreePort, isPortFree } from "../lib/ports";
import { isolateConnections } from "./socket-queue";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** True when the preferred port was taken and another was chosen. */
  movedFrom?: number;
  stop(): Promise<void>;
}

/** dataDir: a folder to keep the data in, or undefined for a throwaway in-memory database. */
export async function startEmbeddedPostgres(options: { dataDir?: string; preferredPort?: number }): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? "memory://");
  let port = options.preferredPort ?? 0;
  let movedFrom: number | undefined;
  if (!port || !(await isPortFree(port))) {
    movedFrom = port || undefined;
    port = await findFreePort();
  }
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 20 });
  isolateConnections(server);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    movedFrom,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
