/**
 * The demo world (seed) on a fresh database, and actors built from its users, for the access-workflow suites.
 */
import type { TActor, TGlobalRole, TTeamRole } from '@/lib/auth/permissions';
import { seedDemoData } from '@/lib/db/seed';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const PAYMENTS_DEV = 'arn:aws:iam::200000000331:role/payments-dev-invoker';
export const PAYMENTS_PROD = 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker';
export const SEARCH_DEV = 'arn:aws:iam::200111111951:role/search-dev-invoker';
export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
export const NOVA_LITE = 'amazon.nova-lite-v1:0';
/** RESTRICTED tier, two approvers. */
export const OPUS = 'anthropic.claude-3-opus-20240229-v1:0';
/** ADVANCED tier: no "until revoked". */
export const NOVA_PRO = 'amazon.nova-pro-v1:0';
export const PAYMENTS_VPC = 'vpc-6269e0d37f2a74de4';

export async function seedWorld(db: PrismaClient): Promise<void> {
  await seedDemoData(db);
}

export async function actorFor(db: PrismaClient, email: string): Promise<TActor> {
  const u = await db.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      globalRoles: true,
      memberships: { select: { role: true, team: { select: { id: true, slug: true, name: true } } } },
    },
  });
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    globalRoles: u.globalRoles as TGlobalRole[],
    teams: u.memberships.map((m) => ({
      teamId: m.team.id,
      slug: m.team.slug,
      name: m.team.name,
      role: m.role as TTeamRole,
    })),
  };
}

export const personas = {
  lena: 'lena.lead@example.com',
  sam: 'sam.lead@example.com',
  mo: 'mo.member@example.com',
  ada: 'ada.approver@example.com',
  raj: 'raj.approver@example.com',
  fay: 'fay.finance@example.com',
} as const;

export function requestInput(overrides: Record<string, unknown> = {}) {
  return {
    team: 'payments',
    principals: [PAYMENTS_DEV],
    models: [HAIKU],
    justification: 'Summarise card disputes for the support desk',
    durationDays: 30,
    ...overrides,
  };
}
