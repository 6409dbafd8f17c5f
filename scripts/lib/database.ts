// Which PostgreSQL the scripts use: DATABASE_URL when it is set, otherwise the embedded one whose
// data lives in .data/ (or COMPACT_DATA_DIR). Only one process may open the embedded data folder:
// the process that opens it records itself in embedded.json, and others reuse its socket.
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describeConnectionError } from "../../lib/db-errors";
import { databaseUrlSchema } from "../../lib/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded";
import { UserFacingError } from "./cli";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** "memory" gives a throwaway in-memory database (the end-to-end tests use it). */
export function dataDirectory(): string | "memory" {
  const configured = process.env.COMPACT_DATA_DIR;
  if (configured === "memory") return "memory";
  return path.resolve(projectRoot, configured || ".data");
}

interface EmbeddedInfo {
  pid: number;
  url: string;
  appUrl?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function runningEmbedded(dir: string): Promise<EmbeddedInfo | null> {
  const file = path.join(dir, "embedded.json");
  if (!existsSync(file)) return null;
  const info = JSON.parse(await readFile(file, "utf8")) as EmbeddedInfo;
  return isAlive(info.pid) && info.pid !== process.pid ? info : null;
}

export interface Database {
  url: string;
  description: string;
  embedded?: EmbeddedPostgres;
  /** Records where the app serves, for other commands to print. */
  announce(appUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the embedded database in this process; refuses if another process holds its folder. */
export async function openEmbedded(preferredPort = 54329): Promise<Database> {
  const dir = dataDirectory();
  if (dir === "memory") {
    const embedded = await startEmbeddedPostgres({ preferredPort });
    return {
      url: embedded.url,
      description: `embedded PostgreSQL (in memory, 127.0.0.1:${embedded.port})`,
      embedded,
      announce: async () => {},
      close: () => embedded.stop(),
    };
  }
  const other = await runningEmbedded(dir);
  if (other) {
    throw new UserFacingError(
      `The embedded database in ${path.relative(process.cwd(), dir) || dir} is already open in process ${other.pid}${other.appUrl ? ` (serving ${other.appUrl})` : ""}: stop that process first, or set COMPACT_DATA_DIR to another folder.`,
    );
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite"), preferredPort });
  const infoFile = path.join(dir, "embedded.json");
  const info: EmbeddedInfo = { pid: process.pid, url: embedded.url };
  await writeFile(infoFile, JSON.stringify(info));
  return {
    url: embedded.url,
    description: `embedded PostgreSQL (data in ${path.relative(process.cwd(), path.join(dir, "pglite")) || dir}, 127.0.0.1:${embedded.port})`,
    embedded,
    announce: (appUrl) => writeFile(infoFile, JSON.stringify({ ...info, appUrl })),
    close: async () => {
      await embedded.stop();
      await rm(infoFile, { force: true });
    },
  };
}

/** Checks a database URL (DATABASE_URL, or MIGRATION_DATABASE_URL) and that the server answers; throws a sentence that says how to fix it. */
export async function openExternal(rawUrl: string, variable = "DATABASE_URL"): Promise<Database> {
  const instead = variable === "DATABASE_URL" ? "to use the embedded database" : "to migrate as DATABASE_URL's role";
  const parsed = databaseUrlSchema.safeParse(rawUrl);
  if (!parsed.success) {
    throw new UserFacingError(
      `${variable} does not parse (${parsed.error.issues[0]?.message ?? "invalid"}): set it to postgresql://user:password@host:5432/database, or unset it ${instead}.`,
    );
  }
  const url = parsed.data;
  const { hostname, port, pathname } = new URL(url);
  const where = `${hostname}:${port || 5432}${pathname}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new UserFacingError(
      `Cannot reach the PostgreSQL server in ${variable} (${where}): ${describeConnectionError(error)}. Start that server or correct ${variable}, or unset ${variable} ${instead}.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  return {
    url,
    description: `PostgreSQL at ${where} (${variable})`,
    announce: async () => {},
    close: async () => {},
  };
}

/**
 * The database that migrations and seeding run on, as its owner: MIGRATION_DATABASE_URL when set
 * beside DATABASE_URL (the app then runs as a role that may not alter tables; docs/SECURITY.md),
 * otherwise the same database as the app.
 */
export async function openOwnerDatabase(app?: Database): Promise<Database> {
  const owner = process.env.MIGRATION_DATABASE_URL;
  if (owner && process.env.DATABASE_URL) return openExternal(owner, "MIGRATION_DATABASE_URL");
  return app ?? openDatabase();
}

/** DATABASE_URL if set; else the running embedded database, or one this process opens. */
export async function openDatabase(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external !== undefined && external !== "") return openExternal(external);
  const dir = dataDirectory();
  if (dir !== "memory") {
    const running = await runningEmbedded(dir);
    if (running) {
      return {
        url: running.url,
        description: `embedded PostgreSQL served by process ${running.pid}`,
        announce: async () => {},
        close: async () => {},
      };
    }
  }
  return openEmbedded(0);
}
