import type { Metadata } from "next";
import { ChangePasswordForm } from "./_forms/password-form";
import { ConfirmTwoStepForm, StartTwoStepForm } from "./_forms/two-step-forms";
import { roleLabel } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { getTwoStep } from "@/lib/data/two-step";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireSignedIn("/dashboard/account", { allowWithoutTwoStep: true });
  const twoStep = await getTwoStep(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Your account</h1>
      <p>
        {actor.name}, {actor.email} ({roleLabel[actor.role]})
      </p>
      <section id="two-step" aria-labelledby="two-step-heading" className="space-y-3">
        <h2 id="two-step-heading" className="text-2xl font-bold">
          Two-step sign-in
        </h2>
        {actor.needsTwoStep ? (
          <p role="alert" className="border-l-4 border-[#b50909] bg-[#f4e3db] p-3">
            Administrators and reviewers must sign in with a code from an authenticator app as well as their password. Set it up here before anything else.
          </p>
        ) : null}
        {twoStep.enabledAt ? (
          <p>
            On since {formatDate(twoStep.enabledAt.slice(0, 10))}: signing in asks for the code your authenticator app shows. Recovery codes left:{" "}
            {twoStep.recoveryCodesLeft} of 10.
          </p>
        ) : twoStep.pending ? (
          <div className="space-y-3">
            <p>
              1. In an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password), add an account by scanning this code, or by
              typing the key below it.
            </p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data address made on the server; nothing to optimise */}
            <img src={twoStep.pending.qrCode} alt={`QR code of the key for ${actor.email}`} width={240} height={240} />
            <p>
              Key: <code className="break-all">{twoStep.pending.key}</code> (time-based, 6 digits)
            </p>
            <p>2. Enter the code the app shows for Compact Tracker.</p>
            <ConfirmTwoStepForm />
            <StartTwoStepForm label="Start again with a new key" />
          </div>
        ) : (
          <div className="space-y-3">
            <p>
              {twoStep.required ? "Required for your role." : "Recommended."} Signing in will ask for a code from an app on your phone as well as your password,
              so a stolen password alone is not enough.
            </p>
            <StartTwoStepForm label="Set up two-step sign-in" />
          </div>
        )}
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-2xl font-bold">
          Change your password
        </h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
