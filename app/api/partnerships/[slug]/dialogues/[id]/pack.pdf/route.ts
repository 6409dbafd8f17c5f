import { isFromAnotherSite } from "@/lib/auth/origin";
import { getCurrentActor } from "@/lib/auth/session";
import { getDialoguePack, getDialogueRecord } from "@/lib/data/dialogues";
import { getSustainability } from "@/lib/data/sustainability";
import { getContributionLedger } from "@/lib/data/contribution-ledger";
import { renderPackPdf } from "@/lib/dialogues/pdf";
import { readPackBasis } from "@/lib/dialogues/basis";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/route-errors";

type Context = { params: Promise<{ slug: string; id: string }> };

/** The dialogue pack as a PDF (?release=N or ?live=1, as the pack's page), drawn on the server. */
export async function GET(request: Request, context: Context) {
  try {
    const { slug, id } = await context.params;
    if (isFromAnotherSite(request)) {
      throw new AppError(
        "FORBIDDEN",
        "This download was asked for by another site, so nothing was sent. Open the pack in Compact Tracker and download it there.",
      );
    }
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to download the dialogue pack.");
    const basis = readPackBasis(Object.fromEntries(new URL(request.url).searchParams));
    if (basis === "invalid") throw new AppError("VALIDATION", "Ask for a release by its number (?release=12) or for the live figures (?live=1).");
    const pack = await getDialoguePack(actor, slug, id, basis);
    const plans = await getSustainability(actor, slug);
    const ledger = await getContributionLedger(actor, slug);
    const record = await getDialogueRecord(actor, slug, id);
    const pdf = await renderPackPdf(pack, plans.objectives, ledger, record);
    const name = `${pack.partnership.slug}-dialogue-${pack.dialogue.year}-${pack.basis.kind === "release" ? `release-${pack.basis.number}` : "live"}.pdf`;
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
