import type { TDb, TDbTx } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError, type TFieldIssue } from '@/lib/errors/app-error';
import type { TPreviewAccessRequest } from './access-schemas';
import { approvalsRequiredFor, durationProblem, type TModelTier } from './tier-rules';

export interface TResolvedAccessRequest {
  team: { id: string; slug: string; name: string };
  principals: { id: string; arn: string }[];
  models: {
    id: string;
    modelId: string;
    policyKey: string;
    name: string;
    tier: TModelTier;
    requiresTwoApprovals: boolean;
  }[];
  vpc: { vpcId: string; accountId: string } | null;
  securityGroupIds: string[];
  durationDays: number | null;
  requiredApprovals: 1 | 2;
}

/**
 * Turns a request's names (team slug, principal ARNs, model policy keys, VPC id) into rows, checking every rule
 * that needs the database: the actor leads the team, each principal is registered to one of the team's accounts,
 * each model is enabled in the catalog, the VPC is the team's, the duration suits every model's tier. All problems
 * are reported at once, each naming the offending entry.
 */
export async function resolveAccessRequestInput(
  db: TDb | TDbTx,
  actor: TActor,
  input: TPreviewAccessRequest,
): Promise<TResolvedAccessRequest> {
  const team = await db.team.findUnique({
    where: { slug: input.team },
    select: { id: true, slug: true, name: true, archivedAt: true },
  });
  if (!team)
    throw new AppError('NOT_FOUND', `Team "${input.team}" was not found`, { details: { team: input.team } });
  assertCan(actor, 'team:request-access', { teamId: team.id });
  if (team.archivedAt)
    throw new AppError('CONFLICT', `Team "${team.slug}" is archived and cannot request access`);

  const issues: TFieldIssue[] = [];
  const arns = [...new Set(input.principals)];
  const keys = [...new Set(input.models)];
  // Sequential on purpose: inside a transaction the queries share one connection.
  const mapped = await db.principalMapping.findMany({
    where: { teamId: team.id, validTo: null, principal: { arn: { in: arns }, account: { teamId: team.id } } },
    select: { principal: { select: { id: true, arn: true } } },
  });
  const models = await db.model.findMany({
    where: { policyKey: { in: keys }, enabled: true },
    select: { id: true, modelId: true, policyKey: true, name: true, tier: true, requiresTwoApprovals: true },
  });
  const vpc = input.vpcId
    ? await db.vpc.findUnique({
        where: { vpcId: input.vpcId },
        select: { vpcId: true, accountId: true, teamId: true },
      })
    : null;
  const principalByArn = new Map(mapped.map((m) => [m.principal.arn, m.principal]));
  input.principals.forEach((arn, i) => {
    if (!principalByArn.has(arn))
      issues.push({
        path: `principals.${i}`,
        message: `${arn} is not a principal of team ${team.slug}'s accounts`,
      });
  });
  const modelByKey = new Map(models.map((m) => [m.policyKey, m]));
  input.models.forEach((key, i) => {
    if (!modelByKey.has(key))
      issues.push({ path: `models.${i}`, message: `${key} is not an enabled catalog model` });
  });
  if (input.vpcId && (!vpc || vpc.teamId !== team.id))
    issues.push({ path: 'vpcId', message: `${input.vpcId} is not a VPC of team ${team.slug}` });
  const durationDays = input.durationDays ?? null;
  const resolvedModels = keys.map((k) => modelByKey.get(k)).filter((m) => m !== undefined);
  const problem = durationProblem(durationDays, resolvedModels);
  if (problem) issues.push({ path: 'durationDays', message: problem });
  if (issues.length) {
    throw new AppError('VALIDATION', `Invalid access request: ${issues.map((i) => i.message).join('; ')}`, {
      issues,
    });
  }
  return {
    team: { id: team.id, slug: team.slug, name: team.name },
    principals: arns.map((a) => principalByArn.get(a)!),
    models: resolvedModels,
    vpc: vpc ? { vpcId: vpc.vpcId, accountId: vpc.accountId } : null,
    securityGroupIds: input.vpcId ? [...new Set(input.securityGroupIds ?? [])] : [],
    durationDays,
    requiredApprovals: resolvedModels.some((m) => approvalsRequiredFor(m) === 2) ? 2 : 1,
  };
}
