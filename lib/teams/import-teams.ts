import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { appErrorFromZod } from '@/lib/errors/from-zod';
import { applyTeamsImport, orderChanges } from './apply-teams-import';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { loadTeamsSnapshot } from './load-teams-snapshot';
import { planTeamsImport, type TImportChange } from './plan-teams-import';
import { resolveDb, type TDb } from '@/lib/db';
import { ZTeamsFile } from './teams-file';

export interface TImportTeamsOptions {
  /** Remove (or archive) what the file no longer lists, in the sections it lists. */
  prune?: boolean;
  /** When moves and removals take effect; default now. */
  effectiveAt?: Date;
  /** Plan and report, write nothing. */
  dryRun?: boolean;
}

export type TChangeClass = 'created' | 'updated' | 'moved' | 'pruned';

export interface TImportTeamsResult {
  dryRun: boolean;
  counts: Record<TChangeClass, number>;
  changes: { class: TChangeClass; kind: TImportChange['kind']; team: string; text: string }[];
  /** What --prune left in place, and why. */
  kept: string[];
}

// Many changes in one transaction; Prisma's 5 s default would abort a large but legitimate import.
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Applies a teams file as one transaction: validated up front (every problem reported with its path), merged into
 * the recorded teams, pruned only when asked, audited one event per change plus a summary event.
 */
export async function importTeams(
  actor: TActor,
  input: unknown,
  options: TImportTeamsOptions = {},
  db?: TDb,
): Promise<TImportTeamsResult> {
  assertCan(actor, 'admin:manage');
  const parsed = ZTeamsFile.safeParse(input);
  if (!parsed.success) throw appErrorFromZod(parsed.error, 'teams file');
  const effectiveAt = options.effectiveAt ?? new Date();
  if (Number.isNaN(effectiveAt.getTime()))
    throw new AppError('VALIDATION', 'The effective time is not a valid date');
  if (effectiveAt.getTime() > Date.now() + 5 * 60_000) {
    throw new AppError('VALIDATION', 'The effective time cannot be in the future', {
      issues: [{ path: 'effective', message: 'cannot be in the future' }],
    });
  }
  const client = await resolveDb(db);
  return client.$transaction(
    async (tx) => {
      const snap = await loadTeamsSnapshot(tx, env().AWS_REGION);
      const plan = planTeamsImport(parsed.data, snap, { prune: options.prune ?? false, effectiveAt });
      if (plan.issues.length > 0) {
        throw new AppError(
          'VALIDATION',
          `The teams file has ${plan.issues.length} problem(s); nothing was changed`,
          { issues: plan.issues },
        );
      }
      const result = summarize(orderChanges(plan.changes), plan.kept, options.dryRun ?? false);
      if (options.dryRun) return result;
      await applyTeamsImport(tx, actor, snap, plan.changes);
      if (plan.changes.length > 0 || plan.kept.length > 0) {
        await recordAuditEvent(tx, {
          actor: auditActorOf(actor),
          action: 'teams.import',
          targetType: 'teams-file',
          targetId: 'import',
          details: {
            counts: result.counts,
            prune: options.prune ?? false,
            effectiveAt: effectiveAt.toISOString(),
            kept: plan.kept,
          },
        });
      }
      return result;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

const CLASS: Record<TImportChange['kind'], TChangeClass> = {
  'team.create': 'created',
  'user.create': 'created',
  'member.add': 'created',
  'account.add': 'created',
  'principal.add': 'created',
  'vpc.add': 'created',
  'team.update': 'updated',
  'member.role': 'updated',
  'account.update': 'updated',
  'vpc.update': 'updated',
  'account.move': 'moved',
  'principal.move': 'moved',
  'vpc.move': 'moved',
  'team.archive': 'pruned',
  'member.remove': 'pruned',
  'account.remove': 'pruned',
  'principal.remove': 'pruned',
  'vpc.remove': 'pruned',
};

function summarize(changes: TImportChange[], kept: string[], dryRun: boolean): TImportTeamsResult {
  const counts: Record<TChangeClass, number> = { created: 0, updated: 0, moved: 0, pruned: 0 };
  const lines = changes.map((c) => {
    counts[CLASS[c.kind]] += 1;
    return { class: CLASS[c.kind], kind: c.kind, team: c.team, text: describeChange(c) };
  });
  return { dryRun, counts, changes: lines, kept };
}

const fields = (changes: Record<string, { from: unknown; to: unknown }>) =>
  Object.entries(changes)
    .map(([k, v]) => `${k} ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`)
    .join(', ');

export function describeChange(c: TImportChange): string {
  switch (c.kind) {
    case 'team.create':
      return `create team ${c.team} ("${c.name}", cost center ${c.costCenter})`;
    case 'team.update':
      return `update team ${c.team}: ${[c.restore ? 'restore from archive' : '', fields(c.changes)].filter(Boolean).join(', ')}`;
    case 'team.archive':
      return `archive team ${c.team}`;
    case 'user.create':
      return `create user ${c.email} (${c.name})`;
    case 'member.add':
      return `add ${c.email} to ${c.team} as ${c.role.toLowerCase()}`;
    case 'member.role':
      return `change ${c.email} in ${c.team}: ${c.from.toLowerCase()} → ${c.to.toLowerCase()}`;
    case 'member.remove':
      return `remove ${c.email} from ${c.team}`;
    case 'account.add':
      return `add account ${c.accountId} (${c.environment}) to ${c.team}`;
    case 'account.update':
      return `update account ${c.accountId} of ${c.team}: ${fields(c.changes)}`;
    case 'account.move':
      return `move account ${c.accountId} from ${c.from} to ${c.team}${Object.keys(c.changes).length ? `: ${fields(c.changes)}` : ''}`;
    case 'account.remove':
      return `remove account ${c.accountId} from ${c.team}`;
    case 'principal.add':
      return `add principal ${c.principal.arn} to ${c.team} (from ${c.validFrom ? c.validFrom.toISOString() : 'the beginning'})`;
    case 'principal.move':
      return `move principal ${c.arn} from ${c.from} to ${c.team} at ${c.effectiveAt.toISOString()}`;
    case 'principal.remove':
      return `remove principal ${c.arn} from ${c.team} at ${c.effectiveAt.toISOString()}`;
    case 'vpc.add':
      return `add VPC ${c.vpcId} (${c.accountId}, ${c.region}) to ${c.team}`;
    case 'vpc.update':
      return `update VPC ${c.vpcId} of ${c.team}: ${fields(c.changes)}`;
    case 'vpc.move':
      return `move VPC ${c.vpcId} from ${c.from} to ${c.team}${Object.keys(c.changes).length ? `: ${fields(c.changes)}` : ''}`;
    case 'vpc.remove':
      return `remove VPC ${c.vpcId} from ${c.team}`;
  }
}
