import { getPublicSummary } from "@/lib/data/public-summary";

// Public open data: exactly what the summary page shows (approved, suppressed). No session.
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const summary = await getPublicSummary(slug);
  if (!summary) return Response.json({ message: "There is no partnership at this address." }, { status: 404 });
  return Response.json(summary, { headers: { "Cache-Control": "public, max-age=300" } });
}
