import type { Metadata } from "next";
import Link from "next/link";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { listDashboardPartnerships } from "@/lib/data/dashboard";
import { formatDate, statusLabel, submissionStatusLabel } from "@/lib/format";
import { formatMoney } from "@/lib/money";

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
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Partnerships you can see, with their period, status, funding, targets met and latest reporting</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  Partnership
                </th>
                <th scope="col" className="py-2 pr-4">
                  Period
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Committed (USD)
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Delivered (USD)
                </th>
                <th scope="col" className="py-2 pr-4">
                  Targets met
                </th>
                <th scope="col" className="py-2">
                  Latest quarter
                </th>
              </tr>
            </thead>
            <tbody>
              {partnerships.map((p) => (
                <tr key={p.slug} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-4 font-semibold">
                    <Link href={`/dashboard/${p.slug}`}>{p.name}</Link>
                    {p.illustrative ? (
                      <div>
                        <IllustrativeBadge what="Includes illustrative data" />
                      </div>
                    ) : null}
                  </th>
                  <td className="py-2 pr-4">
                    {formatDate(p.signedOn)} – {p.endsOn ? formatDate(p.endsOn) : "ongoing"}
                  </td>
                  <td className="py-2 pr-4">{statusLabel[p.status]}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(p.committedUsd, "USD")}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(p.deliveredUsd, "USD")}</td>
                  <td className="py-2 pr-4">{p.targetsSet === 0 ? "No targets set" : `${p.targetsMet} of ${p.targetsSet}`}</td>
                  <td className="py-2">
                    {p.latestQuarter === null || p.latestQuarter.statuses.length === 0 ? (
                      "No reporting yet"
                    ) : (
                      <>
                        <Link href={`/dashboard/${p.slug}/reports/${p.latestQuarter.quarter}`}>{p.latestQuarter.quarter}</Link>:{" "}
                        {p.latestQuarter.statuses.map((s) => `${s.organization} ${submissionStatusLabel[s.status].toLowerCase()}`).join(", ")}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
