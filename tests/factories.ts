// Valid records with unique values, for tests (STYLE.md item 9).
import { randomUUID } from "node:crypto";
import type { Role } from "../lib/auth/permissions";
import type { Actor } from "../lib/auth/permissions";
import type { Db } from "../lib/data/prisma";

const unique = () => randomUUID().slice(0, 8);

// A fixed, valid argon2id hash ("factory-password-123"), so factories do not spend time hashing.
export const FACTORY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$ALlvFKzCw3zT5+zMuzM68Q$49wVx18V2fdBksHvfisbPt2YrKy0NEq/De8g50cJ9jI";

export async function organizationId(db: Db, shortName: string) {
  return (await db.organization.findFirstOrThrow({ where: { shortName } })).id;
}

export async function partnershipId(db: Db, slug: string) {
  return (await db.partnership.findUniqueOrThrow({ where: { slug } })).id;
}

export async function createUser(
  db: Db,
  options: { role: Role; organization: string; partnerships?: string[]; disabled?: boolean; email?: string },
): Promise<Actor> {
  const partnershipIds = await Promise.all((options.partnerships ?? []).map((slug) => partnershipId(db, slug)));
  const user = await db.user.create({
    data: {
      email: options.email ?? `${options.role.toLowerCase()}-${unique()}@test.local`,
      name: `Test ${options.role.toLowerCase()} ${unique()}`,
      role: options.role,
      organizationId: await organizationId(db, options.organization),
      passwordHash: FACTORY_PASSWORD_HASH,
      disabled: options.disabled ?? false,
      partnerships: { create: partnershipIds.map((id) => ({ partnershipId: id })) },
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, partnershipIds };
}

let nextYear = 2100;

/** A reporting period of its own (a far-future year, so nothing collides), e.g. "2100Q1". */
export async function createPeriod(db: Db, partnership: string) {
  const period = await db.reportingPeriod.create({ data: { partnershipId: await partnershipId(db, partnership), year: nextYear++, quarter: 1 } });
  return { ...period, text: `${period.year}Q${period.quarter}` };
}

/** A submission in a period of its own. */
export async function createSubmission(
  db: Db,
  options: { partnership: string; organization: string; status?: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED"; submittedById?: string },
) {
  const period = await createPeriod(db, options.partnership);
  const submission = await db.submission.create({
    data: {
      partnershipId: period.partnershipId,
      periodId: period.id,
      organizationId: await organizationId(db, options.organization),
      status: options.status ?? "SUBMITTED",
      submittedById: options.submittedById ?? null,
      submittedAt: options.status === "DRAFT" ? null : new Date(),
    },
  });
  return { ...submission, periodText: period.text };
}

export const createSubmittedSubmission = (db: Db, options: { partnership: string; organization: string; submittedById?: string }) =>
  createSubmission(db, { ...options, status: "SUBMITTED" });
