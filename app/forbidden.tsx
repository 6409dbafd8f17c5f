import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p>
        Your role does not include it. Ask an administrator if you need access, or go back to <Link href="/dashboard">your partnerships</Link>.
      </p>
    </div>
  );
}
