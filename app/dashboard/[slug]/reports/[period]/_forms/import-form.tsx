"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Only the report's type crosses from the server module (erased from the browser bundle).
import type { ImportReport } from "@/lib/data/quarter-csv";

const outcomeLabel = { create: "Will be added", change: "Will change", unchanged: "Unchanged", reject: "Rejected" } as const;
/** Once applied, the table says what happened, not what would. */
const appliedLabel = { create: "Added", change: "Changed", unchanged: "Unchanged", reject: "Rejected" } as const;

/** Upload with progress (a 10,000-row file takes a moment), a dry run to read, then apply. */
export function ImportForm(props: { endpoint: string; quarterPage: string; organizations: { id: string; name: string; version: number }[] }) {
  const [organizationId, setOrganizationId] = useState(props.organizations[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const version = report?.version ?? props.organizations.find((o) => o.id === organizationId)?.version ?? 0;

  function send(mode: "dry-run" | "apply") {
    if (!file) return setMessage("Choose a CSV file first.");
    const body = new FormData();
    body.append("file", file);
    body.append("organizationId", organizationId);
    body.append("version", String(version));
    body.append("mode", mode);
    const request = new XMLHttpRequest();
    request.open("POST", props.endpoint);
    request.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    request.onload = () => {
      setProgress(null);
      let data: (ImportReport & { message?: string }) | null = null;
      try {
        data = JSON.parse(request.responseText);
      } catch {
        data = null;
      }
      if (request.status !== 200 || !data) return setMessage(data?.message ?? "The server could not read the file. Try again.");
      setReport(data);
      setMessage(
        data.fileError ??
          (data.applied
            ? `Applied: ${data.counts.create} added, ${data.counts.change} changed, ${data.counts.unchanged} unchanged. ${data.organization}'s report is saved as a draft, not yet submitted.`
            : mode === "apply" && data.counts.create + data.counts.change === 0
              ? "Nothing to apply: the file matches what is saved."
              : data.counts.reject > 0
                ? `${data.counts.reject} rows are rejected: fix them and check the file again. Nothing was saved.`
                : "Dry run: nothing is saved yet. Read the changes, then apply them."),
      );
    };
    request.onerror = () => {
      setProgress(null);
      setMessage("The upload did not reach the server. Check your connection and try again.");
    };
    setMessage(null);
    setProgress(0);
    request.send(body);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="font-semibold">
          Organization
          <select value={organizationId} onChange={(e) => { setOrganizationId(e.target.value); setReport(null); }} className="mt-1 block rounded border border-ink p-1">
            {props.organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <label className="font-semibold">
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} className="mt-1 block" />
        </label>
        <Button type="button" variant="secondary" onClick={() => send("dry-run")} disabled={progress !== null}>Check the file (dry run)</Button>
        {report && !report.fileError && report.counts.reject === 0 && report.counts.create + report.counts.change > 0 && !report.applied ? (
          <Button type="button" onClick={() => send("apply")} disabled={progress !== null}>{report.counts.create + report.counts.change === 1 ? "Apply the change" : `Apply all ${report.counts.create + report.counts.change} changes`}</Button>
        ) : null}
      </div>
      {progress !== null ? (
        <div role="status" aria-live="polite">
          <label htmlFor="upload-progress">Uploading… {progress}%</label>
          <progress id="upload-progress" max={100} value={progress} className="block w-64" />
        </div>
      ) : null}
      {message ? (
        <div role="status" aria-live="polite" className="border-l-4 border-primary bg-base-lightest p-3">
          <p>{message}</p>
          {report?.applied ? (
            <p className="mt-2">
              <a href={props.quarterPage} className="font-semibold">Open the quarter to check it and submit it for review</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {report && report.rows.length > 0 ? (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="text-left font-semibold">
            {report.applied
              ? `${report.counts.create} added, ${report.counts.change} changed, ${report.counts.unchanged} unchanged`
              : `${report.counts.create} to add, ${report.counts.change} to change, ${report.counts.unchanged} unchanged, ${report.counts.reject} rejected`}
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">Line</th>
              <th scope="col" className="py-1 pr-3">Indicator</th>
              <th scope="col" className="py-1 pr-3">Cell</th>
              <th scope="col" className="py-1 pr-3">{report.applied ? "Before" : "Now"}</th>
              <th scope="col" className="py-1 pr-3">In the file</th>
              <th scope="col" className="py-1">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.slice(0, 1000).map((r) => (
              <tr key={r.line} className="border-b border-rule">
                <th scope="row" className="py-1 pr-3 font-normal">{r.line}</th>
                <td className="py-1 pr-3">{r.indicator}</td>
                <td className="py-1 pr-3">{r.cell || "total"}</td>
                <td className="py-1 pr-3">{r.before ?? "—"}</td>
                <td className="py-1 pr-3">{r.value || "—"}</td>
                <td className="py-1">
                  {(report.applied ? appliedLabel : outcomeLabel)[r.outcome]}
                  {r.reason ? `: ${r.reason}` : ""}
                  {r.changes.length > 0 ? (
                    <ul className="list-disc pl-5">
                      {r.changes.map((change) => <li key={change}>{change}</li>)}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report && report.rows.length > 1000 ? <p>Showing the first 1,000 of {report.rows.length} rows.</p> : null}
    </div>
  );
}
