import { auditCsv } from "@/lib/audit/csv";
import { isFromAnotherSite } from "@/lib/auth/origin";
import { scopeOf } from "@/lib/auth/permissions";
import { getCurrentActor } from "@/lib/auth/session";
import { CSV_ROWS, listAuditEvents } from "@/lib/data/audit-log";
import { privateCsvResponse } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/route-errors";

type Context = { params: Promise<{ slug: string }> };

/** The audit log's rows for the page's filters (?quarter, indicator, user, event), as CSV. */
export async function GET(request: Request, context: Context) {
  try {
    const { slug } = await context.params;
    if (isFromAnotherSite(request)) {
      throw new AppError(
        "FORBIDDEN",
        "This download was asked for by another site, so nothing was sent. Open the audit log in Compact Tracker and download it there.",
      );
    }
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to download the audit log.");
    if (scopeOf(actor.role, "audit.view") === null) throw new AppError("FORBIDDEN", "Your role does not allow reading the audit log.");
    const url = new URL(request.url);
    const log = await listAuditEvents(actor, slug, Object.fromEntries(url.searchParams), { limit: CSV_ROWS });
    if (log.problems.length > 0) throw new AppError("VALIDATION", log.problems.join(" "));
    const quarter = log.filters.quarter ? `-${log.filters.quarter.year}Q${log.filters.quarter.quarter}` : "";
    return privateCsvResponse(auditCsv(log.rows), `${slug}-audit-log${quarter}`);
  } catch (error) {
    return errorResponse(error, request);
  }
}
