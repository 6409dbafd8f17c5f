import { expect, test, type Browser, type Page } from "@playwright/test";
import { indicators, quarterlyValues, reportingQuarters } from "../../prisma/seed/illustrative";
import { demo, signInAs } from "./helpers";

// The review loop as the demo users meet it on a fresh demo database: IACAT's 2021Q1 report is
// submitted and waiting (prisma/seed/demo-work.ts). The reviewer reads it with its evidence,
// comments on one indicator and returns it; the encoder sees the comment beside the indicator,
// corrects and resubmits; the reviewer sees only that change and approves.

/** The seed's illustrative total of an indicator for a quarter: what the page must show, worked out apart from it. */
function seeded(code: string, quarter: string): number {
  const index = reportingQuarters().findIndex((q) => `${q.year}Q${q.quarter}` === quarter);
  return quarterlyValues(indicators.find((i) => i.code === code)!)[index]!.total;
}

async function as(browser: Browser, user: (typeof demo)[keyof typeof demo]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, user);
  return page;
}

const iacatHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^IACAT: / });

test("the review desk: evidence in front of the reviewer, an indicator comment, a resubmission's change list", async ({ browser }) => {
  test.setTimeout(180_000);
  const reviewer = await as(browser, demo.reviewer);
  const waiting = reviewer.getByRole("region", { name: /^Waiting for review/ });
  await expect(waiting.getByRole("heading")).toHaveText("Waiting for review (1)");
  await waiting.getByRole("link", { name: "IACAT's report for 2021Q1" }).click();
  await expect(reviewer).toHaveURL(/\/dashboard\/philippines\/reports\/2021Q1$/);
  await expect(iacatHeading(reviewer)).toHaveText("IACAT: Submitted");

  // Beside the figure: the note, the evidence link, the previous quarter and the target.
  const figures = reviewer.getByRole("region", { name: "IACAT's figures for 2021Q1, with the previous quarter, targets and evidence" });
  const o21 = figures.getByRole("row", { name: /^O2\.1 / });
  await expect(o21).toContainText("Illustrative: convictions recorded by the courts this quarter.");
  await expect(o21.getByRole("link", { name: "Evidence: https://example.org/illustrative/iacat-2021q1-court-records" })).toBeVisible();
  const previous = seeded("O2.1", "2020Q4");
  const value = seeded("O2.1", "2021Q1");
  await expect(o21.getByRole("cell").nth(1)).toHaveText(String(value));
  await expect(o21.getByRole("cell").nth(2)).toHaveText(`${previous} (returned)`);
  await expect(o21).toContainText("8 this year");

  // No decision is chosen for the reviewer.
  const review = reviewer.getByRole("form", { name: "Review IACAT's report" });
  await expect(review.getByLabel("Approve")).not.toBeChecked();
  await expect(review.getByLabel("Return for changes")).not.toBeChecked();
  await review.getByRole("button", { name: "Record decision" }).click();
  await expect(review.getByText("Choose approve or return.")).toBeVisible();

  // A comment on O2.1 alone, then the return.
  const comment = reviewer.getByRole("form", { name: "Comment on IACAT's report" });
  await comment.getByLabel("Comment on").selectOption("O2.1");
  await comment.getByLabel("Add a comment").fill("Which court records? The figure needs its docket numbers.");
  await comment.getByRole("button", { name: "Post comment" }).click();
  await expect(comment.getByText("Comment added.")).toBeVisible();
  await review.getByLabel("Return for changes").check();
  await review.getByLabel("Reason for returning (required when returning)").fill("O2.1 needs its source: see the comment beside it.");
  await review.getByRole("button", { name: "Record decision" }).click();
  await expect(iacatHeading(reviewer)).toHaveText("IACAT: Returned");

  // The encoder finds it in their queue, with the comment beside O2.1.
  const encoder = await as(browser, demo.encoder);
  const due = encoder.getByRole("region", { name: /^Your organization's reports due/ });
  await expect(due.getByRole("listitem").filter({ hasText: "IACAT's report for 2021Q1" })).toContainText("Returned, overdue since April 30, 2021");
  await due.getByRole("link", { name: "IACAT's report for 2021Q1" }).click();
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Returned");
  const entryRow = encoder.getByRole("row", { name: /^O2\.1 / });
  await expect(entryRow.getByRole("list", { name: "Comments on this indicator" })).toContainText("Which court records? The figure needs its docket numbers.");
  await expect(entryRow).toContainText(`Last quarter: ${previous}`);
  await expect(encoder.getByRole("row", { name: /^O4\.1 / }).getByRole("list", { name: "Comments on this indicator" })).toHaveCount(0);

  const corrected = value + 1;
  await encoder.getByLabel("O2.1 total").fill(String(corrected));
  await encoder.getByRole("button", { name: "Save draft" }).click();
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Returned — being revised");
  await encoder.getByRole("button", { name: "Submit for review" }).click();
  await expect(iacatHeading(encoder)).toHaveText("IACAT: Submitted");

  // The reviewer re-checks only what changed, and approves.
  await reviewer.reload();
  const changes = reviewer.getByRole("region", { name: "Changed since the previous submission (round 1 to round 2)" });
  await expect(changes.getByRole("listitem")).toHaveText([`O2.1 Total: ${value} → ${corrected}`]);
  await review.getByLabel("Approve").check();
  await review.getByRole("button", { name: "Record decision" }).click();
  await expect(iacatHeading(reviewer)).toHaveText("IACAT: Approved");

  // The quarter's history reads as a list of changes, step by step.
  await reviewer.getByRole("link", { name: "History of this quarter" }).click();
  await expect(reviewer).toHaveURL(/\/dashboard\/philippines\/audit\?quarter=2021Q1$/);
  const log = reviewer.getByRole("table");
  for (const event of ["Quarter's report returned", "Quarter's report saved as draft", "Quarter's report submitted", "Quarter's report approved"]) {
    await expect(log.getByRole("cell", { name: event, exact: true }).first()).toBeVisible();
  }
  await expect(log).toContainText(new RegExp(`O2\\.1 Total:\\s*${value}\\s*→\\s*changed to\\s*${corrected}`));
  await expect(log).toContainText("Which court records? The figure needs its docket numbers.");
  await reviewer.goto("/dashboard");
  await expect(reviewer.getByRole("region", { name: /^Waiting for review/ }).getByRole("heading")).toHaveText("Waiting for review (0)");

  // The encoder's queue still holds the report returned earlier and the draft. (The partner's empty
  // queue is checked in tests/integration/work-queue.test.ts: auth.spec.ts changes the demo
  // partner's password, so the partner cannot sign in here.)
  await encoder.goto("/dashboard");
  await expect(due.getByRole("link")).toHaveText(["IACAT's report for 2020Q4", "IACAT's report for 2020Q3"]);
});
