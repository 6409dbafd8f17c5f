"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
}

/** The one navigation of a partnership's signed-in pages; the page you are on is marked for screen readers too. */
export function PartnershipNav({ name, links, objectives }: { name: string; links: NavLink[]; objectives: NavLink[] }) {
  const pathname = usePathname();
  const current = (href: string) => (pathname === href || (href.split("/").length > 3 && pathname.startsWith(`${href}/`)) ? "page" : undefined);
  return (
    <nav aria-label={`${name}: pages`} className="mb-6 border-b border-rule pb-2 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={current(link.href)} className="aria-[current=page]:font-bold aria-[current=page]:no-underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
      {objectives.length > 0 ? (
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label="Objectives">
          <li className="text-muted">Objectives:</li>
          {objectives.map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={current(link.href)} className="aria-[current=page]:font-bold">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}
