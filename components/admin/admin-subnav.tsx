'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { href: '/admin', label: 'Teams' },
  { href: '/admin/models', label: 'Model catalog' },
  { href: '/admin/estate', label: 'Estate settings' },
  { href: '/admin/users', label: 'People' },
  { href: '/admin/provisioning', label: 'Provisioning' },
  { href: '/admin/ingestion', label: 'Usage ingestion' },
];

/** The admin area's own navigation (shared by its screens). */
export function AdminSubnav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="toolbar">
      {ITEMS.map((item) => {
        const active =
          item.href === '/admin'
            ? pathname === '/admin' || pathname.startsWith('/admin/teams')
            : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            className={`btn${active ? ' primary' : ''}`}
            aria-current={active ? 'page' : undefined}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
