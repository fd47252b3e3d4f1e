import type { ReactNode } from 'react';
import { requirePageActor } from '@/app/_lib/require-actor';
import { navigationFor } from '@/lib/auth/navigation';
import { SidebarNav } from '@/components/ui/sidebar-nav';
import { SignOutButton } from '@/components/ui/sign-out-button';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Convenience only: every page and route checks its own permission again.
  const actor = await requirePageActor();
  const roles = [
    ...actor.globalRoles.map((r) => r.toLowerCase()),
    ...actor.teams.map((t) => `${t.role.toLowerCase()} of ${t.name}`),
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">Bedrock Access Portal</div>
        <SidebarNav items={navigationFor(actor)} />
        <div className="who">
          <div>
            <strong>{actor.name}</strong>
          </div>
          <div>{actor.email}</div>
          <div data-testid="current-roles">{roles.join(', ') || 'no role yet'}</div>
          <SignOutButton />
        </div>
      </aside>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}
