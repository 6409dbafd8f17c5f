import "server-only";
import type { Tx } from "./prisma";
import { isApproved } from "./sql";

export interface ApprovedNarrative {
  objective: string;
  organizationId: string;
  quarter: string;
  organization: string;
  progress: string | null;
  challenges: string | null;
  nextSteps: string | null;
  illustrative: boolean;
}

/**
 * The narratives of approved reports for some objectives of a partnership (all years, or one),
 * newest quarter first: what the dashboard and the dialogue pack show beside the figures. Free
 * text about cases: callers show each only to those who see its organization's raw figures.
 */
export async function unsafeApprovedNarratives(db: Tx, partnershipId: string, objectiveCodes: string[], year: number | null): Promise<ApprovedNarrative[]> {
  return db.$queryRawUnsafe<ApprovedNarrative[]>(
    `SELECT o.code AS objective, p.year::text || 'Q' || p.quarter::text AS quarter, org."shortName" AS organization, org.id AS "organizationId",
            n.progress, n.challenges, n."nextSteps", s.illustrative
     FROM "SubmissionNarrative" n JOIN "Submission" s ON s.id = n."submissionId" JOIN "ReportingPeriod" p ON p.id = s."periodId"
     JOIN "Objective" o ON o.id = n."objectiveId" JOIN "Organization" org ON org.id = s."organizationId"
     WHERE s."partnershipId" = $1 AND o.code = ANY($2::text[]) AND ${isApproved("s")} AND ($3::int IS NULL OR p.year = $3::int)
     ORDER BY p.year DESC, p.quarter DESC, o."sortOrder", org."shortName"`,
    partnershipId,
    objectiveCodes,
    year,
  );
}
