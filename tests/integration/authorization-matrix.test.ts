// For every server action and every role (and an anonymous visitor), in and out of scope: the
// expected allow or deny, written out below (ALLOWED). A denial must write nothing.
// Only the session lookup is replaced (the cookie → user step); the permission checks, the
// validation and the data layer are the real ones.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { PROTECTED_ROUTES, PUBLIC_ROUTES, SERVER_ACTIONS } from "../../lib/auth/endpoints";
import { ROLES, type Action, type Actor } from "../../lib/auth/permissions";
import type { ActionResult } from "../../lib/action-result";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createSubmission, createSubmittedSubmission, createUser, organizationId, partnershipId } from "../factories";
import { totpCode } from "../../scripts/lib/totp-code";
import { session } from "../support/mock-session";
import { digestBesidesRefusals, emptyTables, testDb } from "../support/database";

vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const url = inject("databaseUrl");
const db = testDb(url);
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
});
afterAll(() => db.$disconnect());

async function filesNamed(dir: string, name: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesNamed(path.join(dir, e.name), name) : Promise.resolve(e.name === name ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

const routeOf = (file: string) =>
  "/" +
  path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((part) => !/^\(.*\)$/.test(part))
    .join("/");

describe("every entry point has a rule", () => {
  it("lists every exported server action with its permission", async () => {
    const found: Record<string, string[]> = {};
    for (const file of await filesNamed(path.join(root, "app"), "actions.ts")) {
      const source = await readFile(file, "utf8");
      expect(source.trimStart().startsWith('"use server"'), `${file} must start with "use server"`).toBe(true);
      found[path.relative(root, file)] = [...source.matchAll(/export async function (\w+)/g)].map((m) => m[1]!).sort();
    }
    const listed = Object.fromEntries(Object.entries(SERVER_ACTIONS).map(([file, actions]) => [file, Object.keys(actions).sort()]));
    expect(found).toEqual(listed);
  });

  it("lists every page and route handler as public or protected", async () => {
    const routes = [...(await filesNamed(path.join(root, "app"), "page.tsx")), ...(await filesNamed(path.join(root, "app"), "route.ts"))].map(routeOf);
    const known = new Set<string>([...Object.keys(PROTECTED_ROUTES), ...PUBLIC_ROUTES]);
    expect(routes.filter((route) => !known.has(route))).toEqual([]);
  });
});

interface Case {
  formData: FormData;
}

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
};

// One valid request per action, on fresh records, so an allowed call succeeds and a denied
// one has something it could have changed.
const fixtures: { [File in keyof typeof SERVER_ACTIONS]: { [Name in keyof (typeof SERVER_ACTIONS)[File]]: (actor: Actor | null) => Promise<Case> } } = {
  "app/dashboard/account/actions.ts": {
    // Every factory user's password is factory-password-123.
    changeOwnPasswordAction: async () => ({
      formData: form({ current: "factory-password-123", password: "violet harbour tractor lanterns", confirm: "violet harbour tractor lanterns" }),
    }),
    startTwoStepAction: async () => ({ formData: form({}) }),
    // The actor has started setting up, with a key this test knows; the code is the app's now.
    confirmTwoStepAction: async (actor) => {
      const key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
      if (actor) await db.user.update({ where: { id: actor.id }, data: { totpSecret: key } });
      return { formData: form({ code: totpCode(key) }) };
    },
  },
  "app/dashboard/admin/users/actions.ts": {
    createUserAction: async () => ({
      formData: form({
        email: `new-${crypto.randomUUID().slice(0, 8)}@test.local`,
        name: "New Person",
        password: "a long enough password",
        role: "ENCODER",
        organizationId: await organizationId(db, "IACAT"),
        "partnershipIds[]": [await partnershipId(db, "philippines")],
      }),
    }),
    changeUserAccessAction: async () => {
      const target = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
      return {
        formData: form({
          userId: target.id,
          role: "REVIEWER",
          organizationId: await organizationId(db, "TIP Office"),
          "partnershipIds[]": [await partnershipId(db, "ghana")],
        }),
      };
    },
    setUserDisabledAction: async () => {
      const target = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
      return { formData: form({ userId: target.id, disabled: "true" }) };
    },
    resetUserPasswordAction: async () => {
      const target = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
      return { formData: form({ userId: target.id, password: "another long password" }) };
    },
  },
  "app/dashboard/[slug]/reports/[period]/actions.ts": {
    reviewSubmissionAction: async () => {
      const submission = await createSubmittedSubmission(db, { partnership: "philippines", organization: "IACAT" });
      return {
        formData: form({ submissionId: submission.id, version: String(submission.version), decision: "RETURN", reason: "Totals do not add up." }),
      };
    },
    saveSubmissionAction: async () => {
      const period = await createPeriod(db, "philippines");
      const iacat = await organizationId(db, "IACAT");
      return {
        formData: form({ slug: "philippines", period: period.text, organizationId: iacat, version: "0", intent: "save", "v:O2.1:total": "3" }),
      };
    },
    reopenSubmissionAction: async () => {
      const submission = await createSubmission(db, { partnership: "philippines", organization: "IACAT", status: "APPROVED" });
      return {
        formData: form({ submissionId: submission.id, version: String(submission.version), reason: "A figure was corrected at source." }),
      };
    },
    recordContributionAction: async () => {
      const period = await createPeriod(db, "philippines");
      const iacat = await organizationId(db, "IACAT");
      return {
        formData: form({
          slug: "philippines",
          period: period.text,
          organizationId: iacat,
          version: "0",
          kind: "IN_KIND",
          currency: "PHP",
          amount: "250000",
          exchangeRate: "50.25",
          rateDate: "2020-03-31",
          rateSource: "BSP reference rate",
        }),
      };
    },
    removeContributionAction: async () => {
      const submission = await createSubmission(db, { partnership: "philippines", organization: "IACAT", status: "DRAFT" });
      const contribution = await db.fundingDelivery.create({
        data: {
          partnershipId: submission.partnershipId,
          periodId: submission.periodId,
          submissionId: submission.id,
          fromOrganizationId: submission.organizationId,
          kind: "DISBURSED",
          amount: "1000",
          currency: "PHP",
          exchangeRate: "50",
          rateDate: new Date("2020-01-01"),
          rateSource: "test",
        },
      });
      return {
        formData: form({ contributionId: contribution.id, version: String(submission.version) }),
      };
    },
    addCommentAction: async () => {
      const submission = await createSubmittedSubmission(db, { partnership: "philippines", organization: "IACAT" });
      return {
        formData: form({ submissionId: submission.id, body: "Please attach the case list." }),
      };
    },
  },
  // O1.2 has no seeded annual targets: each case starts from "No target set" for 2019 (set) or
  // from a target of 14 (clear), so an allowed call always has something to write.
  "app/dashboard/[slug]/targets/actions.ts": {
    setTargetAction: async () => {
      const indicatorId = await targetFixtureIndicator();
      await db.target.deleteMany({ where: { indicatorId, scope: "YEAR", year: 2019 } });
      return { formData: form({ indicatorId, scope: "YEAR", year: "2019", quarter: "0", expected: "", value: "25", note: "Agreed at the annual dialogue." }) };
    },
    clearTargetAction: async () => {
      const indicatorId = await targetFixtureIndicator();
      const key = { indicatorId, scope: "YEAR" as const, year: 2019, quarter: 0 };
      await db.target.upsert({ where: { indicatorId_scope_year_quarter: key }, create: { ...key, value: "14" }, update: { value: "14" } });
      return { formData: form({ indicatorId, scope: "YEAR", year: "2019", quarter: "0", expected: "14" }) };
    },
  },
  // Each case starts with no 2019 dialogue, so an allowed call creates one.
  "app/dashboard/[slug]/dialogues/actions.ts": {
    saveDialogueAction: async () => {
      await db.dialogue.deleteMany({ where: { year: 2019, partnership: { slug: "philippines" } } });
      return {
        formData: form({
          slug: "philippines",
          year: "2019",
          heldOn: "2019-11-12",
          place: "Manila",
          participants: "TIP Office; IACAT",
          "indicators[]": ["O2.1"],
        }),
      };
    },
    // The 2020 dialogue (O2.1 among its key indicators): each allowed call writes minutes or a decision.
    recordMinutesAction: async () => ({
      formData: form({ slug: "philippines", dialogueId: await dialogueFixture(), minutes: `Discussed O2.1 (round ${++planRound}).` }),
    }),
    addDecisionAction: async () => ({
      formData: form({ slug: "philippines", dialogueId: await dialogueFixture(), text: "Raise the O2.1 target for 2021.", "indicators[]": ["O2.1"] }),
    }),
  },
  "app/dashboard/[slug]/sustainability/actions.ts": {
    saveSustainabilityAction: async () => ({
      formData: form({
        slug: "philippines",
        objectiveCode: "O2",
        continues: `Case build-up training continues (round ${++planRound}).`,
        carriedBy: "IACAT",
        "indicatorsKept[]": ["O2.1"],
      }),
    }),
  },
  "app/dashboard/notifications/actions.ts": {
    openNotificationAction: async (actor) => ({ formData: form({ id: await unreadNotificationOf(actor) }) }),
    markAllReadAction: async (actor) => {
      await unreadNotificationOf(actor);
      return { formData: form({}) };
    },
    saveMailPreferencesAction: async () => ({
      formData: form({ "mode:APPROVED": ++preferenceRound % 2 === 0 ? "OFF" : "IMMEDIATE", "mode:RETURNED": "DIGEST" }),
    }),
  },
};

let planRound = 0;
let preferenceRound = 0;

/** An unread notification of the actor's (of another user's for an anonymous visitor), so that opening or marking read writes something. */
async function unreadNotificationOf(actor: Actor | null) {
  const userId = actor?.id ?? (await db.user.findFirstOrThrow({ select: { id: true } })).id;
  const made = await db.notification.create({
    data: { userId, kind: "DUE", key: `matrix:${randomUUID()}`, title: "A quarter is due", body: "Enter it.", link: "/dashboard", mailMode: "OFF" },
  });
  return made.id;
}

/** The seeded 2020 dialogue (O2.1 among its key indicators). */
async function dialogueFixture() {
  return (await db.dialogue.findFirstOrThrow({ where: { year: 2020, partnership: { slug: "philippines" } } })).id;
}

async function targetFixtureIndicator() {
  return (await db.indicator.findFirstOrThrow({ where: { code: "O1.2", objective: { partnership: { slug: "philippines" } } } })).id;
}

async function actors(): Promise<[string, Actor | null][]> {
  const inScope = await Promise.all(
    ROLES.map(async (role) => {
      const organization = { ADMIN: "TIP Office", REVIEWER: "TIP Office", ENCODER: "IACAT", PARTNER: "IJM" }[role];
      const actor = await createUser(db, { role, organization, partnerships: role === "ADMIN" ? [] : ["philippines"] });
      return [`${role} (Philippines)`, actor] as [string, Actor];
    }),
  );
  // Same roles, assigned to another partnership: out of scope wherever the rule is scoped.
  const elsewhere = await Promise.all(
    (["REVIEWER", "ENCODER", "PARTNER"] as const).map(async (role) => {
      const organization = { REVIEWER: "TIP Office", ENCODER: "IACAT", PARTNER: "IJM" }[role];
      return [`${role} (Ghana only)`, await createUser(db, { role, organization, partnerships: ["ghana"] })] as [string, Actor];
    }),
  );
  return [...inScope, ...elsewhere, ["anonymous", null]];
}

// Who may run each action on its fixture (all on the Philippines partnership, the quarter actions
// on IACAT's report), written out as a reviewer reads the rules, not computed from lib/auth: an
// administrator manages users and reopens; a TIP Office reviewer of the partnership approves or
// returns; the administrator and the partnership's reviewer set and clear targets; IACAT's own
// encoder enters values and contributions; the comment thread is open to
// the administrator, the partnership's reviewer and the reporting organization. Everyone else,
// and every user assigned only to Ghana, is FORBIDDEN; a visitor without a session is
// UNAUTHENTICATED.
const EVERYONE_SIGNED_IN = [
  "ADMIN (Philippines)",
  "REVIEWER (Philippines)",
  "ENCODER (Philippines)",
  "PARTNER (Philippines)",
  "REVIEWER (Ghana only)",
  "ENCODER (Ghana only)",
  "PARTNER (Ghana only)",
];

const ALLOWED: Record<string, string[]> = {
  // Anyone signed in may change their own password.
  startTwoStepAction: EVERYONE_SIGNED_IN,
  confirmTwoStepAction: EVERYONE_SIGNED_IN,
  changeOwnPasswordAction: EVERYONE_SIGNED_IN,
  createUserAction: ["ADMIN (Philippines)"],
  changeUserAccessAction: ["ADMIN (Philippines)"],
  setUserDisabledAction: ["ADMIN (Philippines)"],
  resetUserPasswordAction: ["ADMIN (Philippines)"],
  reviewSubmissionAction: ["REVIEWER (Philippines)"],
  saveSubmissionAction: ["ENCODER (Philippines)"],
  reopenSubmissionAction: ["ADMIN (Philippines)"],
  addCommentAction: ["ADMIN (Philippines)", "REVIEWER (Philippines)", "ENCODER (Philippines)"],
  recordContributionAction: ["ENCODER (Philippines)"],
  removeContributionAction: ["ENCODER (Philippines)"],
  // Targets: an administrator, or a reviewer of the partnership; not encoders or partners.
  setTargetAction: ["ADMIN (Philippines)", "REVIEWER (Philippines)"],
  clearTargetAction: ["ADMIN (Philippines)", "REVIEWER (Philippines)"],
  // Dialogues: the same, an administrator or a reviewer of the partnership.
  saveDialogueAction: ["ADMIN (Philippines)", "REVIEWER (Philippines)"],
  recordMinutesAction: ["ADMIN (Philippines)", "REVIEWER (Philippines)"],
  addDecisionAction: ["ADMIN (Philippines)", "REVIEWER (Philippines)"],
  // The sustainability plan: the partner government's (IACAT's) own encoder only.
  saveSustainabilityAction: ["ENCODER (Philippines)"],
  // Notifications are one's own: everyone signed in opens theirs and chooses their e-mail.
  openNotificationAction: EVERYONE_SIGNED_IN,
  markAllReadAction: EVERYONE_SIGNED_IN,
  saveMailPreferencesAction: EVERYONE_SIGNED_IN,
};

describe("server actions refuse whoever the rules refuse, and write nothing", () => {
  for (const [file, actions] of Object.entries(SERVER_ACTIONS)) {
    for (const [name, permission] of Object.entries(actions) as [string, Action][]) {
      it(`${name} (${permission})`, async () => {
        const actionModule = (await import(`../../${file}`)) as Record<string, (prev: ActionResult, data: FormData) => Promise<ActionResult>>;
        const action = actionModule[name]!;
        const makeCase = (fixtures as unknown as Record<string, Record<string, (actor: Actor | null) => Promise<Case>>>)[file]![name]!;
        const outcomes: string[] = [];
        const expected: string[] = [];
        for (const [label, actor] of await actors()) {
          const { formData } = await makeCase(actor);
          const allowed = ALLOWED[name]!.includes(label);
          session.actor = actor;
          const before = await digestBesidesRefusals(url);
          const result = await action({ ok: false }, formData);
          const after = await digestBesidesRefusals(url);
          expected.push(`${label}: ${allowed ? "allowed" : actor ? "FORBIDDEN" : "UNAUTHENTICATED"}`);
          outcomes.push(`${label}: ${result.ok ? "allowed" : result.code}`);
          if (!result.ok) expect(after, `${label} was refused ${name} but the database changed`).toEqual(before);
          else expect(after, `${label} was allowed ${name} but nothing was written`).not.toEqual(before);
        }
        expect(outcomes).toEqual(expected);
      });
    }
  }
});
