import { getPublicSummary } from "@/lib/data/public-summary";
import { summaryToCsv } from "@/lib/open-data";

// Public open data: the summary page's figures as CSV (columns in docs/OPEN-DATA.md). No session.
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const summary = await getPublicSummary(slug);
  if (!summary) return Response.json({ message: "There is no partnership at this address." }, { status: 404 });
  return new Response(summaryToCsv(summary), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-summary.csv"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
