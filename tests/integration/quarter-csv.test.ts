// Quarter CSV export and import: the dry run says row by row what would happen, apply writes
// all of it or nothing, the same file twice changes nothing, and bad files are refused.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { exportQuarterCsv, importQuarterCsv } from "../../lib/data/quarter-csv";
import { saveSubmission } from "../../lib/data/submissions";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createUser, organizationId } from "../factories";
import { databaseDigest, digestBesidesRefusals, emptyTables, testDb } from "../support/database";
import { valuesFromForm } from "../../lib/quarter/form";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/session", () => ({ getCurrentActor: async () => session.actor }));

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor;
let iacat = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  iacat = await organizationId(db, "IACAT");
});
afterAll(() => db.$disconnect());

const HEADER = "organization,indicator_code,cell,value,note,evidence_url";
const run = (period: string, text: string, apply: boolean, version = 0) =>
  importQuarterCsv(encoder, { slug: "philippines", period, organizationId: iacat, version, text, apply });

describe("quarter CSV", () => {
  it("exports every value in the import format, escaping spreadsheet formulas", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    await saveSubmission(encoder, {
      slug: "philippines",
      period,
      organizationId: iacat,
      version: 0,
      intent: "save",
      values: valuesFromForm({ "v:O2.1:total": "4", "note:O2.1": '=HYPERLINK("http://x")' }),
    });
    const csv = await exportQuarterCsv(encoder, "philippines", period);
    expect(csv.split("\r\n")[0]).toBe(HEADER);
    expect(csv).toContain(`IACAT,O2.1,total,4,"'=HYPERLINK(""http://x"")",`);
    const seeded = await exportQuarterCsv(encoder, "philippines", "2019Q3");
    expect(seeded).toMatch(/^IJM,O1\.1,SEX=F,\d+,,$/m);
  });

  it("dry-runs without writing, applies in one go, and changes nothing the second time", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const file = `${HEADER}\nIACAT,O2.1,total,5,from the case registry,https://example.org/registry\nIACAT,O4.1,total,12,,\n`;
    const before = await databaseDigest(url);
    const dry = await run(period, file, false);
    expect(dry.counts).toEqual({ create: 2, change: 0, unchanged: 0, reject: 0 });
    expect(dry.applied).toBe(false);
    expect(await databaseDigest(url)).toEqual(before);

    const applied = await run(period, file, true);
    expect(applied).toMatchObject({ applied: true, version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "submission.save" }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(encoder.id);

    const afterFirst = await databaseDigest(url);
    const again = await run(period, file, true, 1);
    expect(again.counts).toEqual({ create: 0, change: 0, unchanged: 2, reject: 0 });
    expect(again.applied).toBe(false);
    expect(await databaseDigest(url)).toEqual(afterFirst);

    const changed = await run(period, `${HEADER}\nIACAT,O2.1,total,6,from the case registry,https://example.org/registry\n`, true, 1);
    expect(changed).toMatchObject({ applied: true, version: 2, counts: { change: 1 } });
  });

  it("applies a file that only corrects a note, and lists every note and evidence change", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    await run(period, `${HEADER}\nIACAT,O2.1,total,5,from the registry,https://example.org/a\n`, true);
    const noteOnly = `${HEADER}\nIACAT,O2.1,total,5,from the case registry (corrected),https://example.org/b\n`;
    const dry = await run(period, noteOnly, false, 1);
    expect(dry.counts).toEqual({ create: 0, change: 1, unchanged: 0, reject: 0 });
    expect(dry.rows[0]!.changes).toEqual([
      'note: "from the registry" → "from the case registry (corrected)"',
      "evidence link: https://example.org/a → https://example.org/b",
    ]);
    const applied = await run(period, noteOnly, true, 1);
    expect(applied).toMatchObject({ applied: true, version: 2 });
    const stored = await db.measurement.findFirstOrThrow({
      where: { submission: { period: { year: Number(period.slice(0, 4)) } }, indicator: { code: "O2.1" }, cell: "" },
    });
    expect([stored.note, stored.evidenceUrl]).toEqual(["from the case registry (corrected)", "https://example.org/b"]);
  });

  it("says a blank note column removes the stored note before anything is applied", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    await run(period, `${HEADER}\nIACAT,O2.1,total,5,from the registry,https://example.org/a\n`, true);
    const before = await databaseDigest(url);
    const dry = await run(period, `${HEADER}\nIACAT,O2.1,total,6,,\n`, false, 1);
    expect(dry.rows[0]).toMatchObject({ outcome: "change" });
    expect(dry.rows[0]!.changes).toEqual([
      "value: 5 → 6",
      'note will be removed ("from the registry")',
      "evidence link will be removed (https://example.org/a)",
    ]);
    expect(await databaseDigest(url)).toEqual(before);
  });

  it("refuses a note on a breakdown row, where it would be lost", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
    const ijm = await organizationId(db, "IJM");
    const report = await importQuarterCsv(partner, {
      slug: "philippines",
      period,
      organizationId: ijm,
      version: 0,
      apply: false,
      text: `${HEADER}\nIJM,O1.1,total,3,,\nIJM,O1.1,SEX=F,2,seen in the registry,\nIJM,O1.1,SEX=M,1,,\n`,
    });
    expect(report.rows.map((r) => [r.line, r.outcome, r.reason ?? ""])).toEqual([
      [2, "create", ""],
      [3, "reject", "Notes and evidence links belong on the total row of O1.1: move them there."],
      [4, "create", ""],
    ]);
  });

  it("rejects bad rows with their reasons and writes nothing", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const before = await databaseDigest(url);
    const file = [
      HEADER,
      "IACAT,O2.1,total,5,,",
      "IACAT,O9.9,total,5,,",
      "IACAT,O4.1,total,twelve,,",
      "IACAT,O2.1,total,6,,",
      "IJM,O1.1,total,3,,",
      "IACAT,O5.1,SEX=F,2,,",
    ].join("\n");
    const report = await run(period, file, true);
    expect(report.applied).toBe(false);
    expect(report.rows.map((r) => [r.line, r.outcome, r.reason ?? ""])).toEqual([
      [2, "create", ""],
      [3, "reject", '"O9.9" is not one of IACAT\'s indicators on this partnership.'],
      [4, "reject", "Enter a whole number of 0 or more, without commas."],
      [5, "reject", "Duplicate of line 2: each indicator and cell may appear once."],
      [6, "reject", 'This row is for "IJM", not IACAT: import it on that organization\'s page.'],
      [7, "reject", '"SEX=F" is not a breakdown of O5.1; use total.'],
    ]);
    expect(await databaseDigest(url)).toEqual(before);
  });

  it("refuses files that are empty, not CSV or in other columns", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const before = await databaseDigest(url);
    expect((await run(period, "", true)).fileError).toMatch(/^The file is empty/);
    expect((await run(period, "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", true)).fileError).toMatch(/^This is not a CSV text file/);
    expect((await run(period, "code,amount\nO2.1,5\n", true)).fileError).toBe(
      "The columns are not the export format (organization, indicator_code, cell, value, note, evidence_url). Missing: organization, indicator_code, cell, value, note, evidence_url. Not expected: code, amount.",
    );
    expect(await databaseDigest(url)).toEqual(before);
  });

  it("applies a file posted from a page of this site, and refuses one posted from another origin or with none, writing nothing", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    session.actor = encoder;
    const { POST } = await import("../../app/api/partnerships/[slug]/reports/[period]/import/route");
    const post = (headers: Record<string, string>) => {
      const body = new FormData();
      body.append("file", new File([`${HEADER}\nIACAT,O2.1,total,7,,\n`], "quarter.csv", { type: "text/csv" }));
      body.append("organizationId", iacat);
      body.append("version", "0");
      body.append("mode", "apply");
      return POST(new Request("http://localhost:3000/api/import", { method: "POST", body, headers: { host: "localhost:3000", ...headers } }), {
        params: Promise.resolve({ slug: "philippines", period }),
      });
    };
    const before = await digestBesidesRefusals(url);
    // A page on another port of the same host is the same site but not the same origin.
    const origins: Record<string, string>[] = [{ origin: "http://localhost:4000" }, { origin: "http://evil.example" }, { origin: "null" }, {}];
    for (const headers of origins) {
      const refused = await post(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).message).toBe(
        "This import did not come from a page of Compact Tracker, so nothing was imported. Open the quarter's import page and try again.",
      );
    }
    expect(await digestBesidesRefusals(url)).toEqual(before);
    const applied = await post({ origin: "http://localhost:3000" });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true, counts: { create: 1 } });
  });

  it("refuses a 20 MB upload at the route, before reading it", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    session.actor = encoder;
    const { POST } = await import("../../app/api/partnerships/[slug]/reports/[period]/import/route");
    const body = new FormData();
    body.append("file", new File(["x".repeat(20 * 1024 * 1024)], "big.csv", { type: "text/csv" }));
    body.append("organizationId", iacat);
    body.append("version", "0");
    body.append("mode", "apply");
    const before = await databaseDigest(url);
    const response = await POST(new Request("http://localhost/api/import", { method: "POST", body, headers: { origin: "http://localhost" } }), {
      params: Promise.resolve({ slug: "philippines", period }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/larger than 5 MB/);
    expect(await databaseDigest(url)).toEqual(before);
  });

  it("refuses an upload that says it is over the limit without reading its body", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    session.actor = encoder;
    const { POST } = await import("../../app/api/partnerships/[slug]/reports/[period]/import/route");
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    // duplex: Node's fetch needs it for a streamed body; the DOM's RequestInit type does not list it.
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * 1024 * 1024), origin: "http://localhost" },
    };
    const request = new Request("http://localhost/api/import", init);
    const response = await POST(request, { params: Promise.resolve({ slug: "philippines", period }) });
    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("handles a 10,000-row file", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const lines = [HEADER, "IACAT,O2.1,total,5,,", ...Array.from({ length: 9_999 }, (_, i) => `IACAT,O2.1,total,${i},,`)];
    const report = await run(period, lines.join("\n"), false);
    expect(report.rows).toHaveLength(10_000);
    expect(report.counts).toEqual({ create: 1, change: 0, unchanged: 0, reject: 9_999 });
  });
});
