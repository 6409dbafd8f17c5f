import type { Metadata } from "next";
import Link from "next/link";
import { PercentOfTargetPanel, ResultsTable } from "@/components/dashboard/results-section";
import { ApprovedNarratives } from "@/components/dashboard/narratives";
import { requireSignedIn } from "@/lib/auth/session";
import { getObjectiveDetail } from "@/lib/data/indicator-detail";
import { readForPage } from "@/lib/page-errors";

type Params = Promise<{ slug: string; code: string }>;

export const metadata: Metadata = { title: "Objective" };

export default async function ObjectivePage({ params }: { params: Params }) {
  const { slug, code } = await params;
  const path = `/dashboard/${slug}/objectives/${code}`;
  const actor = await requireSignedIn(path);
  const detail = await readForPage(() => getObjectiveDetail(actor, slug, code), path);
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}`}>{detail.partnership.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        Objective {detail.objective.code}: {detail.objective.title}
      </h1>
      {detail.objective.description ? <p>{detail.objective.description}</p> : null}
      <ResultsTable indicators={detail.indicators} slug={slug} caption={`Indicators of objective ${detail.objective.code}`} />
      <PercentOfTargetPanel objective={detail.objective.code} indicators={detail.indicators} slug={slug} />
      <section aria-labelledby="narratives-heading" className="space-y-2">
        <h2 id="narratives-heading" className="text-2xl font-bold">
          What the reporting organizations say
        </h2>
        <ApprovedNarratives narratives={detail.narratives} empty="No approved report has a narrative for this objective yet." />
      </section>
    </div>
  );
}
