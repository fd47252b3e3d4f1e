/**
 * The writes behind every change of a principal's team, shared by the admin operations and the teams-as-code
 * import. Mappings are half-open intervals [validFrom, validTo); the first one starts at the beginning of time
 * (validFrom null) so access logs older than the portal still find their team.
 */
import type { TDbTx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { TParsedPrincipalArn } from './team-schemas';

// A little clock skew between the admin's browser and the server must not make "now" look like the future.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface TOpenMapping {
  id: string;
  teamId: string;
  teamSlug: string;
  validFrom: Date | null;
}

export async function findPrincipalWithOpenMapping(
  tx: TDbTx,
  arn: string,
): Promise<{
  id: string;
  arn: string;
  accountId: string;
  open: TOpenMapping | null;
  lastClosedAt: Date | null;
} | null> {
  const principal = await tx.principal.findUnique({
    where: { arn },
    select: {
      id: true,
      arn: true,
      accountId: true,
      mappings: {
        orderBy: [{ createdAt: 'desc' }],
        select: { id: true, teamId: true, validFrom: true, validTo: true, team: { select: { slug: true } } },
      },
    },
  });
  if (!principal) return null;
  const open = principal.mappings.find((m) => m.validTo === null);
  const closedEnds = principal.mappings.flatMap((m) => (m.validTo ? [m.validTo.getTime()] : []));
  return {
    id: principal.id,
    arn: principal.arn,
    accountId: principal.accountId,
    open: open
      ? { id: open.id, teamId: open.teamId, teamSlug: open.team.slug, validFrom: open.validFrom }
      : null,
    lastClosedAt: closedEnds.length ? new Date(Math.max(...closedEnds)) : null,
  };
}

/** Rejects effective times in the future or before the current mapping began (intervals must not overlap). */
export function checkEffectiveAt(
  effectiveAt: Date,
  open: TOpenMapping | null,
  now = new Date(),
): string | null {
  if (effectiveAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'cannot be in the future';
  if (open?.validFrom && effectiveAt.getTime() <= open.validFrom.getTime()) {
    return `must be after the current mapping began (${open.validFrom.toISOString()})`;
  }
  return null;
}

export async function createPrincipal(tx: TDbTx, parsed: TParsedPrincipalArn): Promise<{ id: string }> {
  return tx.principal.create({
    data: {
      arn: parsed.arn,
      accountId: parsed.accountId,
      kind: parsed.kind,
      name: parsed.name,
      path: parsed.path,
    },
    select: { id: true },
  });
}

export async function openMapping(
  tx: TDbTx,
  args: { principalId: string; teamId: string; validFrom: Date | null; createdById: string | null },
): Promise<void> {
  await tx.principalMapping.create({ data: args, select: { id: true } });
}

export async function closeMapping(tx: TDbTx, mappingId: string, validTo: Date): Promise<void> {
  await tx.principalMapping.update({ where: { id: mappingId }, data: { validTo }, select: { id: true } });
}

/** The IAM-entity uniqueness Principal enforces (account, kind, name): another path for the same role is a conflict. */
export async function assertNoSameNamedPrincipal(tx: TDbTx, parsed: TParsedPrincipalArn): Promise<void> {
  const twin = await tx.principal.findUnique({
    where: { accountId_kind_name: { accountId: parsed.accountId, kind: parsed.kind, name: parsed.name } },
    select: { arn: true },
  });
  if (twin && twin.arn !== parsed.arn) {
    throw new AppError(
      'CONFLICT',
      `${twin.arn} is already recorded: IAM names are unique per account whatever the path`,
      {
        issues: [{ path: 'arn', message: `conflicts with ${twin.arn}` }],
      },
    );
  }
}
