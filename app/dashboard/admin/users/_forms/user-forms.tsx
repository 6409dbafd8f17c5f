"use client";

import { useId } from "react";
import { changeUserAccessAction, createUserAction, resetUserPasswordAction, setUserDisabledAction } from "../actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { ROLES, roleLabel, type Role } from "@/lib/auth/permissions";

export interface Option {
  id: string;
  label: string;
}

const inputClass = "mt-1 w-full rounded border border-ink p-2";

function AccessFields({
  prefix,
  organizations,
  partnerships,
  errors,
  initial,
}: {
  prefix: string;
  organizations: Option[];
  partnerships: Option[];
  errors?: Record<string, string[]>;
  initial?: { role: Role; organizationId: string; partnershipIds: string[] };
}) {
  return (
    <>
      <div>
        <label htmlFor={`${prefix}-role`} className="block font-semibold">
          Role
        </label>
        <select
          id={`${prefix}-role`}
          name="role"
          defaultValue={initial?.role ?? "ENCODER"}
          className={inputClass}
          aria-describedby={describedBy(`${prefix}-role-error`, errors?.role)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel[role]}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-role-error`} messages={errors?.role} />
      </div>
      <div>
        <label htmlFor={`${prefix}-organization`} className="block font-semibold">
          Organization
        </label>
        <select
          id={`${prefix}-organization`}
          name="organizationId"
          defaultValue={initial?.organizationId ?? ""}
          className={inputClass}
          aria-describedby={describedBy(`${prefix}-organization-error`, errors?.organizationId)}
        >
          <option value="">Choose an organization</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-organization-error`} messages={errors?.organizationId} />
      </div>
      <fieldset aria-describedby={describedBy(`${prefix}-partnerships-error`, errors?.partnershipIds)}>
        <legend className="font-semibold">Partnerships (not needed for administrators)</legend>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
          {partnerships.map((p) => (
            <label key={p.id} className="flex items-center gap-2">
              <input type="checkbox" name="partnershipIds[]" value={p.id} defaultChecked={initial?.partnershipIds.includes(p.id)} />
              {p.label}
            </label>
          ))}
        </div>
        <FieldError id={`${prefix}-partnerships-error`} messages={errors?.partnershipIds} />
      </fieldset>
    </>
  );
}

export function CreateUserForm({ organizations, partnerships }: { organizations: Option[]; partnerships: Option[] }) {
  const { state, onSubmit, pending } = useFormAction(createUserAction, { resetOnSuccess: true });
  const prefix = useId();
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      <div>
        <label htmlFor={`${prefix}-email`} className="block font-semibold">
          Email
        </label>
        <input
          id={`${prefix}-email`}
          name="email"
          type="email"
          required
          className={inputClass}
          aria-describedby={describedBy(`${prefix}-email-error`, state.errors?.email)}
        />
        <FieldError id={`${prefix}-email-error`} messages={state.errors?.email} />
      </div>
      <div>
        <label htmlFor={`${prefix}-name`} className="block font-semibold">
          Name
        </label>
        <input id={`${prefix}-name`} name="name" required className={inputClass} aria-describedby={describedBy(`${prefix}-name-error`, state.errors?.name)} />
        <FieldError id={`${prefix}-name-error`} messages={state.errors?.name} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={`${prefix}-password`} className="block font-semibold">
          Initial password (12 to 128 characters)
        </label>
        <input
          id={`${prefix}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          className={inputClass}
          aria-describedby={describedBy(`${prefix}-password-error`, state.errors?.password)}
        />
        <FieldError id={`${prefix}-password-error`} messages={state.errors?.password} />
      </div>
      <AccessFields prefix={prefix} organizations={organizations} partnerships={partnerships} errors={state.errors} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}

export function UserAccessForm(props: {
  userId: string;
  organizations: Option[];
  partnerships: Option[];
  initial: { role: Role; organizationId: string; partnershipIds: string[] };
}) {
  const { state, onSubmit, pending } = useFormAction(changeUserAccessAction);
  const prefix = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="userId" value={props.userId} />
      <AccessFields prefix={prefix} organizations={props.organizations} partnerships={props.partnerships} errors={state.errors} initial={props.initial} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save role and partnerships"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

export function DisableUserForm({ userId, disabled, email }: { userId: string; disabled: boolean; email: string }) {
  const { state, onSubmit, pending } = useFormAction(setUserDisabledAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <Button type="submit" variant={disabled ? "secondary" : "danger"} disabled={pending} aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}>
        {disabled ? "Enable" : "Disable"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const { state, onSubmit, pending } = useFormAction(resetUserPasswordAction, { resetOnSuccess: true });
  const prefix = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`${prefix}-password`} className="block font-semibold">
        New password (12 to 128 characters)
      </label>
      <input
        id={`${prefix}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        className={inputClass}
        aria-describedby={describedBy(`${prefix}-password-error`, state.errors?.password)}
      />
      <FieldError id={`${prefix}-password-error`} messages={state.errors?.password} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Resetting…" : "Reset password"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
