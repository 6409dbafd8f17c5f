import type { Metadata } from "next";
import { formatDate, statusLabel } from "@/lib/format";
import { listDashboardPartnerships } from "@/lib/data/dashboard";
import { requireSignedIn } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireSignedIn("/dashboard");
  const partnerships = await listDashboardPartnerships(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Your partnerships</h1>
      {partnerships.length === 0 ? (
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          You are not assigned to any partnership yet. Ask an administrator to add you to the partnerships you work on.
        </p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Partnerships you can see, with their period and status</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Partnership</th>
              <th scope="col" className="py-2 pr-4">Period</th>
              <th scope="col" className="py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {partnerships.map((p) => (
              <tr key={p.slug} className="border-b border-rule">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  {p.name}
                </th>
                <td className="py-2 pr-4">
                  {formatDate(p.signedOn)} – {p.endsOn ? formatDate(p.endsOn) : "ongoing"}
                </td>
                <td className="py-2">{statusLabel[p.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
