import { getDatabaseHealth } from "@/lib/data/health";

// Public by design: load balancers and operators poll it without a session.
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getDatabaseHealth();
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", database: "ok" }, { headers });
  return Response.json({ status: "error", database: "unreachable", reason: health.reason }, { status: 503, headers });
}
