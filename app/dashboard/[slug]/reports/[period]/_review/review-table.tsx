import { DataTable } from "@/components/ui/data-table";
import type { EntryRow, ThreadComment } from "@/lib/data/reports";
import { cellLabel } from "@/lib/dimensions";
import { formatDateTime, formatMeasure } from "@/lib/format";
import { NARRATIVE_PARTS, type NarrativePart } from "@/lib/quarter/narratives";
import { CHANGE_FLAG_SHARE, describeChange, TARGET_FLAG_SHARE, type RoundChange } from "@/lib/quarter/review";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A report as its reviewer reads it: each indicator's figures with the previous quarter and the
 * change, the target and how far the figure is from it, the running totals, the encoder's note
 * and evidence link, its comments, and what looks wrong.
 */
export function ReviewTable({ organization, period, rows }: { organization: string; period: string; rows: EntryRow[] }) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted">
        Flagged: a change of more than {percent(CHANGE_FLAG_SHARE)} on the previous quarter, a figure more than {percent(TARGET_FLAG_SHARE)} past its target, a
        breakdown left incomplete. Running totals count approved quarters and this report.
      </p>
      <DataTable
        caption={`${organization}'s figures for ${period}, with the previous quarter, targets and evidence`}
        columns={[
          { key: "indicator", label: "Indicator" },
          { key: "cell", label: "Breakdown" },
          { key: "value", label: "Value", numeric: true },
          { key: "previous", label: "Previous quarter", numeric: true },
          { key: "change", label: "Change", numeric: true },
          { key: "target", label: "Target" },
          { key: "toDate", label: "Running total", numeric: true },
          { key: "evidence", label: "Note and evidence" },
          { key: "check", label: "Check" },
        ]}
        rowKey={(_row, i) => `${i}`}
        rows={rows.flatMap((row) => {
          const context = row.context;
          const cells = ["", ...row.cells.map((c) => c.key)];
          return cells.map((cell) => {
            const value = row.values[cell] ?? null;
            const previous = context?.previous[cell] ?? null;
            const total = cell === "";
            return {
              indicator: total ? <IndicatorCell row={row} /> : <span className="sr-only">{row.code}</span>,
              cell: cellLabel(cell),
              value: formatMeasure(value, row.unit),
              previous: context ? `${formatMeasure(previous, row.unit)}${total && context.previousStatus ? ` (${context.previousStatus.toLowerCase()})` : ""}` : "—",
              change: (total ? context?.change : describeChange(value, previous)) ?? "—",
              target: total ? <TargetCell row={row} /> : null,
              toDate: total ? <RunningTotal row={row} /> : null,
              evidence: total ? <Evidence row={row} /> : null,
              check: total ? <Flags flags={context?.flags ?? []} /> : null,
            };
          });
        })}
      />
    </div>
  );
}

function IndicatorCell({ row }: { row: EntryRow }) {
  return (
    <div className="min-w-48">
      <span className="font-semibold">{row.code}</span> {row.name}
      <CommentList comments={row.comments} />
    </div>
  );
}

function TargetCell({ row }: { row: EntryRow }) {
  const target = row.context?.target;
  if (!target) return <span className="text-muted">No target set</span>;
  const reached = target.reached ?? row.values[""] ?? null;
  const share = reached !== null && Number(target.value) > 0 ? ` (${percent(Number(reached) / Number(target.value))})` : "";
  return (
    <span>
      {formatMeasure(target.value, row.unit)} {target.scope === "QUARTER" ? "this quarter" : "this year"}
      {reached !== null ? (
        <span className="block text-xs text-muted">
          {target.scope === "YEAR" ? "year to date " : "reached "}
          {formatMeasure(reached, row.unit)}
          {share}
        </span>
      ) : null}
    </span>
  );
}

function RunningTotal({ row }: { row: EntryRow }) {
  const context = row.context;
  if (!context || context.toDate === null) return <span className="text-muted">Not summed (latest value counts)</span>;
  return (
    <span>
      {formatMeasure(context.toDate, row.unit)} since the start
      <span className="block text-xs text-muted">{formatMeasure(context.yearToDate, row.unit)} this year</span>
    </span>
  );
}

function Evidence({ row }: { row: EntryRow }) {
  if (!row.note && !row.evidence) return <span className="text-muted">No note or evidence given</span>;
  return (
    <div className="min-w-48 space-y-1">
      {row.note ? <p>{row.note}</p> : null}
      {row.evidence ? (
        <a href={row.evidence} rel="noopener noreferrer nofollow" target="_blank" className="break-all">
          Evidence: {row.evidence}
        </a>
      ) : null}
    </div>
  );
}

function Flags({ flags }: { flags: string[] }) {
  if (flags.length === 0) return <span className="text-muted">Nothing flagged</span>;
  return (
    <ul className="min-w-48 space-y-1">
      {flags.map((flag) => (
        <li key={flag} className="border-l-4 border-accent-warm pl-2 font-semibold">
          {flag}
        </li>
      ))}
    </ul>
  );
}

/** Comments on one indicator, beside it: who said what, and when. */
export function CommentList({ comments }: { comments: ThreadComment[] }) {
  if (comments.length === 0) return null;
  return (
    <ol className="mt-1 space-y-1" aria-label="Comments on this indicator">
      {comments.map((c, i) => (
        <li key={i} className="border-l-4 border-accent-warm bg-base-lightest px-2 py-1 text-sm">
          <p>{c.body}</p>
          <p className="text-xs text-muted">
            {c.author}, {formatDateTime(c.at)}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** What changed between the last two submissions of a returned report. */
export function ChangeList({ round, changes, rows }: { round: number; changes: RoundChange[]; rows: EntryRow[] }) {
  const unitOf = (code: string) => rows.find((r) => r.code === code)?.unit ?? "TEXT";
  const shown = (code: string, field: string, value: string | null) =>
    value === null ? "empty" : field === "note" || field === "evidence link" ? value : formatMeasure(value, unitOf(code));
  return (
    <section aria-labelledby={`changes-${round}`} className="border-l-4 border-primary bg-base-lightest p-3">
      <h3 id={`changes-${round}`} className="font-bold">
        Changed since the previous submission (round {round - 1} to round {round})
      </h3>
      {changes.length === 0 ? (
        <p>Nothing changed: the report was submitted again as it was.</p>
      ) : (
        <ul className="list-disc pl-5">
          {changes.map((c, i) => (
            <li key={i}>
              {c.code} {c.field}: {shown(c.code, c.field, c.from)} → {shown(c.code, c.field, c.to)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The organization's narrative per objective, as the reviewer reads it beside the figures. */
export function NarrativeList({ narratives }: { narratives: { code: string; title: string; progress: string | null; challenges: string | null; nextSteps: string | null }[] }) {
  if (narratives.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="font-bold">Narrative</h3>
      {narratives.map((n) => (
        <div key={n.code} className="border-l-4 border-rule pl-3">
          <p className="font-semibold">
            {n.code} {n.title}
          </p>
          {n.progress || n.challenges || n.nextSteps ? (
            <dl className="grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
              {(Object.keys(NARRATIVE_PARTS) as NarrativePart[]).map((part) => (
                <div key={part} className="contents">
                  <dt className="font-semibold">{NARRATIVE_PARTS[part]}</dt>
                  <dd>{n[part] ?? <span className="text-muted">Not given</span>}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm font-semibold text-accent-warm">No narrative given for this objective.</p>
          )}
        </div>
      ))}
    </div>
  );
}
