// The audit log: insert-only, and readable by the people who may read it — each change in
// words, who made it (organization, current role), filters by quarter, indicator, user and event,
// user-management and sign-in events for administrators only, and the same rows as CSV.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { listAuditEvents } from "../../lib/data/audit-log";
import { signInWithPassword } from "../../lib/data/sign-in";
import { addComment, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { changeUserAccess, createUser as createUserAsAdmin } from "../../lib/data/users";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createSubmittedSubmission, createUser, organizationId, partnershipId } from "../factories";
import { emptyTables, testDb } from "../support/database";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/session", () => ({ getCurrentActor: async () => session.actor }));

const url = inject("databaseUrl");
const db = testDb(url);

let encoder: Actor;
let reviewer: Actor;
let admin: Actor;
let iacat = "";
/**
 * A quarter with three saves by the encoder: O2.1 entered with a note, O5.2 at 40.5 (percent);
 * O4.1 added and O5.2 written 40.50 (the same figure); O2.1's note and evidence link corrected.
 */
let saved = "";
/** A quarter whose report the reviewer returned, with a comment. */
let returned = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
  iacat = await organizationId(db, "IACAT");

  saved = (await createPeriod(db, "philippines")).text;
  const save = (version: number, values: Record<string, { cells: Record<string, string>; note?: string; evidence?: string }>) =>
    saveSubmission(encoder, { slug: "philippines", period: saved, organizationId: iacat, version, intent: "save", values });
  const o52 = (figure: string) => ({ "O5.2": { cells: { "": figure } } });
  await save(0, { "O2.1": { cells: { "": "4" }, note: "from the registry" }, ...o52("40.5") });
  await save(1, { "O2.1": { cells: { "": "4" }, note: "from the registry" }, "O4.1": { cells: { "": "12" } }, ...o52("40.50") });
  await save(2, {
    "O2.1": { cells: { "": "4" }, note: "from the case registry", evidence: "https://example.org/registry" },
    "O4.1": { cells: { "": "12" } },
    ...o52("40.5"),
  });

  const submission = await createSubmittedSubmission(db, { partnership: "philippines", organization: "IACAT" });
  returned = submission.periodText;
  await reviewSubmission(reviewer, { submissionId: submission.id, version: submission.version, decision: "RETURN", reason: "Check the O2.1 total" });
  await addComment(encoder, { submissionId: submission.id, body: '=HYPERLINK("http://evil.example")' });
});
afterAll(() => db.$disconnect());

/** A user made by an administrator, as the users page does (so it is audited), with PASSPHRASE. */
const PASSPHRASE = "a long and unusual passphrase 42";
const addUser = async (email: string, role: "ENCODER" | "REVIEWER", organization: string, partnership: string) =>
  createUserAsAdmin(admin, {
    email,
    name: "Someone New",
    role,
    organizationId: await organizationId(db, organization),
    partnershipIds: [await partnershipId(db, partnership)],
    password: PASSPHRASE,
  });

const changesOf = (row: { changes: { field: string; from: string; to: string }[] }) => row.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`);

describe("the audit log", () => {
  it("takes new events and refuses to change or delete them", async () => {
    const event = await db.auditEvent.create({
      data: { action: "test.recorded", entityType: "Test", after: { value: 1 } },
    });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "test.rewritten" } })).rejects.toThrow(/insert-only audit log/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/insert-only audit log/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/insert-only audit log/);
    const kept = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(kept.action).toBe("test.recorded");
    expect(kept.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("shows a quarter's saves newest first, each change in words, with the user's organization and current role", async () => {
    const log = await listAuditEvents(reviewer, "philippines", { quarter: saved });
    expect(log.problems).toEqual([]);
    expect(log.rows.map((r) => [r.event, r.actor, r.organization, r.currentRole, r.quarter])).toEqual([
      ["Quarter's report saved as draft", encoder.email, "IACAT", "Encoder (IACAT secretariat)", saved],
      ["Quarter's report saved as draft", encoder.email, "IACAT", "Encoder (IACAT secretariat)", saved],
      ["Quarter's report saved as draft", encoder.email, "IACAT", "Encoder (IACAT secretariat)", saved],
    ]);
    expect(log.rows.map(changesOf)).toEqual([
      ["O2.1 measurement note: from the registry → from the case registry", "O2.1 evidence link: — → https://example.org/registry"],
      ["O4.1 Total: — → 12"],
      ["status: — → Draft", "O2.1 Total: — → 4", "O5.2 Total: — → 40.5", "O2.1 measurement note: — → from the registry"],
    ]);
  });

  it("filters by indicator: only the events that changed its values, note or evidence link", async () => {
    const o21 = await listAuditEvents(reviewer, "philippines", { quarter: saved, indicator: "O2.1" });
    expect(o21.rows.map(changesOf)).toEqual([
      ["O2.1 measurement note: from the registry → from the case registry", "O2.1 evidence link: — → https://example.org/registry"],
      ["status: — → Draft", "O2.1 Total: — → 4", "O5.2 Total: — → 40.5", "O2.1 measurement note: — → from the registry"],
    ]);
    const o52 = await listAuditEvents(reviewer, "philippines", { quarter: saved, indicator: "O5.2" });
    expect(o52.rows.map(changesOf)).toEqual([
      ["status: — → Draft", "O2.1 Total: — → 4", "O5.2 Total: — → 40.5", "O2.1 measurement note: — → from the registry"],
    ]);
    const o41 = await listAuditEvents(reviewer, "philippines", { indicator: "o4.1" });
    expect(o41.filters.indicator).toBe("O4.1");
    expect(o41.rows.map(changesOf)).toEqual([["O4.1 Total: — → 12"]]);
  });

  it("shows a return with its reason and the comment that followed, and filters by user and event", async () => {
    const log = await listAuditEvents(reviewer, "philippines", { quarter: returned });
    expect(log.rows.map((r) => [r.event, r.organization, ...changesOf(r)])).toEqual([
      ["Comment added", "IACAT", 'comment: — → =HYPERLINK("http://evil.example")'],
      ["Quarter's report returned", "TIP Office", "status: Submitted → Returned", "return reason: — → Check the O2.1 total"],
    ]);
    const byReviewer = await listAuditEvents(reviewer, "philippines", { user: reviewer.email.toUpperCase() });
    expect(byReviewer.rows.map((r) => r.action)).toEqual(["submission.return"]);
    const comments = await listAuditEvents(reviewer, "philippines", { event: "comment.create" });
    expect(comments.rows.map((r) => r.quarter)).toEqual([returned]);
    expect(comments.events.map((e) => e.action)).toEqual(["comment.create", "submission.return", "submission.save"]);
    expect(comments.users).toEqual([encoder.email, reviewer.email].sort());
  });

  it("says which filter is wrong instead of failing, and lists nothing until it is put right", async () => {
    const log = await listAuditEvents(reviewer, "philippines", { quarter: "2019Q5", user: "not-an-email" });
    expect(log.problems).toEqual([
      "“2019Q5” is not a quarter: write the year and quarter, for example 2019Q3.",
      "“not-an-email” is not an email address: choose a user from the list.",
    ]);
    expect(log.rows).toEqual([]);
    const unknown = await listAuditEvents(reviewer, "philippines", { indicator: "O9.9" });
    expect(unknown.problems).toEqual([
      "There is no indicator O9.9 in U.S.–Philippines Child Protection Compact (CPC) Partnership: check the code on the indicator's page.",
    ]);
  });

  it("says so when an event has no signed-in user", async () => {
    await db.auditEvent.create({ data: { action: "test.system", entityType: "Test", partnershipId: await partnershipId(db, "philippines"), after: { n: 1 } } });
    const log = await listAuditEvents(reviewer, "philippines", { event: "test.system" });
    expect(log.rows.map((r) => [r.actor, r.organization, r.currentRole, ...changesOf(r)])).toEqual([[null, null, null, "n: — → 1"]]);
  });

  it("shows administrators the user-management events and sign-ins of the partnership's users, and reviewers none of them", async () => {
    await addUser("new.encoder@iacat.test", "ENCODER", "IACAT", "philippines");
    await addUser("ghana.reviewer@state.test", "REVIEWER", "TIP Office", "ghana");
    expect((await signInWithPassword("new.encoder@iacat.test", PASSPHRASE, "192.0.2.1")).ok).toBe(true);
    expect((await signInWithPassword("new.encoder@iacat.test", "wrong password", "192.0.2.1")).ok).toBe(false);
    expect((await signInWithPassword("ghana.reviewer@state.test", "wrong password", "192.0.2.1")).ok).toBe(false);

    const asAdmin = await listAuditEvents(admin, "philippines", { user: undefined });
    const userEvents = asAdmin.rows.filter((r) => r.action.startsWith("user.") || r.action.startsWith("auth."));
    expect(userEvents.map((r) => [r.event, r.actor, r.subject])).toEqual([
      ["Failed sign-in", null, "new.encoder@iacat.test"],
      ["Signed in", "new.encoder@iacat.test", null],
      ["User created", admin.email, "new.encoder@iacat.test"],
    ]);
    expect(changesOf(userEvents[2]!)).toContain("partnerships: — → U.S.–Philippines Child Protection Compact (CPC) Partnership");
    expect(changesOf(userEvents[2]!)).toContain("organization: — → IACAT");
    expect(asAdmin.events.map((e) => e.action)).toContain("auth.sign_in");

    const asReviewer = await listAuditEvents(reviewer, "philippines", {});
    expect(asReviewer.rows.filter((r) => r.action.startsWith("user.") || r.action.startsWith("auth."))).toEqual([]);
    expect(asReviewer.events.map((e) => e.action)).not.toContain("auth.sign_in");
    expect((await listAuditEvents(reviewer, "philippines", { event: "user.create" })).rows).toEqual([]);
  });

  it("keeps showing administrators the change that took a user off the partnership", async () => {
    const leaving = await addUser("leaving.encoder@iacat.test", "ENCODER", "IACAT", "philippines");
    await changeUserAccess(admin, { userId: leaving.id, role: "ENCODER", organizationId: iacat, partnershipIds: [] });
    const log = await listAuditEvents(admin, "philippines", { event: "user.change_access" });
    expect(log.rows.map((r) => [r.subject, ...changesOf(r)])).toEqual([
      ["leaving.encoder@iacat.test", "partnerships: U.S.–Philippines Child Protection Compact (CPC) Partnership → none"],
    ]);
  });

  it("refuses encoders and partner staff, and reviewers of other partnerships", async () => {
    await expect(listAuditEvents(encoder, "philippines", {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(reviewer, "ghana", {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditEvents(null, "philippines", {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("the audit log's CSV download", () => {
  const download = async (query: string, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }) => {
    const { GET } = await import("../../app/api/partnerships/[slug]/audit/export/route");
    return GET(new Request(`http://localhost:3000/api/partnerships/philippines/audit/export${query}`, { headers }), {
      params: Promise.resolve({ slug: "philippines" }),
    });
  };

  it("holds exactly the filtered rows, with formulas defused and a safe file name", async () => {
    session.actor = reviewer;
    const response = await download(`?quarter=${returned}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="philippines-audit-log-${returned}.csv"`);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("occurred_at_utc,user,organization,current_role,event,action,about_user,quarter,changes");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `,${encoder.email},IACAT,Encoder (IACAT secretariat),Comment added,comment.create,,${returned},"comment: — → =HYPERLINK(""http://evil.example"")"`,
    );
    expect(lines[2]).toContain(
      `,${reviewer.email},TIP Office,Reviewer (TIP Office),Quarter's report returned,submission.return,,${returned},status: Submitted → Returned; return reason: — → Check the O2.1 total`,
    );

    const o41 = await download("?indicator=O4.1");
    expect(
      (await o41.text())
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(",").at(-1)),
    ).toEqual(["O4.1 Total: — → 12"]);
  });

  it("defuses a cell that starts like a formula", async () => {
    session.actor = reviewer;
    await db.auditEvent.create({
      data: { action: "test.formula", entityType: "Test", partnershipId: await partnershipId(db, "philippines"), after: { "=cmd": "@SUM(1)" } },
    });
    const text = await (await download("?event=test.formula")).text();
    expect(text.trimEnd().split("\r\n")[1]!.endsWith(",'=cmd: — → @SUM(1)")).toBe(true);
  });

  it("refuses the signed-out, roles without the audit log, other sites, and bad filters", async () => {
    session.actor = null;
    expect((await download("")).status).toBe(401);
    session.actor = encoder;
    const forbidden = await download("");
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).message).toBe("Your role does not allow reading the audit log.");
    session.actor = reviewer;
    for (const site of ["cross-site", "same-site"]) {
      const refused = await download("", { "sec-fetch-site": site });
      expect(refused.status, site).toBe(403);
      expect((await refused.json()).message).toMatch(/^This download was asked for by another site/);
    }
    expect((await download("", { "sec-fetch-site": "none" })).status).toBe(200);
    const bad = await download("?quarter=2019Q9");
    expect(bad.status).toBe(422);
    expect((await bad.json()).message).toBe("“2019Q9” is not a quarter: write the year and quarter, for example 2019Q3.");
  });
});
