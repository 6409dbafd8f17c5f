import type { Metadata } from "next";
import Link from "next/link";
import { DialogueForm } from "./_forms/dialogue-form";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { listDialogues } from "@/lib/data/dialogues";
import { formatDate } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Annual dialogues" };

export default async function DialoguesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/dialogues`;
  const actor = await requireSignedIn(path);
  const view = await readForPage(() => listDialogues(actor, slug), path);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Annual high-level dialogues</h1>
        <p className="mt-1">
          Each year&apos;s dialogue reviews the key indicators marked for it. Its pack brings their targets, actuals and variances, and funding pledged against
          delivered, as of a release.
        </p>
      </div>
      {view.dialogues.length === 0 ? (
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          No dialogue is recorded for this partnership yet.
        </p>
      ) : (
        <ol className="space-y-4">
          {view.dialogues.map((d) => (
            <li key={d.id} className="border-l-4 border-primary bg-base-lightest p-3">
              <h2 className="text-xl font-bold">
                <Link href={`/dashboard/${slug}/dialogues/${d.id}`}>
                  {d.year} dialogue: {formatDate(d.heldOn)}, {d.place}
                </Link>
              </h2>
              {d.illustrative ? <IllustrativeBadge what="Illustrative dialogue" /> : null}
              <p className="text-sm">Participants: {d.participants}</p>
              <h3 className="mt-2 font-semibold">Key indicators</h3>
              <ul className="list-disc pl-5">
                {d.indicators.map((i) => (
                  <li key={i.code}>
                    {i.code} {i.name}
                    {i.warnings.length > 0 ? <strong className="ml-2 text-accent-warm">Warning: {i.warnings.join("; ")}.</strong> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {view.canManage ? (
        <section aria-labelledby="new-dialogue" className="space-y-2">
          <h2 id="new-dialogue" className="text-2xl font-bold">
            Create or change a dialogue
          </h2>
          <DialogueForm slug={slug} years={view.years} indicators={view.indicators} />
        </section>
      ) : null}
    </div>
  );
}
