import { describe, expect, it } from 'vitest';
import { seedDemoAccessRequests } from '@/lib/access/seed-demo-access-requests';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';
import { seedWorld } from './access-test-world';

describe.each(testDatabaseKinds)('demo access requests on $name', (kind) => {
  const db = useFreshDatabase(kind);

  it('go through the real workflow: two approved (runs queued), one waiting, one waiting for a second approver', async () => {
    await seedWorld(db());
    expect(await seedDemoAccessRequests(db())).toEqual({ created: 4, approved: 2, skipped: false });
    const rows = await db().accessRequest.findMany({
      orderBy: { createdAt: 'asc' },
      select: {
        status: true,
        vpcId: true,
        durationDays: true,
        _count: { select: { grants: true, runs: true } },
      },
    });
    expect(rows).toEqual([
      {
        status: 'PROVISIONING',
        vpcId: 'vpc-6269e0d37f2a74de4',
        durationDays: 90,
        _count: { grants: 4, runs: 1 },
      },
      { status: 'PROVISIONING', vpcId: null, durationDays: null, _count: { grants: 1, runs: 1 } },
      { status: 'PENDING', vpcId: null, durationDays: 30, _count: { grants: 0, runs: 0 } },
      { status: 'PENDING_SECOND_APPROVAL', vpcId: null, durationDays: 30, _count: { grants: 0, runs: 0 } },
    ]);
    expect(await seedDemoAccessRequests(db())).toEqual({ created: 0, approved: 0, skipped: true });
  });
});
