import { describe, expect, it } from 'vitest';
import { loadActiveGrantSet } from '@/lib/access/load-grant-sets';
import { seedDemoData } from '@/lib/db/seed';
import { verifyLiveAccess } from '@/lib/estate/verify-live-access';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';

const SERVICE = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const NETWORK = 'arn:aws:vpc-lattice:us-east-1:100000000001:servicenetwork/sn-0a1b2c3d4e5f67890';
const ORG = 'o-bap7demo42x';
const DEV = 'arn:aws:iam::200000000331:role/payments-dev-invoker';
const NOVA = 'amazon.nova-lite-v1:0';

async function grant(db: PrismaClient, principalArn: string, modelId: string, expiresAt: Date) {
  const principal = await db.principal.findUniqueOrThrow({
    where: { arn: principalArn },
    select: { id: true },
  });
  const model = await db.model.findUniqueOrThrow({ where: { modelId }, select: { id: true } });
  const team = await db.team.findUniqueOrThrow({ where: { slug: 'payments' }, select: { id: true } });
  await db.grant.create({
    data: {
      teamId: team.id,
      principalId: principal.id,
      modelId: model.id,
      expiresAt,
      validFrom: new Date(Date.now() - 60_000),
    },
  });
}

const base = {
  serviceArn: SERVICE,
  serviceNetworkArn: NETWORK,
  queryKey: 'modelid',
  orgId: ORG,
  networkPolicy: 'none' as const,
};
const inADay = () => new Date(Date.now() + 86_400_000);

describe.each(testDatabaseKinds)('verifying the live policy against grants on $name', (kind) => {
  const db = useFreshDatabase(kind);

  it('no policy and no grants: exact, and nobody may invoke anything', async () => {
    await seedDemoData(db());
    const access = await verifyLiveAccess(db(), { ...base, livePolicy: null });
    expect(access.verification.ok).toBe(true);
    // Every team principal is still probed against the whole catalog (and the adversarial requests).
    expect(access.verification.checks).toBeGreaterThanOrEqual(10 * 11);
    expect(access.matrix.rows.length).toBe(10);
    expect(access.matrix.rows.every((r) => r.allowed.every((a) => !a))).toBe(true);
  });

  it('a policy compiled from the active grants is exact, and the matrix shows exactly the granted pair', async () => {
    await seedDemoData(db());
    await grant(db(), DEV, NOVA, inADay());
    await grant(db(), DEV, 'amazon.titan-text-express-v1', new Date(Date.now() - 1000)); // expired: not active
    const live = compileAuthPolicy(await loadActiveGrantSet(db()), { serviceArn: SERVICE, orgId: ORG });
    const access = await verifyLiveAccess(db(), { ...base, livePolicy: live.json });
    expect(access.verification).toMatchObject({ ok: true, mismatchCount: 0, activeGrantPairs: 1 });
    const novaColumn = access.matrix.models.findIndex((m) => m.key === NOVA);
    const allowed = access.matrix.rows.flatMap((r) =>
      r.allowed.flatMap((a, i) => (a ? [`${r.principal}|${access.matrix.models[i]!.key}`] : [])),
    );
    expect(novaColumn).toBeGreaterThanOrEqual(0);
    expect(allowed).toEqual([`${DEV}|${NOVA}`]);
  });

  it('flags a live policy that lets a principal without grants in', async () => {
    await seedDemoData(db());
    const tooOpen = compileAuthPolicy([{ principal: DEV, models: [NOVA] }], {
      serviceArn: SERVICE,
      orgId: ORG,
    });
    const access = await verifyLiveAccess(db(), { ...base, livePolicy: tooOpen.json });
    expect(access.verification.ok).toBe(false);
    expect(access.verification.mismatches).toContainEqual(
      expect.objectContaining({ principal: DEV, expected: 'DENY', actual: 'ALLOW' }),
    );
  });

  it('flags a live policy that misses a grant, and one that a duplicated model id can bypass', async () => {
    await seedDemoData(db());
    await grant(db(), DEV, NOVA, inADay());
    const missing = await verifyLiveAccess(db(), { ...base, livePolicy: null });
    expect(missing.verification.ok).toBe(false);
    expect(missing.verification.mismatches).toContainEqual(
      expect.objectContaining({ check: 'granted', principal: DEV, expected: 'ALLOW', actual: 'DENY' }),
    );

    // The style of policy AWS's blog post shows: a bare StringEquals on a multivalued key.
    const bypassable = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: DEV },
          Action: 'vpc-lattice-svcs:Invoke',
          Resource: `${SERVICE}/*`,
          Condition: { StringEquals: { 'vpc-lattice-svcs:RequestQueryString/modelid': NOVA } },
        },
      ],
    });
    const smuggled = await verifyLiveAccess(db(), { ...base, livePolicy: bypassable });
    expect(smuggled.verification.ok).toBe(false);
    expect(smuggled.verification.mismatches.map((m) => m.check)).toContain('duplicate-model-id');
  });

  it('reports a live policy that is not an IAM policy at all', async () => {
    await seedDemoData(db());
    const access = await verifyLiveAccess(db(), {
      ...base,
      livePolicy: '{"Statement":[{"Effect":"Maybe"}]}',
    });
    expect(access.verification.ok).toBe(false);
    expect(access.unreadable).toMatch(/Effect/);
  });
});
