"use client";

import { useState, type FormEvent } from "react";
import { saveSubmissionAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import type { EntryRow, QuarterSubmission } from "@/lib/data/reports";
import { NARRATIVE_PARTS, narrativeField, type NarrativePart } from "@/lib/quarter/narratives";
import { formatMeasure } from "@/lib/format";
import { CommentList } from "../_review/review-table";
import { evidenceField, fieldErrors, noteField, valueField, valuesFromForm } from "@/lib/quarter/form";
import { checkQuarterValues } from "@/lib/quarter/values";

/** "Last quarter: 12", beside a field, for the encoder to compare as they type. */
function PreviousValue({ row, cell }: { row: EntryRow; cell: string }) {
  if (!row.context) return null;
  return <span className="block text-xs text-muted">Last quarter: {formatMeasure(row.context.previous[cell] ?? null, row.unit)}</span>;
}

function TargetHint({ row }: { row: EntryRow }) {
  const target = row.context?.target;
  if (!row.context) return null;
  if (!target) return <span className="block text-xs text-muted">No target set</span>;
  return (
    <span className="block text-xs text-muted">
      Target: {formatMeasure(target.value, row.unit)} {target.scope === "QUARTER" ? "this quarter" : `this year (${formatMeasure(target.reached, row.unit)} so far, as saved)`}
    </span>
  );
}

/**
 * The quarter's grid: one row per indicator, its breakdown cells, total, note and evidence link.
 * Values are checked as they are typed with the same rules the server applies on saving.
 */
export function EntryForm(props: {
  slug: string;
  period: string;
  organizationId: string;
  organization: string;
  version: number;
  rows: EntryRow[];
  narratives: QuarterSubmission["narratives"];
}) {
  const { state, onSubmit, pending } = useFormAction(saveSubmissionAction);
  const [typedErrors, setTypedErrors] = useState<Record<string, string[]>>({});
  const errors = { ...(state.errors ?? {}), ...typedErrors };
  const id = (field: string) => `${props.organization}-${field}`.replace(/[^A-Za-z0-9_-]/g, "_");

  function checkAsTyped(event: FormEvent<HTMLFormElement>) {
    const values = Object.fromEntries(new FormData(event.currentTarget).entries());
    setTypedErrors(fieldErrors(checkQuarterValues(props.rows, valuesFromForm(values), { complete: false }).problems));
  }

  return (
    <form onSubmit={onSubmit} onChange={checkAsTyped} className="space-y-3" aria-label={`${props.organization}'s values for ${props.period}`}>
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="period" value={props.period} />
      <input type="hidden" name="organizationId" value={props.organizationId} />
      <input type="hidden" name="version" value={props.version} />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Values to enter for {props.period}, one row per indicator</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">Indicator</th>
              <th scope="col" className="py-1 pr-3">Breakdown</th>
              <th scope="col" className="py-1 pr-3">Total</th>
              <th scope="col" className="py-1 pr-3">Note</th>
              <th scope="col" className="py-1">Evidence link</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => {
              const total = valueField(row.code, "");
              return (
                <tr key={row.code} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <span className="font-semibold">{row.code}</span> {row.name}
                    <span className="block text-xs text-muted">{row.rule}</span>
                    <CommentList comments={row.comments} />
                  </th>
                  <td className="py-2 pr-3">
                    {row.cells.length === 0 ? (
                      <span className="text-muted">Total only</span>
                    ) : (
                      <div className="grid gap-1">
                        {row.cells.map((cell) => {
                          const field = valueField(row.code, cell.key);
                          return (
                            <div key={cell.key}>
                              <label htmlFor={id(field)} className="mr-2">{cell.label}</label>
                              <input id={id(field)} name={field} inputMode="decimal" defaultValue={row.values[cell.key] ?? ""} size={8}
                                className="rounded border border-ink p-1" aria-invalid={errors[field] ? true : undefined}
                                aria-describedby={describedBy(`${id(field)}-error`, errors[field])} />
                              <FieldError id={`${id(field)}-error`} messages={errors[field]} />
                              <PreviousValue row={row} cell={cell.key} />
                            </div>
                          );
                        })}
                      </div>
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    <label htmlFor={id(total)} className="sr-only">{row.code} total</label>
                    <input id={id(total)} name={total} inputMode="decimal" defaultValue={row.values[""] ?? ""} size={8}
                      className="rounded border border-ink p-1" aria-invalid={errors[total] ? true : undefined}
                      aria-describedby={describedBy(`${id(total)}-error`, errors[total])} />
                    <FieldError id={`${id(total)}-error`} messages={errors[total]} />
                    <PreviousValue row={row} cell="" />
                    <TargetHint row={row} />
                  </td>
                  <td className="py-2 pr-3">
                    <label htmlFor={id(noteField(row.code))} className="sr-only">{row.code} note</label>
                    <textarea id={id(noteField(row.code))} name={noteField(row.code)} defaultValue={row.note ?? ""} rows={2} maxLength={2000}
                      className="w-48 rounded border border-ink p-1" aria-describedby={describedBy(`${id(noteField(row.code))}-error`, errors[noteField(row.code)])} />
                    <FieldError id={`${id(noteField(row.code))}-error`} messages={errors[noteField(row.code)]} />
                  </td>
                  <td className="py-2">
                    <label htmlFor={id(evidenceField(row.code))} className="sr-only">{row.code} evidence link</label>
                    <input id={id(evidenceField(row.code))} name={evidenceField(row.code)} type="url" defaultValue={row.evidence ?? ""} placeholder="https://"
                      className="w-48 rounded border border-ink p-1" aria-describedby={describedBy(`${id(evidenceField(row.code))}-error`, errors[evidenceField(row.code)])} />
                    <FieldError id={`${id(evidenceField(row.code))}-error`} messages={errors[evidenceField(row.code)]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.narratives.length > 0 ? (
        <div className="space-y-3">
          <h3 className="font-bold">Narrative for {props.period}, per objective</h3>
          <p className="text-sm text-muted">A few sentences each, reviewed and approved with the figures; at most 2,000 characters per box.</p>
          {props.narratives.map((n) => (
            <fieldset key={n.code} className="border border-rule p-2">
              <legend className="font-semibold">
                {n.code} {n.title}
              </legend>
              <div className="grid gap-2 md:grid-cols-3">
                {(Object.keys(NARRATIVE_PARTS) as NarrativePart[]).map((part) => {
                  const field = narrativeField(n.code, part);
                  return (
                    <div key={part}>
                      <label htmlFor={id(field)} className="block text-sm font-semibold">
                        {NARRATIVE_PARTS[part]}
                      </label>
                      <textarea id={id(field)} name={field} rows={3} maxLength={2000} defaultValue={n[part] ?? ""} className="w-full rounded border border-ink p-1"
                        aria-describedby={describedBy(`${id(field)}-error`, errors[field])} />
                      <FieldError id={`${id(field)}-error`} messages={errors[field]} />
                    </div>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>Save draft</Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>Submit for review</Button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
