import type { Metadata } from "next";
import { ChangePasswordForm } from "./_forms/password-form";
import { roleLabel } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireSignedIn("/dashboard/account");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Your account</h1>
      <p>
        {actor.name}, {actor.email} ({roleLabel[actor.role]})
      </p>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-2xl font-bold">
          Change your password
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
