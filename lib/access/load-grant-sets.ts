import type { TDb, TDbTx } from '@/lib/db';
import type { TGrant } from '@/lib/policy/types';

/**
 * Grants are the truth the auth policy is compiled from. These loaders turn database rows into the policy
 * engine's input: one entry per principal with the policy keys of its models (and the team slug for Sids).
 */
type TPair = { principal: string; team: string; policyKey: string };

function toGrantSet(pairs: TPair[]): TGrant[] {
  const byPrincipal = new Map<string, { team: string; models: Set<string> }>();
  for (const p of pairs) {
    const entry = byPrincipal.get(p.principal) ?? { team: p.team, models: new Set<string>() };
    entry.models.add(p.policyKey);
    byPrincipal.set(p.principal, entry);
  }
  return [...byPrincipal.entries()].map(([principal, e]) => ({
    principal,
    team: e.team,
    models: [...e.models].sort(),
  }));
}

/** Active, unexpired grants at `now`, of enabled catalog models. */
export async function loadActiveGrantSet(db: TDb, now = new Date()): Promise<TGrant[]> {
  const rows = await db.grant.findMany({
    where: {
      status: 'ACTIVE',
      validFrom: { lte: now },
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      model: { enabled: true },
    },
    select: {
      principal: { select: { arn: true } },
      team: { select: { slug: true } },
      model: { select: { policyKey: true } },
    },
  });
  return toGrantSet(
    rows.map((r) => ({ principal: r.principal.arn, team: r.team.slug, policyKey: r.model.policyKey })),
  );
}

/** What the pending requests would add if every one of them were approved. */
export async function loadPendingGrantSet(db: TDb): Promise<{ grants: TGrant[]; requests: number }> {
  const requests = await db.accessRequest.findMany({
    where: { status: { in: ['PENDING', 'PENDING_SECOND_APPROVAL'] } },
    select: {
      team: { select: { slug: true } },
      principals: { select: { principal: { select: { arn: true } } } },
      models: { select: { model: { select: { policyKey: true, enabled: true } } } },
    },
  });
  const pairs: TPair[] = [];
  for (const r of requests) {
    for (const p of r.principals) {
      for (const m of r.models) {
        if (m.model.enabled)
          pairs.push({ principal: p.principal.arn, team: r.team.slug, policyKey: m.model.policyKey });
      }
    }
  }
  return { grants: toGrantSet(pairs), requests: requests.length };
}

/** Union of grant sets (a principal's models are merged). */
export function mergeGrantSets(...sets: TGrant[][]): TGrant[] {
  return toGrantSet(
    sets.flatMap((set) =>
      set.flatMap((g) => g.models.map((m) => ({ principal: g.principal, team: g.team ?? '', policyKey: m }))),
    ),
  ).map((g) => (g.team ? g : { principal: g.principal, models: g.models }));
}

/**
 * The grants the next policy will be compiled from: applied (ACTIVE) and approved-but-not-yet-applied (PENDING),
 * unexpired. Sizes shown to requesters and approvers are measured against this set, so two approvals in flight
 * are both counted.
 */
export async function loadDesiredGrantSet(db: TDb | TDbTx, now = new Date()): Promise<TGrant[]> {
  const rows = await db.grant.findMany({
    where: {
      status: { in: ['ACTIVE', 'PENDING'] },
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      model: { enabled: true },
    },
    select: {
      principal: { select: { arn: true } },
      team: { select: { slug: true } },
      model: { select: { policyKey: true } },
    },
  });
  return toGrantSet(
    rows.map((r) => ({ principal: r.principal.arn, team: r.team.slug, policyKey: r.model.policyKey })),
  );
}

/** Grant set of explicit (principal, policy key) pairs of one team. */
export function pairsToGrantSet(team: string, pairs: { principal: string; policyKey: string }[]): TGrant[] {
  return toGrantSet(pairs.map((p) => ({ ...p, team })));
}
