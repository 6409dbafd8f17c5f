import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">See all CPC Partnerships</Link>.
      </p>
    </div>
  );
}
