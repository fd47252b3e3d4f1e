import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVpcAssociation,
  getAuthPolicy,
  getVpcAssociation,
  listVpcAssociations,
  putAuthPolicy,
  deleteAuthPolicy,
  deleteVpcAssociation,
} from '@/lib/aws/lattice';
import {
  acceptInvitation,
  associatePrincipals,
  disassociatePrincipals,
  listInvitations,
  listSharePrincipals,
} from '@/lib/aws/ram';
import { readEstate } from '@/lib/aws/read-estate';
import {
  DEMO_ACCESS_LOG_BUCKET,
  DEMO_EXTERNAL_ACCOUNT,
  DEMO_EXTERNAL_VPC,
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_ORG_ID,
  DEMO_RESOURCE_SHARE_NAME,
  DEMO_SERVICE_NAME,
  DEMO_SERVICE_NETWORK_NAME,
  DEMO_TEAMS,
} from '@/lib/demo/world';
import { bootstrapDemoEstate, orgGuardPolicy, type TDemoEstate } from '@/lib/estate/bootstrap-demo-estate';
import { advanceWhile, errorOf, startTestSandbox, type TTestSandbox } from './sandbox-helpers';

let t: TTestSandbox;
let estate: TDemoEstate;

/** Associations settle only when the test moves the sandbox clock past this. */
const DELAY = 2000;

beforeAll(async () => {
  t = await startTestSandbox({ associationDelayMs: DELAY });
  estate = await advanceWhile(t, bootstrapDemoEstate(t.aws), DELAY);
});
afterAll(async () => t.stop());

describe('bootstrapDemoEstate', () => {
  it('creates the demo estate in the right accounts', () => {
    expect(estate).toMatchObject({
      region: 'us-east-1',
      orgId: DEMO_ORG_ID,
      networkAccountId: DEMO_NETWORK_ACCOUNT,
      genaiAccountId: DEMO_GENAI_ACCOUNT,
      serviceNetworkName: DEMO_SERVICE_NETWORK_NAME,
      serviceName: DEMO_SERVICE_NAME,
      resourceShareName: DEMO_RESOURCE_SHARE_NAME,
      accessLogDestinationArn: `arn:aws:s3:::${DEMO_ACCESS_LOG_BUCKET}`,
    });
    expect(estate.serviceNetworkArn).toBe(
      `arn:aws:vpc-lattice:us-east-1:${DEMO_NETWORK_ACCOUNT}:servicenetwork/${estate.serviceNetworkId}`,
    );
    expect(estate.serviceArn).toBe(
      `arn:aws:vpc-lattice:us-east-1:${DEMO_GENAI_ACCOUNT}:service/${estate.serviceId}`,
    );
    expect(estate.serviceDnsName).toMatch(/\.vpc-lattice-svcs\.us-east-1\.on\.aws$/);
    expect(estate.resourceShareArn).toMatch(
      new RegExp(`^arn:aws:ram:us-east-1:${DEMO_NETWORK_ACCOUNT}:resource-share/`),
    );
    expect(estate.accessLogSubscriptionArn).toMatch(/accesslogsubscription\/als-/);
  });

  it('is idempotent: a second run (and one after a restart) returns the same ARNs', async () => {
    expect(await bootstrapDemoEstate(t.aws)).toEqual(estate);
    await t.restart();
    expect(await bootstrapDemoEstate(t.aws)).toEqual(estate);
  });
});

describe('readEstate', () => {
  it('reads back what bootstrap created, live through the SDK', async () => {
    const live = await readEstate(
      {
        serviceNetworkArn: estate.serviceNetworkArn,
        serviceArn: estate.serviceArn,
        resourceShareArn: estate.resourceShareArn,
      },
      t.aws,
    );
    expect(live.serviceNetwork).toMatchObject({
      arn: estate.serviceNetworkArn,
      name: DEMO_SERVICE_NETWORK_NAME,
      authType: 'AWS_IAM',
      numberOfAssociatedServices: 1,
    });
    expect(live.serviceNetwork.authPolicy?.policy).toBe(orgGuardPolicy(DEMO_ORG_ID));
    expect(live.serviceNetwork.authPolicy?.state).toBe('Active');
    expect(live.service).toMatchObject({
      arn: estate.serviceArn,
      name: DEMO_SERVICE_NAME,
      status: 'ACTIVE',
      authType: 'AWS_IAM',
      dnsName: estate.serviceDnsName,
    });
    // No grants yet: AWS_IAM with no auth policy denies every request.
    expect(live.authPolicy).toBeNull();
    const expectedPrincipals = [DEMO_GENAI_ACCOUNT, ...DEMO_TEAMS.map((x) => x.accountId)];
    expect(live.resourceShare?.principals.map((p) => p.id).sort()).toEqual(expectedPrincipals.sort());
    expect(live.resourceShare?.principals.every((p) => p.status === 'ASSOCIATED' && !p.external)).toBe(true);
    expect(live.vpcAssociations).toEqual([]);
    expect(live.accessLogSubscriptions.map((s) => s.arn)).toEqual([estate.accessLogSubscriptionArn]);
  });

  it('shows a team VPC association (with security groups and creator account) and the current auth policy', async () => {
    const team = DEMO_TEAMS[2]!;
    const vpc = team.vpcs[0]!;
    const workload = t.aws.clients({ workloadAccountId: team.accountId });
    const created = await createVpcAssociation(workload, {
      serviceNetworkIdentifier: estate.serviceNetworkArn,
      vpcIdentifier: vpc.vpcId,
      securityGroupIds: vpc.securityGroupIds,
    });
    expect(created.status).toBe('CREATE_IN_PROGRESS');
    t.clock.advance(DELAY);
    expect(
      (await getVpcAssociation(workload, { serviceNetworkVpcAssociationIdentifier: created.arn })).status,
    ).toBe('ACTIVE');
    const twice = await errorOf(
      createVpcAssociation(workload, {
        serviceNetworkIdentifier: estate.serviceNetworkArn,
        vpcIdentifier: vpc.vpcId,
      }),
    );
    expect(twice.code).toBe('CONFLICT');

    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: team.principals[0] },
          Action: 'vpc-lattice-svcs:Invoke',
          Resource: `${estate.serviceArn}/*`,
        },
      ],
    });
    await putAuthPolicy(t.aws.clients('genai'), { resourceIdentifier: estate.serviceArn, policy });

    const live = await readEstate(
      { serviceNetworkArn: estate.serviceNetworkArn, serviceArn: estate.serviceArn },
      t.aws,
    );
    expect(live.resourceShare).toBeNull();
    expect(live.vpcAssociations).toEqual([
      expect.objectContaining({
        vpcId: vpc.vpcId,
        status: 'ACTIVE',
        createdBy: team.accountId,
        securityGroupIds: vpc.securityGroupIds,
      }),
    ]);
    expect(live.authPolicy).toMatchObject({ policy, state: 'Active' });
    expect(live.authPolicy?.lastUpdatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await deleteAuthPolicy(t.aws.clients('genai'), { resourceIdentifier: estate.serviceArn });
    expect(await getAuthPolicy(t.aws.clients('genai'), { resourceIdentifier: estate.serviceArn })).toBeNull();
    await deleteVpcAssociation(workload, { serviceNetworkVpcAssociationIdentifier: created.arn });
    expect((await listVpcAssociations(workload, { vpcIdentifier: vpc.vpcId })).map((a) => a.status)).toEqual([
      'DELETE_IN_PROGRESS',
    ]);
    t.clock.advance(DELAY);
    expect(await listVpcAssociations(workload, { vpcIdentifier: vpc.vpcId })).toEqual([]);
  });

  it('runs the external-account flow: share, invitation accepted by the invited account, then association', async () => {
    const network = t.aws.clients('network');
    const external = t.aws.clients({ workloadAccountId: DEMO_EXTERNAL_ACCOUNT });
    await associatePrincipals(network, {
      resourceShareArn: estate.resourceShareArn,
      principals: [DEMO_EXTERNAL_ACCOUNT],
    });
    const pending = (await listSharePrincipals(network, { resourceShareArn: estate.resourceShareArn })).find(
      (p) => p.entity === DEMO_EXTERNAL_ACCOUNT,
    );
    expect(pending).toMatchObject({ status: 'ASSOCIATING', external: true });

    const [invitation] = await listInvitations(external, { resourceShareArns: [estate.resourceShareArn] });
    expect(invitation).toMatchObject({
      status: 'PENDING',
      receiverAccountId: DEMO_EXTERNAL_ACCOUNT,
      senderAccountId: DEMO_NETWORK_ACCOUNT,
    });
    const wrong = await errorOf(
      acceptInvitation(t.aws.clients({ workloadAccountId: DEMO_TEAMS[0]!.accountId }), {
        resourceShareInvitationArn: invitation!.arn,
      }),
    );
    expect(wrong.code).toBe('NOT_FOUND');
    const byOwner = await errorOf(acceptInvitation(network, { resourceShareInvitationArn: invitation!.arn }));
    expect(byOwner.code).toBe('FORBIDDEN');
    expect(byOwner.awsErrorName).toBe('OperationNotPermittedException');
    expect((await acceptInvitation(external, { resourceShareInvitationArn: invitation!.arn })).status).toBe(
      'ACCEPTED',
    );

    const assoc = await createVpcAssociation(external, {
      serviceNetworkIdentifier: estate.serviceNetworkArn,
      vpcIdentifier: DEMO_EXTERNAL_VPC.vpcId,
    });
    expect(assoc.createdBy).toBe(DEMO_EXTERNAL_ACCOUNT);

    await disassociatePrincipals(network, {
      resourceShareArn: estate.resourceShareArn,
      principals: [DEMO_EXTERNAL_ACCOUNT],
    });
    t.clock.advance(DELAY);
    const after = await listSharePrincipals(network, { resourceShareArn: estate.resourceShareArn });
    expect(after.find((p) => p.entity === DEMO_EXTERNAL_ACCOUNT)?.status).toBe('DISASSOCIATED');
  });
});

describe('from the environment (sandbox mode)', () => {
  it('bootstraps and reads the estate with the default context built from env', async () => {
    const { setEnvForTesting } = await import('@/lib/env');
    const { setDefaultAwsContext } = await import('@/lib/aws/clients');
    const s = await startTestSandbox({ associationDelayMs: DELAY });
    try {
      setEnvForTesting({
        PORTAL_SANDBOX: '1',
        PORTAL_SANDBOX_PORT: String(s.sandbox.port),
        PORTAL_AWS_RETRY_BASE_MS: '1',
      });
      setDefaultAwsContext(undefined);
      const fromEnv = await advanceWhile(s, bootstrapDemoEstate(), DELAY);
      expect(fromEnv.networkAccountId).toBe(DEMO_NETWORK_ACCOUNT);
      expect(fromEnv.genaiAccountId).toBe(DEMO_GENAI_ACCOUNT);
      const live = await readEstate({
        serviceNetworkArn: fromEnv.serviceNetworkArn,
        serviceArn: fromEnv.serviceArn,
        resourceShareArn: fromEnv.resourceShareArn,
      });
      expect(live.service.arn).toBe(fromEnv.serviceArn);
    } finally {
      setEnvForTesting({});
      setDefaultAwsContext(undefined);
      await s.stop();
    }
  });
});
