import "server-only";

// SQL fragments that several aggregations share, named once. They are text for
// $queryRawUnsafe (wrap them in Prisma.raw inside a tagged $queryRaw); their arguments are table
// aliases or column expressions written in code, never user input.

/** A quarter as one number, year * 4 + quarter - 1, so quarters sort, subtract and generate_series. */
export const quarterIndex = (year: string, quarter: string) => `(${year} * 4 + ${quarter} - 1)`;

/** "2019Q3" from a quarter index. */
export const quarterLabel = (index: string) => `((${index}) / 4)::text || 'Q' || ((${index}) % 4 + 1)::text`;

/** "2019Q3" from a "ReportingPeriod" row's alias. */
export const periodLabel = (period: string) => `${period}.year::text || 'Q' || ${period}.quarter::text`;

/** A "Partnership" row's first and last quarter indexes (a partnership without an end has one quarter). */
export const partnershipBounds = `
  ${quarterIndex('"firstYear"', '"firstQuarter"')} AS first_idx,
  COALESCE(${quarterIndex('"lastYear"', '"lastQuarter"')}, ${quarterIndex('"firstYear"', '"firstQuarter"')}) AS last_idx`;

/** Only an approved report counts in any figure: a "Submission" row's alias. */
export const isApproved = (submission: string) => `${submission}.status = 'APPROVED'`;
