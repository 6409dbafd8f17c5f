// npm run db:backup and db:restore: a backup restored into an empty database gives the same
// dashboard figures and the same rows, and a restore never writes into a database that has data.
// The embedded path always runs; the server path runs when the suite runs on TEST_DATABASE_URL.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPool, createPrismaClient, type Db } from "../../lib/data/prisma";
import { unsafeFundingByQuarter, unsafeFundingTotals } from "../../lib/data/funding";
import { unsafeIndicatorSummaries, unsafeReportingGrid } from "../../lib/data/results";
import { seedDatabase } from "../../prisma/seed/seed";
import { backupEmbedded, backupServer, restoreEmbedded, restoreServer, type BackupResult } from "../../scripts/db/backup";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyPendingMigrations } from "../../scripts/db/migrate";
import { pgTransactions } from "../../scripts/db/runners";
import { databaseDigest, emptyTables } from "../support/database";

/**
 * A Prisma client on its own pool, ended afterwards: $disconnect leaves a pool passed to the
 * adapter open, and its idle connections would fail loudly when an embedded database stops.
 */
async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const pool = createPool(url, { max: 3 });
  const db = createPrismaClient(pool);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}

/** What the dashboard shows for every partnership, from the app's own SQL. */
function aggregates(url: string) {
  return withDb(url, async (db) => {
    const partnerships = await db.partnership.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true } });
    const result = [];
    for (const { id, slug } of partnerships) {
      result.push({
        slug,
        fundingByQuarter: await unsafeFundingByQuarter(db, id, "USD"),
        fundingTotals: await unsafeFundingTotals(db, id, "USD"),
        indicators: await unsafeIndicatorSummaries(db, id),
        reportingGrid: await unsafeReportingGrid(db, id),
      });
    }
    return result;
  });
}
type Aggregates = Awaited<ReturnType<typeof aggregates>>;

/** The figures are worth comparing only if the seed put some there. */
function expectSeededFigures(figures: Aggregates) {
  expect(figures.map((f) => f.slug)).toContain("philippines");
  const philippines = figures.find((f) => f.slug === "philippines");
  expect(philippines?.fundingByQuarter.length).toBeGreaterThan(0);
  expect(philippines?.fundingTotals.length).toBeGreaterThan(0);
  expect(philippines?.indicators.length).toBeGreaterThan(0);
  expect(philippines?.reportingGrid.length).toBeGreaterThan(0);
}

/** Every file's name and bytes under a folder: equal fingerprints mean nothing was written. */
async function folderFingerprint(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (current: string) => {
    const entries = (await readdir(current, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      hash.update(`${path.relative(dir, full)}\n`);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) hash.update(await readFile(full));
    }
  };
  await walk(dir);
  return hash.digest("hex");
}

const head = async (file: string, bytes: number) => (await readFile(file)).subarray(0, bytes);

let tmp = "";
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "compact-backup-"));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the embedded database's backup and restore", () => {
  let sourceDir = "";
  let restoredDir = "";
  let backupFile = "";
  let backup: BackupResult;
  let before: { figures: Aggregates; digest: Record<string, string> };
  let after: { figures: Aggregates; digest: Record<string, string> };

  const readWhole = async (dataDir: string) => {
    const embedded = await startEmbeddedPostgres({ dataDir });
    try {
      return { figures: await aggregates(embedded.url), digest: await databaseDigest(embedded.url) };
    } finally {
      await embedded.stop();
    }
  };

  beforeAll(async () => {
    sourceDir = path.join(tmp, "source", "pglite");
    restoredDir = path.join(tmp, "restored", "pglite");
    backupFile = path.join(tmp, "compact-embedded.tar.gz");
    const source = await startEmbeddedPostgres({ dataDir: sourceDir });
    try {
      await applyPendingMigrations(pgTransactions(source.url));
      await withDb(source.url, seedDatabase);
    } finally {
      await source.stop();
    }
    before = await readWhole(sourceDir);
    backup = await backupEmbedded(sourceDir, backupFile);
    await restoreEmbedded(restoredDir, backupFile);
    after = await readWhole(restoredDir);
  });

  it("writes a gzip tarball and reports its size", async () => {
    expect(backup.file).toBe(backupFile);
    expect(backup.bytes).toBe((await stat(backupFile)).size);
    expect(backup.bytes).toBeGreaterThan(0);
    expect([...(await head(backupFile, 2))]).toEqual([0x1f, 0x8b]);
  });

  it("restores into an empty folder with every partnership's figures and every row as they were", () => {
    expectSeededFigures(before.figures);
    expect(after.figures).toEqual(before.figures);
    expect(after.digest).toEqual(before.digest);
  });

  it("refuses to restore over a folder that already has a database, and writes nothing", async () => {
    const fingerprint = await folderFingerprint(restoredDir);
    await expect(restoreEmbedded(restoredDir, backupFile)).rejects.toThrow(/already has data/);
    expect(await folderFingerprint(restoredDir)).toBe(fingerprint);
  });

  it("refuses a pg_dump archive for the embedded database and creates no folder", async () => {
    const dump = path.join(tmp, "server.dump");
    await writeFile(dump, Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(64)]));
    const target = path.join(tmp, "from-dump", "pglite");
    await expect(restoreEmbedded(target, dump)).rejects.toThrow(/is a pg_dump of a PostgreSQL server/);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses to back up while npm start holds the folder, and writes no file", async () => {
    // A launcher records itself next to the data folder; the test runner's parent stands in for it.
    const record = path.join(path.dirname(sourceDir), "embedded.json");
    await writeFile(record, JSON.stringify({ pid: process.ppid, url: "postgresql://postgres@127.0.0.1:1/postgres" }));
    const file = path.join(tmp, "while-running.tar.gz");
    try {
      await expect(backupEmbedded(sourceDir, file)).rejects.toThrow(/stop npm start first/);
    } finally {
      await rm(record);
    }
    expect(existsSync(file)).toBe(false);
  });

  it("will not overwrite an earlier backup", async () => {
    const bytes = await readFile(backupFile);
    await expect(backupEmbedded(sourceDir, backupFile)).rejects.toThrow(/already exists/);
    expect((await readFile(backupFile)).equals(bytes)).toBe(true);
  });
});

describe.runIf(inject("databaseKind") === "server")("a PostgreSQL server's backup and restore", () => {
  const sourceUrl = inject("databaseUrl");
  const target = new URL(sourceUrl);
  const targetName = `${decodeURIComponent(target.pathname.slice(1))}_restore`;
  target.pathname = `/${encodeURIComponent(targetName)}`;
  const targetUrl = target.toString();
  let dumpFile = "";
  let backup: BackupResult;

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: sourceUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const quoted = `"${targetName.replace(/"/g, '""')}"`;

  beforeAll(async () => {
    await emptyTables(sourceUrl);
    await withDb(sourceUrl, seedDatabase);
    await admin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${quoted}`);
    dumpFile = path.join(tmp, "compact-server.dump");
    backup = await backupServer(sourceUrl, dumpFile);
    await restoreServer(targetUrl, dumpFile);
  });
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));

  it("writes a pg_dump custom archive and reports its size", async () => {
    expect(backup.bytes).toBe((await stat(dumpFile)).size);
    expect((await head(dumpFile, 5)).toString("latin1")).toBe("PGDMP");
  });

  it("refuses an embedded-database tarball for a server, and writes nothing", async () => {
    // Checked before anything else, so the message names the mismatch even on a full database.
    const tarball = path.join(tmp, "embedded.tar.gz");
    await writeFile(tarball, gzipSync("not a database"));
    const digest = await databaseDigest(targetUrl);
    await expect(restoreServer(targetUrl, tarball)).rejects.toThrow(/is a backup of the embedded database/);
    expect(await databaseDigest(targetUrl)).toEqual(digest);
  });

  it("restores into an empty database with every partnership's figures and every row as they were", async () => {
    const before = await aggregates(sourceUrl);
    expectSeededFigures(before);
    expect(await aggregates(targetUrl)).toEqual(before);
    expect(await databaseDigest(targetUrl)).toEqual(await databaseDigest(sourceUrl));
  });

  it("refuses to restore into a database that already has tables, and writes nothing", async () => {
    const digest = await databaseDigest(targetUrl);
    expect(Object.keys(digest).length).toBeGreaterThan(0);
    await expect(restoreServer(targetUrl, dumpFile)).rejects.toThrow(/already has \d+ tables in schema public/);
    expect(await databaseDigest(targetUrl)).toEqual(digest);
  });
});
