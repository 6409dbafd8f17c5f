import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emptyTables, testDb } from "../support/database";

const db = testDb(inject("databaseUrl"));

beforeAll(() => emptyTables(inject("databaseUrl")));
afterAll(() => db.$disconnect());

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
});
