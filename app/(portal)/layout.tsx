import type { ReactNode } from 'react';
import { cookies } from 'next/headers';
import { requirePageActor } from '@/app/_lib/require-actor';
import { navigationFor } from '@/lib/auth/navigation';
import { PortalShell } from '@/components/ui/portal-shell';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { parseThemeChoice, THEME_COOKIE } from '@/components/ui/theme';
import { Email } from '@/components/ui/email';

export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Convenience only: every page and route checks its own permission again.
  const actor = await requirePageActor();
  const theme = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  const roles = [
    ...actor.globalRoles.map((r) => r.toLowerCase()),
    ...actor.teams.map((t) => `${t.role.toLowerCase()} of ${t.name}`),
  ];
  return (
    <PortalShell
      nav={navigationFor(actor)}
      who={
        <>
          <strong>{actor.name}</strong>
          <Email address={actor.email} />
          <span data-testid="current-roles">{roles.join(', ') || 'no role yet'}</span>
          <span className="who-actions">
            <SignOutButton />
            <ThemeToggle initial={theme} />
          </span>
        </>
      }
    >
      {children}
    </PortalShell>
  );
}
