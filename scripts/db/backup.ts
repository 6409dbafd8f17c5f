// Backups of the two kinds of database the app runs on, and their restore into an empty one:
// a PostgreSQL server (DATABASE_URL) through pg_dump --format=custom and pg_restore, and the
// embedded PGlite through its own data-folder dump (a .tar.gz). A restore never writes into a
// database that already has tables, and a failed restore leaves the target as it was.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describeConnectionError } from "../../lib/db-errors";
import { UserFacingError } from "../lib/cli";
import { projectRoot, runningEmbedded } from "../lib/database";

export type BackupKind = "server" | "embedded";

export interface BackupResult {
  file: string;
  bytes: number;
}

const extensions: Record<BackupKind, string> = { server: "dump", embedded: "tar.gz" };

/** backups/compact-<kind>-<UTC timestamp>.<dump|tar.gz> under the project root. */
export function defaultBackupFile(kind: BackupKind, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
  return path.join(projectRoot, "backups", `compact-${kind}-${stamp}.${extensions[kind]}`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * What a file holds, by its first bytes: a pg_dump custom archive starts with "PGDMP", PGlite's
 * data dump is gzip (1f 8b). Null for anything else.
 */
export async function detectBackupKind(file: string): Promise<BackupKind | null> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.toString("latin1") === "PGDMP") return "server";
    if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
    return null;
  } finally {
    await handle.close();
  }
}

/** Where the user typed the command: npm run changes into the project folder, INIT_CWD keeps it. */
export const userDir = process.env.INIT_CWD ?? process.cwd();

/** A path as the user would type it: relative to where they are when it lies below, else whole. */
export const shown = (file: string) => {
  const relative = path.relative(userDir, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
};

/** Refuses a backup file that is missing or holds the other kind of database. */
async function requireBackupOf(kind: BackupKind, file: string): Promise<void> {
  if (!existsSync(file) || !(await stat(file)).isFile()) {
    throw new UserFacingError(`There is no backup file at ${shown(file)}: give the path of a file written by npm run db:backup.`);
  }
  const found = await detectBackupKind(file);
  if (found === kind) return;
  if (found === null) {
    throw new UserFacingError(
      `${shown(file)} is not a backup written by npm run db:backup (it is neither a pg_dump custom archive nor an embedded-database .tar.gz): give the path of one that is.`,
    );
  }
  throw new UserFacingError(
    kind === "embedded"
      ? `${shown(file)} is a pg_dump of a PostgreSQL server and cannot be loaded into the embedded database: set DATABASE_URL to an empty database on a PostgreSQL server and run npm run db:restore again.`
      : `${shown(file)} is a backup of the embedded database and cannot be loaded into a PostgreSQL server: unset DATABASE_URL (and set COMPACT_DATA_DIR to an empty folder) to restore it as the embedded database.`,
  );
}

/** Refuses to overwrite a file: backups are kept, never replaced. */
async function requireNewFile(file: string): Promise<void> {
  if (existsSync(file)) {
    throw new UserFacingError(`${shown(file)} already exists: choose another --out file, or move that one away first.`);
  }
  await mkdir(path.dirname(file), { recursive: true });
}

/** A temporary name next to the file, renamed into place only once the backup is whole. */
const partialName = (file: string) => `${file}.partial-${process.pid}`;

/** Backups hold password hashes and the audit log: readable by their owner only. */
const BACKUP_MODE = 0o600;

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

/**
 * Connection settings for libpq (pg_dump, pg_restore): the URL without its password, which goes
 * in PGPASSWORD so it does not show in the process list, and without query parameters only
 * node-postgres or Prisma understand, which libpq would reject.
 */
function libpqTarget(url: string): { target: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  const libpqParameters = new Set([
    "host",
    "hostaddr",
    "port",
    "user",
    "dbname",
    "connect_timeout",
    "application_name",
    "options",
    "sslmode",
    "sslcert",
    "sslkey",
    "sslrootcert",
    "sslcrl",
    "target_session_attrs",
    "gssencmode",
  ]);
  for (const key of [...parsed.searchParams.keys()]) {
    if (!libpqParameters.has(key)) parsed.searchParams.delete(key);
  }
  // node-postgres's "no-verify" is libpq's "require": encrypted, certificate not checked.
  if (parsed.searchParams.get("sslmode") === "no-verify") parsed.searchParams.set("sslmode", "require");
  return { target: parsed.toString(), env };
}

const where = (url: string) => {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`;
};

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new UserFacingError(
      `Cannot reach the PostgreSQL server at ${where(url)}: ${describeConnectionError(error)}, so start that server or correct DATABASE_URL.`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const serverMajorVersion = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  });

const publicTableCount = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    return rows[0]?.n ?? 0;
  });

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a PostgreSQL client program; null when it is not on PATH. */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Finished | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? resolve(null) : reject(error)));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const clientTools = (major: number) =>
  `install the PostgreSQL ${major} client programs (on Debian or Ubuntu: apt-get install postgresql-client-${major}) and put them first on PATH`;

/** Refuses when pg_dump or pg_restore is not on PATH or is from an older PostgreSQL than the server. */
async function requireTool(tool: "pg_dump" | "pg_restore", serverMajor: number): Promise<void> {
  const result = await runTool(tool, ["--version"]);
  if (result === null) {
    throw new UserFacingError(`${tool} is not on PATH: ${clientTools(serverMajor)}, then run this again.`);
  }
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(result.stdout)?.[1] ?? /(\d+)\./.exec(result.stdout)?.[1]);
  if (!Number.isFinite(major) || major === 0) {
    throw new UserFacingError(`${tool} on PATH did not report its version ("${result.stdout.trim()}"): ${clientTools(serverMajor)}.`);
  }
  if (major < serverMajor) {
    throw new UserFacingError(`${tool} on PATH is from PostgreSQL ${major} but the server runs PostgreSQL ${serverMajor}: ${clientTools(serverMajor)}.`);
  }
}

/** The first line of a client program's output that says what went wrong. */
function firstError(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((l) => /error|fatal/i.test(l)) ?? lines[0] ?? "no message";
  return line
    .replace(/^(pg_dump|pg_restore):\s*/, "")
    .replace(/^error:\s*/i, "")
    .replace(/[.\s]+$/, "");
}

/** pg_dump --format=custom of the database at url into file (which must not exist yet). */
export async function backupServer(url: string, file: string): Promise<BackupResult> {
  await requireNewFile(file);
  const serverMajor = await serverMajorVersion(url);
  await requireTool("pg_dump", serverMajor);
  const { target, env } = libpqTarget(url);
  const partial = partialName(file);
  try {
    const result = await runTool("pg_dump", ["--format=custom", "--no-password", `--file=${partial}`, `--dbname=${target}`], env);
    if (result === null) throw new UserFacingError(`pg_dump is not on PATH: ${clientTools(serverMajor)}, then run this again.`);
    if (result.code !== 0) {
      throw new UserFacingError(
        `pg_dump could not back up ${where(url)} (${firstError(result.stderr)}): make sure the DATABASE_URL user may read every table, then run npm run db:backup again.`,
      );
    }
    await chmod(partial, BACKUP_MODE);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { file, bytes: (await stat(file)).size };
}

/**
 * pg_restore of a pg_dump custom archive into the database at url, which must have no tables in
 * schema public. It runs in one transaction: a failure leaves the database as it was.
 */
export async function restoreServer(url: string, file: string): Promise<void> {
  await requireBackupOf("server", file);
  const tables = await publicTableCount(url);
  if (tables > 0) {
    throw new UserFacingError(
      `The database at ${where(url)} already has ${tables} table${tables === 1 ? "" : "s"} in schema public and a restore only goes into an empty one: create an empty database (createdb) and point DATABASE_URL at it.`,
    );
  }
  const serverMajor = await serverMajorVersion(url);
  await requireTool("pg_restore", serverMajor);
  const { target, env } = libpqTarget(url);
  const result = await runTool(
    "pg_restore",
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password", `--dbname=${target}`, file],
    env,
  );
  if (result === null) throw new UserFacingError(`pg_restore is not on PATH: ${clientTools(serverMajor)}, then run this again.`);
  if (result.code !== 0) {
    const reason = firstError(result.stderr);
    throw new UserFacingError(
      /unsupported version/i.test(reason)
        ? `${shown(file)} was written by a newer pg_dump than the pg_restore on PATH (${reason}), and ${where(url)} was left as it was: install the client programs of the PostgreSQL version that wrote it and run npm run db:restore again.`
        : `pg_restore could not load ${shown(file)} (${reason}), and ${where(url)} was left as it was: fix that and run npm run db:restore again.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Embedded PGlite

/** PGlite cannot be opened twice: refuses while a launcher (npm start) holds the folder. */
async function requireNotRunning(dataDir: string, action: string): Promise<void> {
  // The launcher records itself next to the pglite folder (scripts/lib/database.ts).
  const running = await runningEmbedded(path.dirname(dataDir));
  if (running) {
    throw new UserFacingError(
      `The embedded database in ${shown(dataDir)} is open in process ${running.pid}${running.appUrl ? ` (serving ${running.appUrl})` : ""} and PGlite cannot be opened twice: stop npm start first, then ${action} again.`,
    );
  }
}

/** PGlite's dump of its data folder (gzip tarball) into file (which must not exist yet). */
export async function backupEmbedded(dataDir: string, file: string): Promise<BackupResult> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new UserFacingError(
      `There is no embedded database in ${shown(dataDir)} to back up: set COMPACT_DATA_DIR to the folder that holds it, or DATABASE_URL to back up a server.`,
    );
  }
  await requireNotRunning(dataDir, "run npm run db:backup");
  await requireNewFile(file);
  const db = await PGlite.create(dataDir);
  let dump: Blob;
  try {
    dump = await db.dumpDataDir("gzip");
  } finally {
    await db.close();
  }
  const partial = partialName(file);
  try {
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()), { mode: BACKUP_MODE });
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { file, bytes: (await stat(file)).size };
}

/** Loads a PGlite data dump into dataDir, which must not exist yet or be empty. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  await requireBackupOf("embedded", file);
  await requireNotRunning(dataDir, "run npm run db:restore");
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new UserFacingError(
      `The embedded database folder ${shown(dataDir)} already has data and a restore only goes into an empty one: set COMPACT_DATA_DIR to a new folder, or move that one away first.`,
    );
  }
  // The first folder this makes (dataDir or a parent), to remove again if the load fails.
  const created = await mkdir(dataDir, { recursive: true });
  try {
    const db = await PGlite.create(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
    try {
      await db.query("SELECT count(*) FROM pg_tables");
    } finally {
      await db.close();
    }
  } catch (error) {
    // Leave no half-loaded folder behind.
    if (created) {
      await rm(created, { recursive: true, force: true });
    } else {
      for (const entry of await readdir(dataDir)) await rm(path.join(dataDir, entry), { recursive: true, force: true });
    }
    throw new UserFacingError(
      `${shown(file)} could not be loaded into the embedded database (${error instanceof Error ? error.message : String(error)}): give a backup written by npm run db:backup with this version of the app.`,
    );
  }
}
