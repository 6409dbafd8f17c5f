"use client";

import { useId } from "react";
import { clearTargetAction, setTargetAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";

export interface TargetKeyProps {
  indicatorId: string;
  scope: "YEAR" | "QUARTER" | "LIFE";
  year: number;
  quarter: number;
  /** What the target is for, as a label says it: "O2.1 in 2019". */
  what: string;
  /** The stored value the page shows ("" for no target): a change made by someone else meanwhile is refused. */
  current: string;
  currentNote: string | null;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
}

function KeyFields({ indicatorId, scope, year, quarter, current }: TargetKeyProps) {
  return (
    <>
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="expected" value={current} />
    </>
  );
}

const hint = { COUNT: "a whole number", PERCENT: "0 to 100", CURRENCY: "up to two decimals", TEXT: "" };

/** Set or change one target, and clear it when there is one. */
export function TargetEditor(props: TargetKeyProps) {
  const set = useFormAction(setTargetAction);
  const clear = useFormAction(clearTargetAction);
  const id = useId();
  const errors = { ...set.state.errors, ...clear.state.errors };
  const keyErrors = [...(errors.year ?? []), ...(errors.quarter ?? []), ...(errors.indicatorId ?? []), ...(errors.expected ?? [])];
  return (
    // Positioned, so the screen-reader-only text inside stays within the table's scrolling frame.
    <div className="relative space-y-2">
      <form onSubmit={set.onSubmit} className="flex flex-wrap items-end gap-2" aria-label={`Set the target of ${props.what}`}>
        <KeyFields {...props} />
        <div>
          <label htmlFor={`${id}-value`} className="block text-sm font-semibold">
            Target <span className="font-normal">({hint[props.unit]})</span>
            <span className="sr-only"> of {props.what}</span>
          </label>
          <input
            // A new stored value (set or cleared elsewhere on the page) refills the field.
            key={props.current}
            id={`${id}-value`}
            name="value"
            inputMode="decimal"
            defaultValue={props.current}
            required
            maxLength={40}
            className="mt-1 w-28 rounded border border-ink p-1"
            aria-describedby={describedBy(`${id}-value-error`, set.state.errors?.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-note`} className="block text-sm font-semibold">
            Note (optional)<span className="sr-only"> on the target of {props.what}</span>
          </label>
          <input
            key={props.currentNote ?? ""}
            id={`${id}-note`}
            name="note"
            defaultValue={props.currentNote ?? ""}
            maxLength={500}
            className="mt-1 w-40 rounded border border-ink p-1"
            aria-describedby={describedBy(`${id}-note-error`, set.state.errors?.note)}
          />
        </div>
        <Button type="submit" disabled={set.pending} className="px-3 py-1">
          {set.pending ? "Saving…" : "Save"}
          <span className="sr-only"> the target of {props.what}</span>
        </Button>
      </form>
      <FieldError id={`${id}-value-error`} messages={set.state.errors?.value} />
      <FieldError id={`${id}-note-error`} messages={set.state.errors?.note} />
      <FieldError id={`${id}-key-error`} messages={keyErrors} />
      <FormStatus state={set.state} />
      {props.current !== "" ? (
        <form onSubmit={clear.onSubmit} aria-label={`Clear the target of ${props.what}`}>
          <KeyFields {...props} />
          <Button type="submit" variant="secondary" disabled={clear.pending} className="px-3 py-1">
            {clear.pending ? "Clearing…" : "Clear"}
            <span className="sr-only"> the target of {props.what}</span>
          </Button>
        </form>
      ) : null}
      <FormStatus state={clear.state} />
    </div>
  );
}
