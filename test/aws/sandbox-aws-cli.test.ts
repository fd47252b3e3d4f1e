import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXTERNAL_ACCOUNT, DEMO_EXTERNAL_VPC, DEMO_GENAI_ACCOUNT, DEMO_TEAMS } from '@/lib/demo/world';
import { AWS_CLI_PATH, awsCli, SANDBOX_CLI_CREDS, type TAwsCliCreds } from './aws-cli';
import { GENAI_ROLE, startTestSandbox, workloadRole, type TTestSandbox } from './sandbox-helpers';

/**
 * A real client written elsewhere checks the wire: the AWS CLI (botocore) runs every Lattice, RAM and STS
 * operation the sandbox emulates, and must parse every answer, errors included. The CLI is on these machines and
 * in CI; when it is missing this suite fails rather than skips.
 */
let t: TTestSandbox;
const DELAY = 2000;
type TCreds = TAwsCliCreds;
const BASE = SANDBOX_CLI_CREDS;
const { aws, awsError } = awsCli(() => t.sandbox.url);

async function assume(roleArn: string): Promise<TCreds> {
  const out = await aws(BASE, 'sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'cli');
  return out.Credentials as TCreds;
}

beforeAll(async () => {
  t = await startTestSandbox({ associationDelayMs: DELAY });
});
afterAll(async () => t?.stop());

describe('the AWS CLI against the sandbox', () => {
  it('is installed on this machine (the suite fails loudly rather than skipping)', () => {
    expect(AWS_CLI_PATH, 'the AWS CLI (`aws`) must be on PATH for this suite').not.toBe('');
  });

  it(
    'runs every emulated Lattice, RAM and STS operation and parses every answer',
    { timeout: 240_000 },
    async () => {
      const payments = DEMO_TEAMS[0]!;
      const vpc = payments.vpcs[0]!;
      const me = await aws(BASE, 'sts', 'get-caller-identity');
      expect(me).toMatchObject({
        Account: '100000000001',
        Arn: 'arn:aws:iam::100000000001:user/portal-sandbox',
      });
      const [genai, workload, external] = await Promise.all([
        assume(GENAI_ROLE),
        assume(workloadRole(payments.accountId)),
        assume(workloadRole(DEMO_EXTERNAL_ACCOUNT)),
      ]);
      expect(genai.AccessKeyId).toMatch(/^ASIA/);

      // Service network, tags, auth policy (network account).
      const sn = await aws(
        BASE,
        'vpc-lattice',
        'create-service-network',
        '--name',
        'cli-sn',
        '--auth-type',
        'AWS_IAM',
      );
      expect(sn.id).toMatch(/^sn-[0-9a-z]{17}$/);
      const policy = JSON.stringify({
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 'vpc-lattice-svcs:Invoke', Resource: '*' }],
      });
      const [gotSn, listedSn, updatedSn, tagged, put] = await Promise.all([
        aws(BASE, 'vpc-lattice', 'get-service-network', '--service-network-identifier', sn.id),
        aws(BASE, 'vpc-lattice', 'list-service-networks', '--max-results', '10'),
        aws(
          BASE,
          'vpc-lattice',
          'update-service-network',
          '--service-network-identifier',
          sn.id,
          '--auth-type',
          'AWS_IAM',
        ),
        aws(
          BASE,
          'vpc-lattice',
          'tag-resource',
          '--resource-arn',
          sn.arn,
          '--tags',
          'team=platform,env=test',
        ),
        aws(BASE, 'vpc-lattice', 'put-auth-policy', '--resource-identifier', sn.arn, '--policy', policy),
      ]);
      expect(gotSn).toMatchObject({ name: 'cli-sn', numberOfAssociatedVPCs: 0 });
      expect(gotSn.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(listedSn.items.map((i: { id: string }) => i.id)).toContain(sn.id);
      expect(updatedSn.authType).toBe('AWS_IAM');
      expect(tagged).toEqual({});
      expect(put).toMatchObject({ policy, state: 'Active' });
      expect((await aws(BASE, 'vpc-lattice', 'get-auth-policy', '--resource-identifier', sn.id)).policy).toBe(
        policy,
      );
      expect(
        (await aws(BASE, 'vpc-lattice', 'list-tags-for-resource', '--resource-arn', sn.arn)).tags,
      ).toEqual({
        team: 'platform',
        env: 'test',
      });
      await aws(BASE, 'vpc-lattice', 'untag-resource', '--resource-arn', sn.arn, '--tag-keys', 'env');
      expect(
        (await aws(BASE, 'vpc-lattice', 'list-tags-for-resource', '--resource-arn', sn.arn)).tags,
      ).toEqual({
        team: 'platform',
      });
      await aws(BASE, 'vpc-lattice', 'delete-auth-policy', '--resource-identifier', sn.id);
      expect(await aws(BASE, 'vpc-lattice', 'get-auth-policy', '--resource-identifier', sn.id)).toEqual({});

      // RAM share to a team account, the genai account and an external account.
      const share = (
        await aws(
          BASE,
          'ram',
          'create-resource-share',
          '--name',
          'cli-share',
          '--resource-arns',
          sn.arn,
          '--principals',
          payments.accountId,
          DEMO_GENAI_ACCOUNT,
          DEMO_EXTERNAL_ACCOUNT,
          '--allow-external-principals',
        )
      ).resourceShare;
      expect(share.resourceShareArn).toMatch(/^arn:aws:ram:us-east-1:100000000001:resource-share\//);
      t.clock.advance(DELAY);
      const [shares, principalsAssoc, principals, resources] = await Promise.all([
        aws(BASE, 'ram', 'get-resource-shares', '--resource-owner', 'SELF'),
        aws(
          BASE,
          'ram',
          'get-resource-share-associations',
          '--association-type',
          'PRINCIPAL',
          '--resource-share-arns',
          share.resourceShareArn,
        ),
        aws(BASE, 'ram', 'list-principals', '--resource-owner', 'SELF'),
        aws(BASE, 'ram', 'list-resources', '--resource-owner', 'SELF'),
      ]);
      expect(shares.resourceShares[0]).toMatchObject({ name: 'cli-share', status: 'ACTIVE' });
      // RAM answers epoch seconds; CLI v1 prints them as received.
      expect(shares.resourceShares[0].creationTime).toBeGreaterThan(1_600_000_000);
      expect(
        principalsAssoc.resourceShareAssociations.map((a: { associatedEntity: string; status: string }) => [
          a.associatedEntity,
          a.status,
        ]),
      ).toEqual(
        expect.arrayContaining([
          [payments.accountId, 'ASSOCIATED'],
          [DEMO_EXTERNAL_ACCOUNT, 'ASSOCIATING'],
        ]),
      );
      expect(principals.principals.map((p: { id: string }) => p.id)).toEqual(
        expect.arrayContaining([payments.accountId, DEMO_GENAI_ACCOUNT]),
      );
      expect(resources.resources.map((r: { arn: string }) => r.arn)).toEqual([sn.arn]);

      // The external account accepts its invitation; a second share's invitation it rejects.
      const invitations = await aws(external, 'ram', 'get-resource-share-invitations');
      const invitation = invitations.resourceShareInvitations.find(
        (i: { resourceShareArn: string }) => i.resourceShareArn === share.resourceShareArn,
      );
      expect(invitation).toMatchObject({ status: 'PENDING', receiverAccountId: DEMO_EXTERNAL_ACCOUNT });
      const accepted = await aws(
        external,
        'ram',
        'accept-resource-share-invitation',
        '--resource-share-invitation-arn',
        invitation.resourceShareInvitationArn,
      );
      expect(accepted.resourceShareInvitation.status).toBe('ACCEPTED');
      const other = (
        await aws(
          BASE,
          'ram',
          'create-resource-share',
          '--name',
          'cli-share-2',
          '--principals',
          DEMO_EXTERNAL_ACCOUNT,
        )
      ).resourceShare;
      const otherInvitation = (
        await aws(
          external,
          'ram',
          'get-resource-share-invitations',
          '--resource-share-arns',
          other.resourceShareArn,
        )
      ).resourceShareInvitations[0];
      const rejected = await aws(
        external,
        'ram',
        'reject-resource-share-invitation',
        '--resource-share-invitation-arn',
        otherInvitation.resourceShareInvitationArn,
      );
      expect(rejected.resourceShareInvitation.status).toBe('REJECTED');

      // The service, its association with the network and an access-log subscription (genai account).
      const svc = await aws(
        genai,
        'vpc-lattice',
        'create-service',
        '--name',
        'cli-svc',
        '--auth-type',
        'AWS_IAM',
      );
      expect(svc.dnsEntry.domainName).toContain('.vpc-lattice-svcs.us-east-1.on.aws');
      const snsa = await aws(
        genai,
        'vpc-lattice',
        'create-service-network-service-association',
        '--service-identifier',
        svc.id,
        '--service-network-identifier',
        sn.arn,
      );
      expect(snsa.status).toBe('CREATE_IN_PROGRESS');
      const als = await aws(
        genai,
        'vpc-lattice',
        'create-access-log-subscription',
        '--resource-identifier',
        svc.arn,
        '--destination-arn',
        'arn:aws:s3:::cli-access-logs',
      );
      t.clock.advance(DELAY);
      const [gotSvc, listedSvc, updatedSvc, gotSnsa, listedSnsa, gotAls, listedAls] = await Promise.all([
        aws(genai, 'vpc-lattice', 'get-service', '--service-identifier', svc.id),
        aws(genai, 'vpc-lattice', 'list-services'),
        aws(genai, 'vpc-lattice', 'update-service', '--service-identifier', svc.id, '--auth-type', 'AWS_IAM'),
        aws(
          genai,
          'vpc-lattice',
          'get-service-network-service-association',
          '--service-network-service-association-identifier',
          snsa.id,
        ),
        aws(
          genai,
          'vpc-lattice',
          'list-service-network-service-associations',
          '--service-identifier',
          svc.id,
        ),
        aws(
          genai,
          'vpc-lattice',
          'get-access-log-subscription',
          '--access-log-subscription-identifier',
          als.id,
        ),
        aws(genai, 'vpc-lattice', 'list-access-log-subscriptions', '--resource-identifier', svc.id),
      ]);
      expect(gotSvc).toMatchObject({ name: 'cli-svc', status: 'ACTIVE' });
      expect(listedSvc.items.map((i: { id: string }) => i.id)).toContain(svc.id);
      expect(updatedSvc.authType).toBe('AWS_IAM');
      expect(gotSnsa.status).toBe('ACTIVE');
      expect(listedSnsa.items.map((i: { id: string }) => i.id)).toEqual([snsa.id]);
      expect(gotAls.destinationArn).toBe('arn:aws:s3:::cli-access-logs');
      expect(listedAls.items.map((i: { id: string }) => i.id)).toEqual([als.id]);

      // A team VPC joins the shared network (workload account), then leaves.
      const snva = await aws(
        workload,
        'vpc-lattice',
        'create-service-network-vpc-association',
        '--service-network-identifier',
        sn.arn,
        '--vpc-identifier',
        vpc.vpcId,
        '--security-group-ids',
        ...vpc.securityGroupIds,
      );
      expect(snva).toMatchObject({ status: 'CREATE_IN_PROGRESS', createdBy: payments.accountId });
      const externalVpc = await aws(
        external,
        'vpc-lattice',
        'create-service-network-vpc-association',
        '--service-network-identifier',
        sn.arn,
        '--vpc-identifier',
        DEMO_EXTERNAL_VPC.vpcId,
      );
      expect(externalVpc.createdBy).toBe(DEMO_EXTERNAL_ACCOUNT);
      t.clock.advance(DELAY);
      const [gotSnva, listedSnva] = await Promise.all([
        aws(
          workload,
          'vpc-lattice',
          'get-service-network-vpc-association',
          '--service-network-vpc-association-identifier',
          snva.id,
        ),
        aws(
          BASE,
          'vpc-lattice',
          'list-service-network-vpc-associations',
          '--service-network-identifier',
          sn.id,
        ),
      ]);
      expect(gotSnva).toMatchObject({ status: 'ACTIVE', vpcId: vpc.vpcId });
      expect(listedSnva.items.map((i: { vpcId: string }) => i.vpcId).sort()).toEqual(
        [vpc.vpcId, DEMO_EXTERNAL_VPC.vpcId].sort(),
      );

      // Tear everything down again.
      const deletions = await Promise.all([
        aws(
          workload,
          'vpc-lattice',
          'delete-service-network-vpc-association',
          '--service-network-vpc-association-identifier',
          snva.arn,
        ),
        aws(
          external,
          'vpc-lattice',
          'delete-service-network-vpc-association',
          '--service-network-vpc-association-identifier',
          externalVpc.arn,
        ),
        aws(
          genai,
          'vpc-lattice',
          'delete-service-network-service-association',
          '--service-network-service-association-identifier',
          snsa.id,
        ),
        aws(
          genai,
          'vpc-lattice',
          'delete-access-log-subscription',
          '--access-log-subscription-identifier',
          als.id,
        ),
      ]);
      expect(deletions[0].status).toBe('DELETE_IN_PROGRESS');
      t.clock.advance(DELAY);
      expect((await aws(genai, 'vpc-lattice', 'delete-service', '--service-identifier', svc.id)).status).toBe(
        'DELETE_IN_PROGRESS',
      );
      const disassociated = await aws(
        BASE,
        'ram',
        'disassociate-resource-share',
        '--resource-share-arn',
        share.resourceShareArn,
        '--principals',
        payments.accountId,
      );
      expect(disassociated.resourceShareAssociations[0].status).toBe('DISASSOCIATING');
      expect(
        (await aws(BASE, 'ram', 'delete-resource-share', '--resource-share-arn', share.resourceShareArn))
          .returnValue,
      ).toBe(true);
      await aws(BASE, 'vpc-lattice', 'delete-service-network', '--service-network-identifier', sn.id);
      expect((await aws(BASE, 'vpc-lattice', 'list-service-networks')).items).toEqual([]);
      // The RAM share of the associate step was exercised above; associate-resource-share adds a principal back.
      const readded = await aws(
        BASE,
        'ram',
        'associate-resource-share',
        '--resource-share-arn',
        other.resourceShareArn,
        '--principals',
        payments.accountId,
      );
      expect(readded.resourceShareAssociations[0]).toMatchObject({ associatedEntity: payments.accountId });
    },
  );

  it('parses every error shape: restJson with fields, RAM, and STS XML', { timeout: 120_000 }, async () => {
    const [notFound, validation, malformed, denied, forged] = await Promise.all([
      awsError(BASE, 'vpc-lattice', 'get-service', '--service-identifier', 'svc-0123456789abcdef0'),
      awsError(BASE, 'vpc-lattice', 'create-service-network', '--name', 'UPPER'),
      awsError(
        BASE,
        'ram',
        'get-resource-shares',
        '--resource-owner',
        'SELF',
        '--resource-share-arns',
        'nope',
      ),
      awsError(
        BASE,
        'sts',
        'assume-role',
        '--role-arn',
        workloadRole('123456789012'),
        '--role-session-name',
        'denied',
      ),
      awsError({ ...BASE, SecretAccessKey: 'wrong' }, 'vpc-lattice', 'list-service-networks'),
    ]);
    expect(notFound).toContain('(ResourceNotFoundException) when calling the GetService operation');
    expect(validation).toContain('(ValidationException) when calling the CreateServiceNetwork operation');
    expect(malformed).toContain('(MalformedArnException) when calling the GetResourceShares operation');
    expect(denied).toContain('(AccessDenied) when calling the AssumeRole operation');
    expect(forged).toContain('(InvalidSignatureException) when calling the ListServiceNetworks operation');
  });
});
