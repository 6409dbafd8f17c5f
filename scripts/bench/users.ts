// The benchmark's users: an administrator (with a two-step key of its own, as administrators
// must have) and an encoder of the import partnership, all with one fresh random password.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/data/prisma";
import { IMPORT_SLUG } from "./scale-data";

export const BENCH_TWO_STEP = { totpSecret: "MJSW4Y3IEBSWI3LJNYQGW2LFPEQGM33S", totpEnabledAt: new Date() };

export async function createBenchUsers(url: string) {
  const password = randomBytes(18).toString("base64url");
  const db = createPrismaClient(url, { max: 2 });
  try {
    const passwordHash = await hashPassword(password);
    const importPartnership = await db.partnership.findUniqueOrThrow({ where: { slug: IMPORT_SLUG }, select: { id: true } });
    const admin = await db.user.upsert({
      where: { email: "bench-admin@bench.local" },
      // Administrators must use two-step sign-in: the benchmark's has a key of its own.
      create: {
        email: "bench-admin@bench.local",
        name: "Benchmark administrator",
        role: "ADMIN",
        organizationId: "scale-org-us",
        passwordHash,
        ...BENCH_TWO_STEP,
      },
      update: { passwordHash, ...BENCH_TWO_STEP },
    });
    const encoder = await db.user.upsert({
      where: { email: "bench-encoder@bench.local" },
      create: {
        email: "bench-encoder@bench.local",
        name: "Benchmark encoder",
        role: "ENCODER",
        organizationId: "scale-org-a",
        passwordHash,
        partnerships: { create: [{ partnershipId: importPartnership.id }] },
      },
      update: { passwordHash },
    });
    return {
      password,
      admin,
      encoder: {
        id: encoder.id,
        email: encoder.email,
        name: encoder.name,
        role: encoder.role,
        organizationId: encoder.organizationId,
        partnershipIds: [importPartnership.id],
      },
    };
  } finally {
    await db.$disconnect();
  }
}
