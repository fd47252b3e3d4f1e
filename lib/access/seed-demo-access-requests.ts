import type { TDb } from '@/lib/db';
import type { TActor, TGlobalRole, TTeamRole } from '@/lib/auth/permissions';
import { approveAccessRequest } from './approve-access-request';
import { createAccessRequest } from './create-access-request';

async function actorFor(db: TDb, email: string): Promise<TActor> {
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

export interface TDemoRequestsSummary {
  created: number;
  approved: number;
  skipped: boolean;
}

/**
 * The demo's access story, told through the real operations (validation, tier rules, approvals, audit, and the
 * provisioning runs the approvals enqueue, which the engine then applies to the sandbox):
 * approved requests for Payments (with a VPC association) and Search, a request waiting in the queue, and a
 * restricted-tier request waiting for its second approver. Runs once: a database with any request is left alone.
 */
export async function seedDemoAccessRequests(db: TDb): Promise<TDemoRequestsSummary> {
  if ((await db.accessRequest.count()) > 0) return { created: 0, approved: 0, skipped: true };
  const lena = await actorFor(db, 'lena.lead@example.com');
  const sam = await actorFor(db, 'sam.lead@example.com');
  const ada = await actorFor(db, 'ada.approver@example.com');
  const raj = await actorFor(db, 'raj.approver@example.com');
  let created = 0;
  let approved = 0;
  const ask = async (actor: TActor, input: Record<string, unknown>) => {
    created++;
    return createAccessRequest(actor, input, db);
  };

  const paymentsApplied = await ask(lena, {
    team: 'payments',
    principals: [
      'arn:aws:iam::200000000331:role/payments-dev-invoker',
      'arn:aws:iam::200000000331:role/genai/payments-prod-invoker',
    ],
    models: ['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.nova-lite-v1:0'],
    vpcId: 'vpc-6269e0d37f2a74de4',
    securityGroupIds: ['sg-0a1b2c3d4e5f60001'],
    justification: 'Dispute summaries and receipt classification in the payments pipeline',
    durationDays: 90,
  });
  await approveAccessRequest(ada, paymentsApplied.id, { comment: 'Standard models, fine for 90 days' }, db);
  approved++;

  const searchApplied = await ask(sam, {
    team: 'search',
    principals: ['arn:aws:iam::200111111951:role/search-prod-invoker'],
    models: ['amazon.titan-text-express-v1'],
    justification: 'Query rewriting for the product search service',
    durationDays: null,
  });
  await approveAccessRequest(raj, searchApplied.id, { comment: 'Approved until revoked' }, db);
  approved++;

  await ask(lena, {
    team: 'payments',
    principals: ['arn:aws:iam::200000000331:role/payments-dev-invoker'],
    models: ['meta.llama3-8b-instruct-v1:0'],
    justification: 'Evaluate Llama 3 8B against Haiku for dispute triage',
    durationDays: 30,
  });

  const restricted = await ask(sam, {
    team: 'search',
    principals: ['arn:aws:iam::200111111951:role/search-dev-invoker'],
    models: ['anthropic.claude-3-opus-20240229-v1:0'],
    justification: 'Relevance judgments for the offline search evaluation set',
    durationDays: 30,
  });
  await approveAccessRequest(ada, restricted.id, { comment: 'First approval: needs a second approver' }, db);

  return { created, approved, skipped: false };
}
