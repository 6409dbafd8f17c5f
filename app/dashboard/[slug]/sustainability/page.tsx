import type { Metadata } from "next";
import { PlanForm } from "./_forms/plan-form";
import { SustainabilityPlan } from "@/components/dashboard/sustainability-plans";
import { requireSignedIn } from "@/lib/auth/session";
import { getSustainability } from "@/lib/data/sustainability";
import { readForPage } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Sustainability plan" };

export default async function SustainabilityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/sustainability`;
  const actor = await requireSignedIn(path);
  const view = await readForPage(() => getSustainability(actor, slug), path);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Sustainability plan</h1>
        <p className="mt-1">
          For each objective: what continues after the partnership ends, who carries it, and which indicators keep being reported.{" "}
          {view.government ? `Written by ${view.government}, the partner government.` : "This partnership has no partner government recorded."}
        </p>
      </div>
      {view.objectives.length === 0 ? <p role="status">This partnership has no objectives recorded yet.</p> : null}
      {view.objectives.map((o) => (
        <section key={o.code} aria-labelledby={`plan-${o.code}`} className="space-y-2 border-t border-rule pt-3">
          <h2 id={`plan-${o.code}`} className="text-xl font-bold">
            {o.code} {o.title}
          </h2>
          <SustainabilityPlan objective={o} />
          {view.canEdit ? <PlanForm slug={slug} objective={o} /> : null}
        </section>
      ))}
    </div>
  );
}
