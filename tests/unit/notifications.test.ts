import { describe, expect, it } from "vitest";
import { composeDigest, composeNotice } from "../../lib/notifications/compose";
import { returnedEvent } from "../../lib/notifications/events";
import { modeFor, withoutFigures } from "../../lib/notifications/kinds";

describe("what mail may carry", () => {
  it.each([
    ["Recount the 14 cases.", "Recount the [number] cases."],
    ["1,204 children; 3.5 per site", "[number] children; [number] per site"],
    ["Which municipalities?", "Which municipalities?"],
    ["O4.1 was 12 in 2020Q4, 9 in 2020", "O4.1 was [number] in 2020Q4, [number] in [number]"],
    ["Ages 12-17: 4", "Ages [number]-[number]: [number]"],
  ])("%s becomes %s", (text, expected) => {
    expect(withoutFigures(text)).toBe(expected);
  });

  it("a return names the report, the reviewer and the comments, with no number in them", () => {
    const event = returnedEvent(
      { submissionId: "s1", slug: "philippines", partnership: "U.S.–Philippines CPC", organization: "IACAT", quarter: "2020Q4" },
      new Date("2021-02-03T04:05:06Z"),
      { by: "Rita Reviewer", reason: "The 7 referrals lack sources.", comments: [{ indicator: "O2.1", body: "Only 2 of the court records attached." }] },
    );
    expect(event).toMatchObject({ kind: "RETURNED", key: "returned:s1:1612325106000", link: "/dashboard/philippines/reports/2020Q4" });
    expect(event.body).toContain("Reason: The [number] referrals lack sources.");
    expect(event.body).toContain("O2.1: Only [number] of the court records attached.");
    expect(event.body).not.toMatch(/\b7\b|\b2 of\b/);
  });
});

describe("e-mail choices", () => {
  it("returns come at once and approvals in the digest unless chosen otherwise; account notices always at once", () => {
    expect(modeFor("RETURNED", {})).toBe("IMMEDIATE");
    expect(modeFor("APPROVED", {})).toBe("DIGEST");
    expect(modeFor("APPROVED", { APPROVED: "OFF" })).toBe("OFF");
    expect(modeFor("ACCOUNT", { ACCOUNT: "OFF" })).toBe("IMMEDIATE");
  });
});

describe("the mail", () => {
  it("links with the app's address, in text and HTML, and escapes what it quotes", () => {
    const mail = composeNotice("https://tracker.example.org", { title: "A <b> title", body: "Body & more", link: "/dashboard/philippines/reports/2020Q4" });
    expect(mail.subject).toBe("Compact Tracker: A <b> title");
    expect(mail.text).toContain("Open it: https://tracker.example.org/dashboard/philippines/reports/2020Q4");
    expect(mail.html).toContain('<a href="https://tracker.example.org/dashboard/philippines/reports/2020Q4">');
    expect(mail.html).toContain("A &lt;b&gt; title");
    expect(mail.html).toContain("Body &amp; more");
  });

  it("a digest lists each notification with its link, and counts them", () => {
    const mail = composeDigest("https://tracker.example.org/", "2026-12-02", [
      { title: "One", body: "First.", link: "/dashboard/a" },
      { title: "Two", body: "Second.", link: "/dashboard/b" },
    ]);
    expect(mail.subject).toBe("Compact Tracker: your daily digest for 2026-12-02 (2 notifications)");
    expect(mail.text).toContain("* One\n  First.\n  https://tracker.example.org/dashboard/a");
    expect(mail.text).toContain("* Two\n  Second.\n  https://tracker.example.org/dashboard/b");
  });
});
