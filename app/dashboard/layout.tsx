import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/forms/sign-out-button";
import { can, roleLabel } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { unreadCount } from "@/lib/data/notifications";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireSignedIn("/dashboard", { allowWithoutTwoStep: true });
  const unread = await unreadCount(actor);
  return (
    <div className="space-y-6">
      <nav aria-label="Dashboard" className="flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-3">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link href="/dashboard">Partnerships</Link>
          </li>
          <li>
            <Link href="/dashboard/notifications">
              Notifications{" "}
              {unread > 0 ? (
                <span className="ml-1 rounded-full bg-primary px-2 text-sm font-bold text-white">
                  {unread}
                  <span className="sr-only"> unread</span>
                </span>
              ) : null}
            </Link>
          </li>
          {can(actor, "user.manage") ? (
            <>
              <li>
                <Link href="/dashboard/admin/users">Users</Link>
              </li>
              <li>
                <Link href="/dashboard/admin/outbox">Outbox</Link>
              </li>
            </>
          ) : null}
          <li>
            <Link href="/dashboard/account">Your account</Link>
          </li>
        </ul>
        <div className="flex items-center gap-3 text-sm">
          <span>
            Signed in as <strong>{actor.name}</strong> ({roleLabel[actor.role]})
          </span>
          <SignOutButton />
        </div>
      </nav>
      {children}
    </div>
  );
}
