import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import type { ApprovedNarrative } from "@/lib/data/narratives";
import { NARRATIVE_PARTS, type NarrativePart } from "@/lib/quarter/narratives";

/** Approved narratives, newest quarter first: on an objective's page and in the dialogue pack. */
export function ApprovedNarratives({ narratives, empty }: { narratives: ApprovedNarrative[]; empty: string }) {
  if (narratives.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <ol className="space-y-3">
      {narratives.map((n) => (
        <li key={`${n.objective}/${n.quarter}/${n.organization}`} className="border-l-4 border-rule pl-3">
          <p className="font-semibold">
            {n.objective}, {n.quarter}, {n.organization} {n.illustrative ? <IllustrativeBadge /> : null}
          </p>
          <dl className="grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
            {(Object.keys(NARRATIVE_PARTS) as NarrativePart[])
              .filter((part) => n[part])
              .map((part) => (
                <div key={part} className="contents">
                  <dt className="font-semibold">{NARRATIVE_PARTS[part]}</dt>
                  <dd>{n[part]}</dd>
                </div>
              ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
