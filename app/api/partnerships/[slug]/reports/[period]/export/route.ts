import { getCurrentActor } from "@/lib/auth/session";
import { exportQuarterCsv } from "@/lib/data/quarter-csv";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/route-errors";

type Context = { params: Promise<{ slug: string; period: string }> };

/** One quarter's values in the import format, for anyone who may see the partnership. */
export async function GET(request: Request, context: Context) {
  try {
    const { slug, period } = await context.params;
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to download this quarter.");
    const csv = await exportQuarterCsv(actor, slug, period);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        // Only safe characters in a header, whatever the address held (CR, LF, U+2028…).
        "Content-Disposition": `attachment; filename="${`${slug}-${period}`.replace(/[^A-Za-z0-9._-]/g, "_")}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
