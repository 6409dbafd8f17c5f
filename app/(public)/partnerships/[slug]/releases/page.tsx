import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReleaseHistory } from "@/components/public/release-history";
import { getReleaseHistory } from "@/lib/data/releases";
import { formatDate } from "@/lib/format";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<{ asOf?: string | string[] }>;

export const metadata: Metadata = { title: "Releases and revisions" };

/** Every release of a partnership's public figures, newest first, with what each one changed and why. */
export default async function ReleasesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const { asOf } = await searchParams;
  const history = await getReleaseHistory(slug);
  if (!history) notFound();
  const first = history.releases.at(-1);
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href={`/partnerships/${slug}`}>{history.partnership.name}</Link>
        </p>
        <h1 className="text-3xl font-bold">Releases and revisions</h1>
        <p className="max-w-3xl">
          Each release is the public record of this partnership from its date until the next one: it is numbered, dated and never changed. Approving a
          quarter&apos;s report, or reopening one, publishes a new release when the public figures change. Published figures are shown after disclosure control,
          as the public saw them.
        </p>
        {typeof asOf === "string" ? (
          <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
            Nothing had been published for this partnership by {/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? formatDate(asOf) : asOf}.
            {first ? ` The first release is dated ${formatDate(first.publishedAt.slice(0, 10))}.` : ""}
          </p>
        ) : null}
      </header>
      <ReleaseHistory slug={slug} releases={history.releases} />
    </article>
  );
}
