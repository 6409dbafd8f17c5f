import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import type { SustainabilityObjective } from "@/lib/data/sustainability";
import { formatDateTime } from "@/lib/format";

/** Each objective's sustainability plan as read: on its own page and in the dialogue pack. */
export function SustainabilityPlan({ objective }: { objective: SustainabilityObjective }) {
  const plan = objective.plan;
  if (!plan) return <p className="text-muted">No plan written yet for this objective.</p>;
  const kept = objective.indicators.filter((i) => plan.indicatorsKept.includes(i.code));
  return (
    <dl className="space-y-1">
      {plan.illustrative ? <IllustrativeBadge what="Illustrative plan" /> : null}
      <dt className="font-semibold">What continues</dt>
      <dd>{plan.continues}</dd>
      <dt className="font-semibold">Carried by</dt>
      <dd>{plan.carriedBy}</dd>
      <dt className="font-semibold">Indicators that keep being reported</dt>
      <dd>{kept.length === 0 ? "None" : kept.map((i) => `${i.code} ${i.name}`).join("; ")}</dd>
      <dd className="text-xs text-muted">Last changed {formatDateTime(plan.updatedAt)}</dd>
    </dl>
  );
}
