/**
 * Bulk, history-safe attribution of callers to teams: one database query for a whole batch of (caller, time)
 * pairs. A registered principal is found by account + kind + name (never by ARN string, which an assumed-role
 * session would miss for a role with an IAM path), and its team is the PrincipalMapping whose half-open interval
 * [validFrom, validTo) contains the record's time, so moving a role to another team never rewrites the past.
 */
import type { TDb } from '@/lib/db';
import type { TNormalizedCaller } from './normalize-caller';

export interface TAttributionQuery {
  caller: TNormalizedCaller;
  at: Date | number;
}

export interface TAttribution {
  teamId: string | null;
  /** The registered principal (Principal.id), when the caller is one. */
  principalId: string | null;
}

interface TMapping {
  teamId: string;
  from: number;
  to: number;
}

function entityKey(kind: string, accountId: string, name: string): string {
  return `${kind}|${accountId}|${name}`;
}

export async function lookupPrincipalTeams(db: TDb, queries: TAttributionQuery[]): Promise<TAttribution[]> {
  const wanted = new Map<string, { accountId: string; kind: 'ROLE' | 'USER'; name: string }>();
  for (const q of queries) {
    const c = q.caller;
    if ((c.kind === 'role' || c.kind === 'user') && c.name) {
      const kind = c.kind === 'role' ? 'ROLE' : 'USER';
      wanted.set(entityKey(kind, c.accountId, c.name), { accountId: c.accountId, kind, name: c.name });
    }
  }
  const byEntity = new Map<string, { principalId: string; mappings: TMapping[] }>();
  if (wanted.size > 0) {
    const rows = await db.principal.findMany({
      where: { OR: [...wanted.values()] },
      select: {
        id: true,
        accountId: true,
        kind: true,
        name: true,
        mappings: { select: { teamId: true, validFrom: true, validTo: true } },
      },
    });
    for (const r of rows) {
      byEntity.set(entityKey(r.kind, r.accountId, r.name), {
        principalId: r.id,
        mappings: r.mappings.map((m) => ({
          teamId: m.teamId,
          from: m.validFrom?.getTime() ?? Number.NEGATIVE_INFINITY,
          to: m.validTo?.getTime() ?? Number.POSITIVE_INFINITY,
        })),
      });
    }
  }
  return queries.map((q) => {
    const c = q.caller;
    if (!c.name || (c.kind !== 'role' && c.kind !== 'user')) return { teamId: null, principalId: null };
    const hit = byEntity.get(entityKey(c.kind === 'role' ? 'ROLE' : 'USER', c.accountId, c.name));
    if (!hit) return { teamId: null, principalId: null };
    const t = typeof q.at === 'number' ? q.at : q.at.getTime();
    const m = hit.mappings.find((x) => x.from <= t && t < x.to);
    return { teamId: m?.teamId ?? null, principalId: hit.principalId };
  });
}
