import { getCurrentActor } from "@/lib/auth/session";
import { exportQuarterCsv } from "@/lib/data/quarter-csv";
import { privateCsvResponse } from "@/lib/csv";
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
    return privateCsvResponse(csv, `${slug}-${period}`);
  } catch (error) {
    return errorResponse(error, request);
  }
}
