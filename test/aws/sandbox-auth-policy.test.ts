import {
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  DeleteAuthPolicyCommand,
  GetAuthPolicyCommand,
  PutAuthPolicyCommand,
  UpdateServiceNetworkCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAuthPolicy } from '@/lib/aws/lattice';
import { AUTH_POLICY_MAX_BYTES } from '@/lib/policy/limits';
import { errorOf, fastConfig, GENAI_ROLE, startTestSandbox, type TTestSandbox } from './sandbox-helpers';

let t: TTestSandbox;
let genai: VPCLatticeClient;
let serviceArn: string;

const allow = (n: number) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: Array.from({ length: n }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::200000000331:role/payments-dev-invoker-${i}` },
      Action: 'vpc-lattice-svcs:Invoke',
      Resource: '*',
    })),
  });

beforeAll(async () => {
  t = await startTestSandbox();
  genai = new VPCLatticeClient(await t.configAs(GENAI_ROLE));
  const svc = await genai.send(new CreateServiceCommand({ name: 'policy-target', authType: 'AWS_IAM' }));
  serviceArn = svc.arn!;
});
afterAll(async () => t.stop());

describe('sandbox: auth policies', () => {
  it('puts, gets (state Active under AWS_IAM) and deletes (204, idempotent)', async () => {
    const put = await genai.send(
      new PutAuthPolicyCommand({ resourceIdentifier: serviceArn, policy: allow(1) }),
    );
    expect(put).toMatchObject({ policy: allow(1), state: 'Active' });
    const got = await genai.send(new GetAuthPolicyCommand({ resourceIdentifier: serviceArn }));
    expect(got.policy).toBe(allow(1));
    expect(got.lastUpdatedAt).toBeInstanceOf(Date);
    const del = await genai.send(new DeleteAuthPolicyCommand({ resourceIdentifier: serviceArn }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    const again = await genai.send(new DeleteAuthPolicyCommand({ resourceIdentifier: serviceArn }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    const none = await genai.send(new GetAuthPolicyCommand({ resourceIdentifier: serviceArn }));
    expect(none.policy).toBeUndefined();
  });

  it('reports Inactive while the resource authType is NONE, Active once it is AWS_IAM', async () => {
    const sn = await genai.send(new CreateServiceNetworkCommand({ name: 'inactive-sn', authType: 'NONE' }));
    const put = await genai.send(new PutAuthPolicyCommand({ resourceIdentifier: sn.id!, policy: allow(1) }));
    expect(put.state).toBe('Inactive');
    await genai.send(
      new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: sn.id!, authType: 'AWS_IAM' }),
    );
    const got = await genai.send(new GetAuthPolicyCommand({ resourceIdentifier: sn.arn! }));
    expect(got.state).toBe('Active');
  });

  it('rejects a policy over 10 KB with ValidationException (and accepts one just under)', async () => {
    let n = 1;
    while (Buffer.byteLength(allow(n + 1)) <= AUTH_POLICY_MAX_BYTES) n += 1;
    await genai.send(new PutAuthPolicyCommand({ resourceIdentifier: serviceArn, policy: allow(n) }));
    const big = allow(n + 1);
    expect(Buffer.byteLength(big)).toBeGreaterThan(AUTH_POLICY_MAX_BYTES);
    const err = await errorOf(
      genai.send(new PutAuthPolicyCommand({ resourceIdentifier: serviceArn, policy: big })),
    );
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.fieldList).toEqual([expect.objectContaining({ name: 'policy' })]);
    expect(err.message).toMatch(/10 KB/);
    // The stored policy is unchanged by the refused write.
    const got = await genai.send(new GetAuthPolicyCommand({ resourceIdentifier: serviceArn }));
    expect(got.policy).toBe(allow(n));
  });

  it('rejects newlines, invalid JSON and documents without a Statement', async () => {
    for (const policy of [
      JSON.stringify(JSON.parse(allow(1)), null, 2),
      '{"Version":',
      '{"Version":"2012-10-17"}',
      '[]',
    ]) {
      const err = await errorOf(
        genai.send(new PutAuthPolicyCommand({ resourceIdentifier: serviceArn, policy })),
      );
      expect(err.name).toBe('ValidationException');
    }
  });

  it('lets only the owning account touch the policy', async () => {
    const network = new VPCLatticeClient(fastConfig(t.sandbox.url));
    const err = await errorOf(
      network.send(new PutAuthPolicyCommand({ resourceIdentifier: serviceArn, policy: allow(1) })),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain('vpc-lattice:PutAuthPolicy');
  });

  it('lib putAuthPolicy refuses an oversized policy before calling AWS (POLICY_TOO_LARGE)', async () => {
    const err = await errorOf(
      putAuthPolicy(t.aws.clients('genai'), { resourceIdentifier: serviceArn, policy: allow(200) }),
    );
    expect(err.code).toBe('POLICY_TOO_LARGE');
    expect(err.details).toMatchObject({ limit: AUTH_POLICY_MAX_BYTES });
  });
});
