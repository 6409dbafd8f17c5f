import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/forms/login-form";
import { safeReturnPath } from "@/lib/auth/sign-in-messages";
import { getCurrentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : null;
  const error = typeof params.error === "string" ? params.error : null;
  if (await getCurrentActor()) redirect(safeReturnPath(next));

  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p>For TIP Office reviewers, the IACAT secretariat and implementing partners. The public summaries need no sign-in.</p>
      <LoginForm next={next} initialError={error} />
    </div>
  );
}
