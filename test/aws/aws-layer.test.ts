import { STSClient } from '@aws-sdk/client-sts';
import { GetServiceCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assumeRoleCredentials, createAwsContext } from '@/lib/aws/clients';
import { awsRuntimeConfigFromEnv, buildAwsConfig } from '@/lib/aws/config';
import { callAws } from '@/lib/aws/errors';
import {
  createService,
  createServiceNetwork,
  createVpcAssociation,
  getService,
  putAuthPolicy,
} from '@/lib/aws/lattice';
import { whoAmI } from '@/lib/aws/sts';
import { DEMO_TEAMS } from '@/lib/demo/world';
import { parseEnv } from '@/lib/env';
import {
  BASE_CREDENTIALS,
  errorOf,
  fastConfig,
  GENAI_ROLE,
  NETWORK_ROLE,
  startTestSandbox,
  type TTestSandbox,
} from './sandbox-helpers';

let t: TTestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.stop());

describe('lib/aws: scoped clients', () => {
  it('acts as the base identity, the network and genai roles, and a workload role', async () => {
    expect((await whoAmI(t.aws.clients('base'))).arn).toBe('arn:aws:iam::100000000001:user/portal-sandbox');
    expect(await whoAmI(t.aws.clients('network'))).toMatchObject({
      accountId: '100000000001',
      arn: 'arn:aws:sts::100000000001:assumed-role/BedrockAccessPortal/vitest',
    });
    expect((await whoAmI(t.aws.clients('genai'))).arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/BedrockAccessPortal/vitest',
    );
    const payments = DEMO_TEAMS[0]!.accountId;
    expect((await whoAmI(t.aws.clients({ workloadAccountId: payments }))).arn).toBe(
      `arn:aws:sts::${payments}:assumed-role/BedrockAccessPortalWorkload/vitest`,
    );
    expect(t.aws.clients('genai')).toBe(t.aws.clients('genai'));
  });

  it('uses the base credentials for a scope whose role is not configured', async () => {
    const aws = createAwsContext({
      ...t.aws.config,
      client: fastConfig(t.sandbox.url),
      networkRoleArn: undefined,
    });
    expect((await whoAmI(aws.clients('network'))).arn).toBe('arn:aws:iam::100000000001:user/portal-sandbox');
  });

  it('caches assumed-role credentials and refreshes them shortly before expiry', async () => {
    let now = Date.now();
    const provider = assumeRoleCredentials(
      new STSClient(fastConfig(t.sandbox.url)),
      GENAI_ROLE,
      'cache-test',
      () => now,
    );
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(b.accessKeyId).toBe(a.accessKeyId);
    expect((await provider()).accessKeyId).toBe(a.accessKeyId);
    now = a.expiration!.getTime() - 60_000; // inside the 5-minute refresh margin
    const c = await provider();
    expect(c.accessKeyId).not.toBe(a.accessKeyId);
  });

  it('translates a refused AssumeRole into FORBIDDEN naming the role', async () => {
    const err = await errorOf(whoAmI(t.aws.clients({ workloadAccountId: '123456789012' })));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.awsErrorName).toBe('AccessDenied');
    expect(err.message).toContain('arn:aws:iam::123456789012:role/BedrockAccessPortalWorkload');
    expect(err.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('lib/aws: AppError translation', () => {
  it('keeps the AWS request id and error name (NOT_FOUND)', async () => {
    const raw = await errorOf(
      new VPCLatticeClient(fastConfig(t.sandbox.url)).send(
        new GetServiceCommand({ serviceIdentifier: 'svc-0123456789abcdef0' }),
      ),
    );
    const err = await errorOf(
      getService(t.aws.clients('genai'), { serviceIdentifier: 'svc-0123456789abcdef0' }),
    );
    expect(err.code).toBe('NOT_FOUND');
    expect(err.awsErrorName).toBe('ResourceNotFoundException');
    expect(err.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.awsRequestId).not.toBe(raw.$metadata.requestId);
    expect(err.details).toMatchObject({ operation: 'vpc-lattice:GetService', resourceType: 'SERVICE' });
    const wrapped = await errorOf(callAws('vpc-lattice:GetService', () => Promise.reject(raw)));
    expect(wrapped.awsRequestId).toBe(raw.$metadata.requestId);
  });

  it('maps AccessDenied to FORBIDDEN with the permission and account, and fieldList to issues', async () => {
    const svc = await createService(t.aws.clients('genai'), { name: 'translated', authType: 'AWS_IAM' });
    const denied = await errorOf(
      putAuthPolicy(t.aws.clients('network'), {
        resourceIdentifier: svc.arn,
        policy: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}',
      }),
    );
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('vpc-lattice:PutAuthPolicy');
    expect(denied.message).toContain('account 100000000001');

    const sn = await createServiceNetwork(t.aws.clients('network'), {
      name: 'translated-sn',
      authType: 'AWS_IAM',
    });
    const payments = DEMO_TEAMS[0]!;
    const invalid = await errorOf(
      createVpcAssociation(t.aws.clients('network'), {
        serviceNetworkIdentifier: sn.arn,
        vpcIdentifier: payments.vpcs[0]!.vpcId,
      }),
    );
    expect(invalid.code).toBe('FORBIDDEN');
    const bad = await errorOf(
      createServiceNetwork(t.aws.clients('network'), { name: 'translated-sn', authType: 'AWS_IAM' }),
    );
    expect(bad.code).toBe('CONFLICT');
    expect(bad.awsErrorName).toBe('ConflictException');
    const validation = await errorOf(
      putAuthPolicy(t.aws.clients('genai'), {
        resourceIdentifier: svc.arn,
        policy: '{"Version":"2012-10-17"}',
      }),
    );
    expect(validation.code).toBe('VALIDATION');
    expect(validation.issues).toEqual([expect.objectContaining({ path: 'policy' })]);
    const local = await errorOf(
      createServiceNetwork(t.aws.clients('network'), { name: 'UPPER', authType: 'AWS_IAM' }),
    );
    expect(local.code).toBe('VALIDATION');
    expect(local.awsErrorName).toBeUndefined();
  });
});

describe('lib/aws: retries, throttling, timeouts (faults injected by the sandbox)', () => {
  let serviceId: string;
  beforeAll(async () => {
    serviceId = (await createService(t.aws.clients('genai'), { name: 'retry-target', authType: 'AWS_IAM' }))
      .id;
  });
  beforeEach(() => t.resetCalls());
  afterEach(() => t.clearFaults());

  /** The portal's own clients, with retries (3 attempts, 1 ms back-off) and the given per-attempt timeout. */
  const retrying = (timeoutMs = 2000) =>
    createAwsContext({
      client: buildAwsConfig({
        region: 'us-east-1',
        endpoint: t.sandbox.url,
        credentials: BASE_CREDENTIALS,
        maxAttempts: 3,
        retryBaseMs: 1,
        timeoutMs,
      }),
      networkRoleArn: NETWORK_ROLE,
      genaiRoleArn: GENAI_ROLE,
      workloadRoleName: 'BedrockAccessPortalWorkload',
      sessionName: 'retry-test',
      sandbox: true,
    }).clients('genai');

  it('retries 5xx and succeeds on the third attempt', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'GetService', kind: '5xx', count: 2 });
    const svc = await getService(retrying(), { serviceIdentifier: serviceId });
    expect(svc.name).toBe('retry-target');
    expect(t.calls('vpc-lattice', 'GetService')).toEqual({
      total: 3,
      ok: 1,
      outcomes: { 'fault:5xx': 2, ok: 1 },
    });
  });

  it('maps throttling to RATE_LIMITED (retryable) after the configured attempts', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'GetService', kind: 'throttle' });
    const err = await errorOf(getService(retrying(), { serviceIdentifier: serviceId }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryable).toBe(true);
    expect(err.awsErrorName).toBe('ThrottlingException');
    expect(err.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.calls('vpc-lattice', 'GetService')).toMatchObject({
      total: 3,
      ok: 0,
      outcomes: { 'fault:throttle': 3 },
    });
  });

  it('maps a request timeout to UNAVAILABLE (retryable)', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'GetService', kind: 'timeout' });
    const started = Date.now();
    const err = await errorOf(getService(retrying(150), { serviceIdentifier: serviceId }));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(t.calls('vpc-lattice', 'GetService').outcomes['fault:timeout']).toBe(3);
  });

  it('retries a write after a transient failure without repeating the completed write', async () => {
    const policy = '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}';
    t.fault({ service: 'vpc-lattice', operation: 'PutAuthPolicy', kind: 'throttle', count: 1 });
    await putAuthPolicy(retrying(), { resourceIdentifier: serviceId, policy });
    expect(t.calls('vpc-lattice', 'PutAuthPolicy')).toEqual({
      total: 2,
      ok: 1,
      outcomes: { 'fault:throttle': 1, ok: 1 },
    });
  });

  it('maps an injected Conflict to CONFLICT without retrying it', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'GetService', kind: 'conflict', count: 1 });
    const err = await errorOf(getService(retrying(), { serviceIdentifier: serviceId }));
    expect(err.code).toBe('CONFLICT');
    expect(t.calls('vpc-lattice', 'GetService')).toMatchObject({
      total: 1,
      outcomes: { 'fault:conflict': 1 },
    });
  });
});

describe('lib/aws: configuration', () => {
  it('buildAwsConfig is pure and carries endpoint, credentials, attempts and timeouts', () => {
    const c = buildAwsConfig({ region: 'eu-west-1', maxAttempts: 4, retryBaseMs: 10, timeoutMs: 1234 });
    expect(c.region).toBe('eu-west-1');
    expect(c.endpoint).toBeUndefined();
    expect(c.credentials).toBeUndefined();
    expect(c.maxAttempts).toBe(4);
    expect(typeof c.retryStrategy.acquireInitialRetryToken).toBe('function');
  });

  it('sandbox mode uses the sandbox endpoint, keys and demo roles; explicit settings win', () => {
    const sandbox = awsRuntimeConfigFromEnv(parseEnv({ PORTAL_SANDBOX: '1', PORTAL_SANDBOX_PORT: '4700' }));
    expect(sandbox.client.endpoint).toBe('http://127.0.0.1:4700');
    expect(sandbox.client.credentials).toMatchObject({ accessKeyId: 'AKIASANDBOX000000001' });
    expect(sandbox.networkRoleArn).toBe(NETWORK_ROLE);
    expect(sandbox.genaiRoleArn).toBe(GENAI_ROLE);
    const real = awsRuntimeConfigFromEnv(
      parseEnv({ PORTAL_NETWORK_ROLE_ARN: 'arn:aws:iam::123456789012:role/net', AWS_REGION: 'eu-central-1' }),
    );
    expect(real.client.endpoint).toBeUndefined();
    expect(real.client.credentials).toBeUndefined();
    expect(real.networkRoleArn).toBe('arn:aws:iam::123456789012:role/net');
    expect(real.genaiRoleArn).toBeUndefined();
    expect(real.client.region).toBe('eu-central-1');
  });
});
