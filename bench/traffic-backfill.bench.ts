/**
 * Traffic backfill benchmark: `npm run bench:traffic`. Writes 90 days of the demo teams' traffic through the
 * sandbox data plane's logic (the portal's evaluator, the simulated proxy, S3 delivery of gzipped 5-minute access-
 * and invocation-log objects) into a temporary directory, at two volumes, and reports calls, objects and time.
 * Deterministic (seeded). The demo backfill is the first line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDemoTrafficProfile, portalAuthPolicyEvaluator } from '@/lib/boot/sandbox-seam';
import {
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_ORG_ID,
  DEMO_TEAM_MODELS,
  DEMO_TEAMS,
} from '@/lib/demo/world';
import { orgGuardPolicy } from '@/lib/estate/bootstrap-demo-estate';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { cachingEvaluator } from '@/sandbox/dataplane/auth-evaluator';
import { LogDelivery } from '@/sandbox/dataplane/log-delivery';
import type { TDataPlaneView } from '@/sandbox/dataplane/serve-lattice-request';
import { LogStore } from '@/sandbox/services/logs/log-store';
import { BucketStore } from '@/sandbox/services/s3/bucket-store';
import { backfillTraffic } from '@/sandbox/traffic/backfill-traffic';

const DAY = 86_400_000;
const service = {
  id: 'svc-0a1b2c3d4e5f60718',
  name: 'bedrock-proxy',
  arn: `arn:aws:vpc-lattice:us-east-1:${DEMO_GENAI_ACCOUNT}:service/svc-0a1b2c3d4e5f60718`,
  accountId: DEMO_GENAI_ACCOUNT,
  authType: 'AWS_IAM' as const,
  dnsEntry: { domainName: 'bedrock-proxy-0a1b2c3d4e5f60718.7d67968.vpc-lattice-svcs.us-east-1.on.aws' },
};
const network = {
  id: 'sn-0f1e2d3c4b5a69788',
  arn: `arn:aws:vpc-lattice:us-east-1:${DEMO_NETWORK_ACCOUNT}:servicenetwork/sn-0f1e2d3c4b5a69788`,
  accountId: DEMO_NETWORK_ACCOUNT,
  authType: 'AWS_IAM' as const,
};
// Every team may call its first model; the rest of what it calls is denied by the live policy.
const grants = DEMO_TEAMS.flatMap((t) =>
  t.principals.map((principal) => ({
    principal,
    models: [DEMO_TEAM_MODELS[t.slug]![0]!.modelId],
    team: t.slug,
  })),
);
const view: TDataPlaneView = {
  region: 'us-east-1',
  orgId: DEMO_ORG_ID,
  orgAccountIds: [DEMO_NETWORK_ACCOUNT, DEMO_GENAI_ACCOUNT, ...DEMO_TEAMS.map((t) => t.accountId)],
  roles: [],
  vpcs: DEMO_TEAMS.flatMap((t) => t.vpcs.map((v) => ({ vpcId: v.vpcId, ownerAccountId: t.accountId }))),
  services: [service],
  serviceNetworks: [network],
  vpcAssociations: DEMO_TEAMS.flatMap((t) =>
    t.vpcs.map((v) => ({ vpcId: v.vpcId, serviceNetworkArn: network.arn, status: 'ACTIVE' })),
  ),
  serviceAssociations: [{ serviceArn: service.arn, serviceNetworkArn: network.arn, status: 'ACTIVE' }],
  authPolicies: [
    { resourceArn: network.arn, policy: orgGuardPolicy(DEMO_ORG_ID) },
    {
      resourceArn: service.arn,
      policy: compileAuthPolicy(grants, { serviceArn: service.arn, orgId: DEMO_ORG_ID }).json,
    },
  ],
  accessLogSubscriptions: [
    {
      arn: 'als',
      accountId: DEMO_GENAI_ACCOUNT,
      resourceId: service.id,
      resourceArn: service.arn,
      destinationArn: 'arn:aws:s3:::genai-lattice-access-logs',
    },
  ],
};

const now = Date.UTC(2026, 11, 3, 12);
for (const perWeekday of [120, 400]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-traffic-'));
  const s3 = new BucketStore(path.join(dir, 's3'));
  const delivery = new LogDelivery({ s3, logs: new LogStore(path.join(dir, 'logs')) });
  const started = performance.now();
  const result = backfillTraffic({
    deps: {
      view: () => view,
      evaluate: cachingEvaluator(portalAuthPolicyEvaluator),
      delivery,
      proxy: { invocationLogDestinationArns: ['arn:aws:s3:::genai-bedrock-invocation-logs'] },
    },
    delivery,
    profile: buildDemoTrafficProfile(perWeekday),
    seed: 1,
    from: now - 90 * DAY,
    to: now,
    now,
    service: service.dnsEntry.domainName,
  });
  await delivery.settle();
  result.elapsedMs = Math.round(performance.now() - started);
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    `90 days at ${perWeekday}/weekday: ${result.calls} calls (${result.allowed} allowed, ${result.denied} denied), ` +
      `${result.objectsWritten} objects, ${result.elapsedMs} ms (${Math.round((result.calls / result.elapsedMs) * 1000)} calls/s)\n`,
  );
}
