import { connection } from "next/server";
import { PartnershipDirectory } from "@/components/partnership-directory";
import { PartnershipFacts } from "@/components/partnership-facts";
import { getPublicPartnerships } from "@/lib/data/partnerships";

export default async function HomePage() {
  // Read at request time: the build has no database to read from.
  await connection();
  const partnerships = await getPublicPartnerships();
  const featured = partnerships.find((p) => p.slug === "philippines") ?? partnerships[0];

  return (
    <div className="space-y-10">
      <section aria-labelledby="intro-heading" className="max-w-3xl space-y-3">
        <h1 id="intro-heading" className="text-3xl font-bold">
          Child Protection Compact Partnerships
        </h1>
        <p className="text-lg">
          Bilateral partnerships between the U.S. Department of State&apos;s Office to Monitor and Combat Trafficking in Persons and partner governments to
          protect children from trafficking: their objectives, results and funding, pledged against delivered.
        </p>
      </section>

      {partnerships.length === 0 || !featured ? (
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          No partnerships have been recorded yet.
        </p>
      ) : (
        <>
          <PartnershipFacts partnership={featured} />
          <PartnershipDirectory partnerships={partnerships} />
        </>
      )}
    </div>
  );
}
