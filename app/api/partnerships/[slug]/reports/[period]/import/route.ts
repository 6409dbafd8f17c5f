import { z } from "zod";
import { isSameOrigin } from "@/lib/auth/origin";
import { getCurrentActor } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/permissions";
import { importQuarterCsv } from "@/lib/data/quarter-csv";
import { MAX_IMPORT_BYTES } from "@/lib/quarter/csv";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/route-errors";
import { hasNul } from "@/lib/validation/text";

type Context = { params: Promise<{ slug: string; period: string }> };

const fieldsSchema = z.object({
  organizationId: z.string().min(1).max(64).refine((v) => !hasNul(v)),
  version: z.coerce.number().int().min(0),
  mode: z.enum(["dry-run", "apply"]),
});

const tooBig = () =>
  Response.json(
    { code: "VALIDATION", message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it, or import one organization's quarter at a time.` },
    { status: 413 },
  );

/** Dry run or apply of a quarter's CSV for one organization (multipart: file, organizationId, version, mode). */
export async function POST(request: Request, context: Context) {
  try {
    const { slug, period } = await context.params;
    if (!isSameOrigin(request)) {
      throw new AppError("FORBIDDEN", "This import did not come from a page of Compact Tracker, so nothing was imported. Open the quarter's import page and try again.");
    }
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again, then import again.");
    if (scopeOf(actor.role, "submission.edit") === null) {
      throw new AppError("FORBIDDEN", "Your role does not allow entering values. Ask an administrator if you need access.");
    }
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return tooBig();
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    const fields = fieldsSchema.safeParse(Object.fromEntries([...(form?.entries() ?? [])].filter(([, v]) => typeof v === "string")));
    if (!form || !(file instanceof File) || !fields.success) {
      throw new AppError("VALIDATION", "Choose a CSV file to import, then try again.");
    }
    if (file.size > MAX_IMPORT_BYTES) return tooBig();
    const report = await importQuarterCsv(actor, {
      slug,
      period,
      organizationId: fields.data.organizationId,
      version: fields.data.version,
      text: await file.text(),
      apply: fields.data.mode === "apply",
    });
    return Response.json(report);
  } catch (error) {
    return errorResponse(error, request);
  }
}
