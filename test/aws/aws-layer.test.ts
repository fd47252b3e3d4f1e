import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STSClient } from '@aws-sdk/client-sts';
import { GetServiceCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('lib/aws: retries, throttling, timeouts', () => {
  let server: Server;
  let url: string;
  const calls: Record<string, number> = {};
  beforeAll(async () => {
    server = createServer((req, res) => {
      const key = req.url ?? '';
      calls[key] = (calls[key] ?? 0) + 1;
      const json = (status: number, type: string | null, body: object) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-amzn-requestid', `req-${calls[key]}`);
        if (type) res.setHeader('x-amzn-errortype', type);
        res.end(JSON.stringify(body));
      };
      if (key.includes('svc-00000000000000001'))
        return json(429, 'ThrottlingException', { message: 'slow down' });
      if (key.includes('svc-00000000000000002')) {
        if (calls[key]! < 3) return json(500, 'InternalServerException', { message: 'oops' });
        return json(200, null, {
          id: 'svc-00000000000000002',
          name: 'flaky',
          arn: 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-00000000000000002',
          status: 'ACTIVE',
        });
      }
      if (key.includes('svc-00000000000000003')) return; // never answers
      json(404, 'ResourceNotFoundException', { message: 'nope', resourceId: 'x', resourceType: 'SERVICE' });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const clientsFor = (timeoutMs = 2000) => {
    const config = buildAwsConfig({
      region: 'us-east-1',
      endpoint: url,
      credentials: { accessKeyId: 'AKIAFAKE000000000001', secretAccessKey: 's' },
      maxAttempts: 3,
      retryBaseMs: 1,
      timeoutMs,
    });
    return createAwsContext({
      client: config,
      workloadRoleName: 'x',
      sessionName: 'retry-test',
      sandbox: false,
    }).clients('base');
  };

  it('retries 5xx and succeeds on the third attempt', async () => {
    const svc = await getService(clientsFor(), { serviceIdentifier: 'svc-00000000000000002' });
    expect(svc.name).toBe('flaky');
    expect(calls['/services/svc-00000000000000002']).toBe(3);
  });

  it('maps throttling to RATE_LIMITED (retryable) after the configured attempts', async () => {
    const err = await errorOf(getService(clientsFor(), { serviceIdentifier: 'svc-00000000000000001' }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryable).toBe(true);
    expect(err.awsRequestId).toBe('req-3');
    expect(calls['/services/svc-00000000000000001']).toBe(3);
  });

  it('maps a request timeout to UNAVAILABLE (retryable)', async () => {
    const started = Date.now();
    const err = await errorOf(getService(clientsFor(150), { serviceIdentifier: 'svc-00000000000000003' }));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
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
