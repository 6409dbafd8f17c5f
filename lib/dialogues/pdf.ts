import "server-only";
import PDFDocument from "pdfkit";
import type { DialoguePack, DialogueRecord } from "../data/dialogues";
import type { SustainabilityObjective } from "../data/sustainability";
import type { ContributionLedger } from "../data/contribution-ledger";
import { formatDate } from "../format";
import { formatMoney } from "../money";
import { NARRATIVE_PARTS, type NarrativePart } from "../quarter/narratives";
import { directionText, figureText, varianceText, verdictText } from "./format";

/**
 * The dialogue pack as a PDF, drawn on the server with pdfkit (no browser needed), in the
 * standard Helvetica fonts so that its text can be extracted (pdftotext) and searched.
 */
export function renderPackPdf(pack: DialoguePack, plans: SustainabilityObjective[], ledger: ContributionLedger, record: DialogueRecord): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `${pack.partnership.name}: ${pack.dialogue.year} dialogue pack` } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  // The standard fonts' encoding (WinAnsi) has no minus sign (U+2212): a hyphen-minus stands in for it.
  const ansi = (text: string) => text.replaceAll("\u2212", "-");
  const heading = (text: string, size = 14) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(ansi(text)).font("Helvetica").fontSize(10);
  const line = (text: string) => doc.text(ansi(text));

  heading(`${pack.partnership.name}: ${pack.dialogue.year} high-level dialogue pack`, 16);
  line(`Held ${formatDate(pack.dialogue.heldOn)} in ${pack.dialogue.place}. Participants: ${pack.dialogue.participants}.`);
  line(
    pack.basis.kind === "release"
      ? `Figures as of release ${pack.basis.number}, published ${formatDate(pack.basis.publishedAt.slice(0, 10))}.`
      : `Live figures of ${formatDate(pack.basis.at.slice(0, 10))}: approved but NOT YET PUBLISHED.`,
  );
  if (pack.dialogue.illustrative || pack.illustrativeNote) line(`Illustrative data is marked so. ${pack.illustrativeNote ?? ""}`.trim());

  heading("Key indicators");
  for (const k of pack.indicators) {
    doc
      .moveDown(0.4)
      .font("Helvetica-Bold")
      .text(ansi(`${k.code} ${k.name}`))
      .font("Helvetica");
    line(
      `Annual target ${pack.dialogue.year}: ${figureText(k.target, k.unit)}${k.targetIllustrative ? " (illustrative)" : ""} | Actual: ${figureText(k.actual, k.unit)} | Variance: ${varianceText(k)} | ${verdictText(k)} (${directionText[k.direction]})`,
    );
    line(
      `Quarters: ${k.quarters.length === 0 ? "none approved" : k.quarters.map((q) => `${q.quarter} ${figureText(q.value, k.unit)} (${q.basis})`).join("; ")}`,
    );
  }

  heading("Open issues from the review threads");
  if (pack.openIssues.length === 0) line(`Every report of ${pack.dialogue.year} is approved: no review thread is open.`);
  for (const c of pack.openIssues) {
    line(
      `${c.organization}'s report for ${c.quarter} (${c.status.toLowerCase()})${c.indicator ? `, on ${c.indicator}` : ""}: ${c.body} (${c.author}, ${formatDate(c.at.slice(0, 10))})`,
    );
  }

  heading(`Narrative of ${pack.dialogue.year} (approved, not published)`);
  if (pack.narratives.length === 0) line("No approved report of the year has a narrative for these objectives.");
  for (const n of pack.narratives) {
    doc
      .moveDown(0.3)
      .font("Helvetica-Bold")
      .text(ansi(`${n.objective}, ${n.quarter}, ${n.organization}${n.illustrative ? " (illustrative)" : ""}`))
      .font("Helvetica");
    for (const [part, label] of Object.entries(NARRATIVE_PARTS) as [NarrativePart, string][]) if (n[part]) line(`${label}: ${n[part]}`);
  }

  if (pack.funding) {
    heading(`Funding pledged and delivered (release ${pack.funding.fromRelease})`);
    for (const currency of ["USD", "PHP"] as const) {
      for (const t of pack.funding.totals[currency]) {
        line(
          `${t.party}: pledged ${formatMoney(t.committed, currency)}, delivered ${formatMoney(t.delivered, currency)}${t.deliveredIllustrative ? " (illustrative)" : ""}`,
        );
      }
    }
    heading("Funding statements and their rates", 12);
    for (const s of pack.funding.statements) {
      line(
        `${s.party}, ${s.label}: ${formatMoney(s.amount, s.currency)}, stated ${formatDate(s.statedOn)}, at ${s.exchangeRate} PHP per USD of ${formatDate(s.rateDate)}. Source: ${s.source ?? "none"}`,
      );
    }
  }
  if (ledger.government) {
    heading(`${ledger.government}'s contributions (as recorded now)`);
    line(
      `Pledged ${formatMoney(ledger.pledged.php, "PHP")} (${formatMoney(ledger.pledged.usd, "USD")}); delivered to date ${formatMoney(ledger.delivered.php, "PHP")} (${formatMoney(ledger.delivered.usd, "USD")})${ledger.delivered.percentOfPledged === null ? "" : `, ${ledger.delivered.percentOfPledged}% of the pledge`}.`,
    );
    for (const q of ledger.quarters.filter((q) => q.quarter.startsWith(String(pack.dialogue.year)))) {
      line(`${q.quarter}: ${formatMoney(q.php, "PHP")} (${formatMoney(q.usd, "USD")}); to date ${formatMoney(q.cumulativePhp, "PHP")}`);
    }
  }

  heading("Sustainability plan (as it stands now)");
  for (const o of plans) {
    doc
      .moveDown(0.4)
      .font("Helvetica-Bold")
      .text(ansi(`${o.code} ${o.title}`))
      .font("Helvetica");
    if (!o.plan) {
      line("No plan written yet.");
      continue;
    }
    line(`What continues: ${o.plan.continues}${o.plan.illustrative ? " (illustrative)" : ""}`);
    line(`Carried by: ${o.plan.carriedBy}`);
    line(`Indicators that keep being reported: ${o.plan.indicatorsKept.length === 0 ? "none" : o.plan.indicatorsKept.join(", ")}`);
  }
  heading("After the dialogue: minutes and decisions");
  if (!record.recordedAt) line("Nothing recorded yet.");
  else line(`First recorded ${formatDate(record.recordedAt.slice(0, 10))}, with the figures as of ${record.basis}.`);
  if (record.minutes) line(`Minutes: ${record.minutes}`);
  for (const [index, d] of record.decisions.entries()) {
    line(`Decision ${index + 1}: ${d.text}`);
    for (const code of d.indicatorCodes) {
      const f = record.figures.find((figure) => figure.code === code);
      line(
        f
          ? `  ${f.code}: target ${figureText(f.target, f.unit)}, actual ${figureText(f.actual, f.unit)}, variance ${varianceText(f)} (as discussed)`
          : `  ${code}: no figure kept`,
      );
    }
  }
  doc.end();
  return done;
}
