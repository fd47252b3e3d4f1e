'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';

/** While the link's page loads, a thin bar at the top of the window says so (the route's loading.tsx follows). */
function NavPending() {
  const { pending } = useLinkStatus();
  return pending ? <span className="progress-bar" role="progressbar" aria-label="Loading page" /> : null;
}

export function SidebarNav({
  items,
  onNavigate,
}: {
  items: { href: string; label: string }[];
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? 'page' : undefined} onClick={onNavigate}>
                {item.label}
                <NavPending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
