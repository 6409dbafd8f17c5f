// Display formats shared by pages. Dates are calendar dates (YYYY-MM-DD) shown in UTC, so the
// day never shifts with the reader's time zone.
const dateFormat = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export const statusLabel: Record<"PLANNED" | "ACTIVE" | "CONCLUDED", string> = {
  PLANNED: "Planned",
  ACTIVE: "Active",
  CONCLUDED: "Concluded",
};

export const partyRoleLabel: Record<"DONOR" | "HOST" | "IMPLEMENTER" | "SUB_IMPLEMENTER", string> = {
  DONOR: "U.S. lead",
  HOST: "Partner-government lead",
  IMPLEMENTER: "Implementing partner",
  SUB_IMPLEMENTER: "Sub-implementing partner",
};
