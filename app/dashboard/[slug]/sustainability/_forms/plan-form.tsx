"use client";

import { useId } from "react";
import { saveSustainabilityAction } from "../actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import type { SustainabilityObjective } from "@/lib/data/sustainability";

const inputClass = "mt-1 block w-full rounded border border-ink p-2";

/** The partner government's plan for one objective: what continues, who carries it, which indicators keep being reported. */
export function PlanForm({ slug, objective }: { slug: string; objective: SustainabilityObjective }) {
  const { state, onSubmit, pending } = useFormAction(saveSustainabilityAction);
  const id = useId();
  const field = (name: string) => ({ id: `${id}-${name}`, name, "aria-describedby": describedBy(`${id}-${name}-error`, state.errors?.[name]) });
  return (
    <form onSubmit={onSubmit} className="space-y-2 border border-rule p-3" aria-label={`Sustainability plan for ${objective.code}`}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="objectiveCode" value={objective.code} />
      <div>
        <label htmlFor={`${id}-continues`} className="font-semibold">
          What continues after the partnership ends
        </label>
        <textarea {...field("continues")} rows={3} maxLength={2000} defaultValue={objective.plan?.continues ?? ""} className={inputClass} />
        <FieldError id={`${id}-continues-error`} messages={state.errors?.continues} />
      </div>
      <div>
        <label htmlFor={`${id}-carriedBy`} className="font-semibold">
          Who carries it
        </label>
        <input {...field("carriedBy")} maxLength={2000} defaultValue={objective.plan?.carriedBy ?? ""} className={inputClass} />
        <FieldError id={`${id}-carriedBy-error`} messages={state.errors?.carriedBy} />
      </div>
      <fieldset aria-describedby={describedBy(`${id}-indicatorsKept-error`, state.errors?.indicatorsKept)}>
        <legend className="font-semibold">Indicators that keep being reported</legend>
        {objective.indicators.map((i) => (
          <label key={i.code} className="flex items-start gap-2">
            <input type="checkbox" name="indicatorsKept[]" value={i.code} defaultChecked={objective.plan?.indicatorsKept.includes(i.code)} className="mt-1" />
            {i.code} {i.name}
          </label>
        ))}
        <FieldError id={`${id}-indicatorsKept-error`} messages={state.errors?.indicatorsKept} />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : `Save the plan for ${objective.code}`}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
