// Random payloads (fast-check) at every server action and every route handler that takes input,
// as a signed-in user allowed to use it: never a crash or a 500, always a message, and nothing
// written. Ids in the payloads are random, never real, so no payload can be a valid change.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { ActionResult } from "../../lib/action-result";
import { SERVER_ACTIONS } from "../../lib/auth/endpoints";
import { can, type Action, type Actor } from "../../lib/auth/permissions";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId, partnershipId } from "../factories";
import { session } from "../support/mock-session";
import { digestBesidesRefusals, emptyTables, testDb } from "../support/database";

vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
// Outside Next there is no cache to keep or refresh: the cached readers run uncached.
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <T extends (...args: never[]) => unknown>(fn: T) => fn,
}));

const url = inject("databaseUrl");
const db = testDb(url);
const RUNS = Number(process.env.RESILIENCE_RUNS ?? 200);
let users: Actor[] = [];
let scope = { partnershipId: "", organizationId: "" };

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  users = [
    await createUser(db, { role: "ADMIN", organization: "TIP Office" }),
    await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] }),
    await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] }),
  ];
  scope = { partnershipId: await partnershipId(db, "philippines"), organizationId: await organizationId(db, "IACAT") };
});
afterAll(() => db.$disconnect());

// Text a form or a URL could carry: ordinary, hostile, huge, numeric edge cases and plausible values.
const nasty = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "-0",
  "0x1F",
  "9".repeat(40),
  "1,000",
  "12.345",
  "2021Q2",
  "2021Q5",
  "0000Q0",
  "2100Q1",
  "philippines",
  "PHILIPPINES",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\uFFFD",
  '\'; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "true",
  "false",
  "null",
  "[]",
  "{}",
  "APPROVE",
  "RETURN",
  "save",
  "submit",
  "USD",
  "PHP",
  "DISBURSED",
  "IN_KIND",
  "ADMIN",
  "ENCODER",
  "2021-06-30",
  "2021-02-30",
  "name@agency.gov",
  "a".repeat(5_000),
  "x".repeat(200_000),
);
const text = fc.oneof(nasty, fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.integer().map(String), fc.double().map(String));
const randomId = fc.oneof(fc.string({ maxLength: 40 }), fc.uuid(), nasty);
const email = fc.oneof(fc.emailAddress(), text);

/** The fields each action reads, each with values from plausible to hostile; any may be missing. */
const FIELDS: Record<string, Record<string, fc.Arbitrary<string | string[]>>> = {
  createUserAction: { email, name: text, role: text, organizationId: randomId, "partnershipIds[]": fc.array(randomId, { maxLength: 4 }), password: text },
  changeUserAccessAction: { userId: randomId, role: text, organizationId: randomId, "partnershipIds[]": fc.array(randomId, { maxLength: 4 }) },
  setUserDisabledAction: { userId: randomId, disabled: text },
  resetUserPasswordAction: { userId: randomId, password: text },
  reviewSubmissionAction: { submissionId: randomId, version: text, decision: text, reason: text },
  saveSubmissionAction: {
    slug: text,
    period: text,
    organizationId: randomId,
    version: text,
    intent: text,
    "v:O2.1:total": text,
    "v:O1.1:SEX=F": text,
    "note:O2.1": text,
    "evidence:O2.1": text,
    "narrative:O2:progress": text,
  },
  reopenSubmissionAction: { submissionId: randomId, version: text, reason: text },
  addCommentAction: { submissionId: randomId, body: text },
  recordContributionAction: {
    slug: text,
    period: text,
    organizationId: randomId,
    version: text,
    kind: text,
    currency: text,
    amount: text,
    exchangeRate: text,
    rateDate: text,
    rateSource: text,
    note: text,
  },
  removeContributionAction: { contributionId: randomId, version: text },
  setTargetAction: { indicatorId: randomId, scope: text, year: text, quarter: text, expected: text, value: text, note: text },
  clearTargetAction: { indicatorId: randomId, scope: text, year: text, quarter: text, expected: text },
  saveDialogueAction: { slug: text, year: text, heldOn: text, place: text, participants: text, "indicators[]": fc.array(text, { maxLength: 4 }) },
  recordMinutesAction: { slug: text, dialogueId: randomId, minutes: text },
  addDecisionAction: { slug: text, dialogueId: randomId, text, "indicators[]": fc.array(text, { maxLength: 4 }) },
  saveSustainabilityAction: { slug: text, objectiveCode: text, continues: text, carriedBy: text, "indicatorsKept[]": fc.array(text, { maxLength: 4 }) },
  changeOwnPasswordAction: { current: text, password: text, confirm: text },
  startTwoStepAction: {},
  confirmTwoStepAction: { code: text },
  openNotificationAction: { id: randomId },
  markAllReadAction: {},
  saveMailPreferencesAction: { "mode:RETURNED": text, "mode:APPROVED": text, "mode:DUE": text },
};

// Actions that read no field: any payload is a valid request (it only has extra fields, which
// are ignored), so it must be answered without a server error; what they write is tested in
// tests/integration/two-step.test.ts and tests/integration/notifications.test.ts.
const TAKES_NO_INPUT = new Set(["startTwoStepAction", "markAllReadAction"]);

/** A form's fields as a plain object (so a failing case prints readably), any subset plus extras. */
const payload = (fields: Record<string, fc.Arbitrary<string | string[]>>) =>
  fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 3 }))
    .map(([known, extra]) => ({ ...extra, ...known }));

const toFormData = (fields: Record<string, string | string[] | undefined>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) form.append(key, v);
  }
  return form;
};

const allowedUser = (permission: Action) => {
  const user = users.find((u) => can(u, permission, scope));
  if (!user) throw new Error(`No test user may use ${permission}`);
  return user;
};

describe("server actions refuse random input with a message and write nothing", () => {
  it("has a payload model for every server action", () => {
    const actions = Object.values(SERVER_ACTIONS)
      .flatMap((a) => Object.keys(a))
      .sort();
    expect(Object.keys(FIELDS).sort()).toEqual(actions);
  });

  for (const [file, actions] of Object.entries(SERVER_ACTIONS)) {
    for (const [name, permission] of Object.entries(actions) as [string, Action][]) {
      it(`${name}: ${RUNS} random payloads`, async () => {
        const actionModule = (await import(`../../${file}`)) as Record<string, (prev: ActionResult, data: FormData) => Promise<ActionResult>>;
        session.actor = allowedUser(permission);
        const before = await digestBesidesRefusals(url);
        await fc.assert(
          fc.asyncProperty(payload(FIELDS[name]!), async (fields) => {
            const result = await actionModule[name]!({ ok: false }, toFormData(fields));
            if (!TAKES_NO_INPUT.has(name)) expect(result.ok).toBe(false);
            expect(result.code).not.toBe("ERROR");
            expect(result.message ?? "").not.toBe("");
          }),
          // Always tried: every field a lone NUL, which PostgreSQL text cannot hold.
          { numRuns: RUNS, examples: [[Object.fromEntries(Object.keys(FIELDS[name]!).map((key) => [key, "\u0000"]))]] },
        );
        if (!TAKES_NO_INPUT.has(name)) expect(await digestBesidesRefusals(url)).toEqual(before);
      });
    }
  }
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("route handlers answer random input with a 4xx and a message, and write nothing", () => {
  const slugOrPeriod = fc.oneof(text, fc.constantFrom("philippines", "ghana", "2021Q2", "2019Q3"));

  it(`quarter CSV import: ${RUNS} random uploads`, async () => {
    const { POST } = (await import("../../app/api/partnerships/[slug]/reports/[period]/import/route")) as unknown as { POST: Handler };
    session.actor = allowedUser("submission.edit");
    const header = "organization,indicator_code,cell,value,note,evidence_url";
    const csv = fc.oneof(
      text,
      fc
        .array(
          fc.array(text, { maxLength: 7 }).map((cells) => cells.join(",")),
          { maxLength: 20 },
        )
        .map((lines) => [header, ...lines].join("\n")),
    );
    const before = await digestBesidesRefusals(url);
    await fc.assert(
      fc.asyncProperty(
        slugOrPeriod,
        slugOrPeriod,
        csv,
        fc.record({ organizationId: fc.oneof(randomId, fc.constant(scope.organizationId)), version: text, mode: text }, { requiredKeys: [] }),
        async (slug, period, content, fields) => {
          const body = new FormData();
          body.append("file", new File([content], "quarter.csv", { type: "text/csv" }));
          for (const [key, value] of Object.entries(fields)) body.append(key, value);
          const request = new Request("http://localhost/api/import", { method: "POST", body, headers: { origin: "http://localhost" } });
          const response = await POST(request, { params: Promise.resolve({ slug, period }) });
          expect(response.status).toBeLessThan(500);
          const json = (await response.json()) as { message?: string; applied?: boolean; fileError?: string; counts?: { reject: number } };
          if (response.status === 200) expect(json.applied).toBe(false);
          else expect(json.message ?? "").not.toBe("");
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          ["\u0000", "\u0000", "\u0000", { organizationId: "\u0000", version: "0", mode: "apply" }],
          ["philippines", "2021Q2", "", { organizationId: "\u0000", version: "0", mode: "dry-run" }],
        ],
      },
    );
    expect(await digestBesidesRefusals(url)).toEqual(before);
  });

  it(`quarter CSV export and the public downloads: ${RUNS} random addresses each`, async () => {
    const exportRoute = (await import("../../app/api/partnerships/[slug]/reports/[period]/export/route")) as unknown as { GET: Handler };
    const json = (await import("../../app/api/public/partnerships/[slug]/summary.json/route")) as unknown as { GET: Handler };
    const csv = (await import("../../app/api/public/partnerships/[slug]/summary.csv/route")) as unknown as { GET: Handler };
    session.actor = allowedUser("dashboard.view");
    const before = await digestBesidesRefusals(url);
    await fc.assert(
      fc.asyncProperty(slugOrPeriod, slugOrPeriod, async (slug, period) => {
        const request = new Request("http://localhost/x");
        for (const response of [
          await exportRoute.GET(request, { params: Promise.resolve({ slug, period }) }),
          await json.GET(request, { params: Promise.resolve({ slug }) }),
          await csv.GET(request, { params: Promise.resolve({ slug }) }),
        ]) {
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(((await response.json()) as { message?: string }).message ?? "").not.toBe("");
        }
      }),
      {
        numRuns: RUNS,
        examples: [
          ["\u0000", "\u0000"],
          ["philippines", "\u0000"],
        ],
      },
    );
    expect(await digestBesidesRefusals(url)).toEqual(before);
  });
});
