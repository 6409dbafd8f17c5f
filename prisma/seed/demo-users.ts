// Demo sign-ins for the embedded demo database (npm start without DATABASE_URL), or a server
// when SEED_DEMO_USERS=1. Never real accounts: the password is printed on every start.
import { hashPassword } from "../../lib/auth/password";
import { twoStepRequired } from "../../lib/auth/totp";
import type { Db } from "../../lib/data/prisma";
import { organizations, type OrganizationRef } from "./facts";

export const DEMO_PASSWORD = "cpc-demo-password";
/**
 * The demo administrator's and reviewer's two-step key (their roles require two-step sign-in).
 * Public like the password: `npm start` prints it on the embedded database, and
 * `npm run demo:code` prints the code it gives now.
 */
export const DEMO_TWO_STEP_KEY = "GNCVCLDEMOKEYFORCPCTRACKERDEMOXX";

export const demoUsers: { email: string; name: string; role: "ADMIN" | "REVIEWER" | "ENCODER" | "PARTNER"; org: OrganizationRef; partnerships: string[] }[] = [
  { email: "admin@demo.local", name: "Demo Administrator", role: "ADMIN", org: "tip", partnerships: [] },
  { email: "reviewer@demo.local", name: "Demo Reviewer (TIP Office)", role: "REVIEWER", org: "tip", partnerships: ["philippines"] },
  { email: "encoder@demo.local", name: "Demo Encoder (IACAT)", role: "ENCODER", org: "iacat", partnerships: ["philippines"] },
  { email: "partner@demo.local", name: "Demo Partner (IJM)", role: "PARTNER", org: "ijm", partnerships: ["philippines"] },
];

/** Creates the demo users that are missing; leaves existing ones (and their passwords) alone. */
export async function seedDemoUsers(db: Db): Promise<string[]> {
  const created: string[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of demoUsers) {
    const twoStep = twoStepRequired(demo.role) ? { totpSecret: DEMO_TWO_STEP_KEY, totpEnabledAt: new Date() } : {};
    const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true, totpEnabledAt: true } });
    if (existing) {
      // A demo database from before two-step sign-in: give its administrator and reviewer the key.
      if (!existing.totpEnabledAt && twoStepRequired(demo.role)) await db.user.update({ where: { id: existing.id }, data: twoStep });
      continue;
    }
    const org = await db.organization.findUniqueOrThrow({ where: { name: organizations[demo.org].name } });
    const partnerships = await db.partnership.findMany({ where: { slug: { in: demo.partnerships } }, select: { id: true } });
    await db.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        role: demo.role,
        organizationId: org.id,
        passwordHash,
        ...twoStep,
        partnerships: { create: partnerships.map((p) => ({ partnershipId: p.id })) },
      },
    });
    created.push(demo.email);
  }
  return created;
}
