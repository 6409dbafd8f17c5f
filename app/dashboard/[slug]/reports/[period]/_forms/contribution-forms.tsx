"use client";

import { useId } from "react";
import { recordContributionAction, removeContributionAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { contributionKinds } from "@/lib/validation/contributions";
import { useFormAction } from "@/components/forms/use-form-action";

const input = "mt-1 block rounded border border-ink p-1";

export function ContributionForm(props: { slug: string; period: string; organizationId: string; version: number }) {
  const { state, onSubmit, pending } = useFormAction(recordContributionAction, { resetOnSuccess: true });
  const id = useId();
  const field = (name: string, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="text-sm font-semibold">{label}</label>
      {control}
      <FieldError id={`${id}-${name}-error`} messages={state.errors?.[name]} />
    </div>
  );
  const described = (name: string) => describedBy(`${id}-${name}-error`, state.errors?.[name]);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 border border-rule p-3 sm:grid-cols-3" aria-label="Record a contribution">
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="period" value={props.period} />
      <input type="hidden" name="organizationId" value={props.organizationId} />
      <input type="hidden" name="version" value={props.version} />
      {field("kind", "Kind", (
        <select id={`${id}-kind`} name="kind" className={input} aria-describedby={described("kind")}>
          {Object.entries(contributionKinds).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      ))}
      {field("currency", "Currency", (
        <select id={`${id}-currency`} name="currency" className={input} aria-describedby={described("currency")}>
          <option value="PHP">PHP</option>
          <option value="USD">USD</option>
        </select>
      ))}
      {field("amount", "Amount", <input id={`${id}-amount`} name="amount" inputMode="decimal" required className={input} aria-describedby={described("amount")} />)}
      {field("exchangeRate", "Rate (PHP per USD)", <input id={`${id}-exchangeRate`} name="exchangeRate" inputMode="decimal" required className={input} aria-describedby={described("exchangeRate")} />)}
      {field("rateDate", "Date of the rate", <input id={`${id}-rateDate`} name="rateDate" type="date" required className={input} aria-describedby={described("rateDate")} />)}
      {field("rateSource", "Source of the rate", <input id={`${id}-rateSource`} name="rateSource" required maxLength={300} placeholder="BSP reference rate" className={input} aria-describedby={described("rateSource")} />)}
      {field("note", "Note (optional)", <input id={`${id}-note`} name="note" maxLength={1000} className={input} aria-describedby={described("note")} />)}
      <div className="sm:col-span-3">
        <Button type="submit" variant="secondary" disabled={pending}>Record contribution</Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

export function RemoveContributionForm({ contributionId, version, label }: { contributionId: string; version: number; label: string }) {
  const { state, onSubmit, pending } = useFormAction(removeContributionAction);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="contributionId" value={contributionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="text-sm text-[#b50909] underline" aria-label={`Remove ${label}`}>Remove</button>
      <FormStatus state={state} />
    </form>
  );
}
