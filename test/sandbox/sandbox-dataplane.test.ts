import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  paginateFilterLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessLogSubscription, putAuthPolicy } from '@/lib/aws/lattice';
import {
  DEMO_ACCESS_LOG_BUCKET,
  DEMO_EXTERNAL_ACCOUNT,
  DEMO_GENAI_ACCOUNT,
  DEMO_INVOCATION_LOG_BUCKET,
  DEMO_ORG_ID,
  DEMO_PROXY_ROLE_ARN,
  DEMO_TEAMS,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';
import type { TDemoEstate } from '@/lib/estate/bootstrap-demo-estate';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { fastConfig, startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';
import {
  GRANTED_MODEL,
  GRANTED_ROLE,
  OTHER_MODEL,
  payments,
  PAYMENTS_VPC,
  setUpGrantedEstate,
} from './granted-estate';

/**
 * The Lattice data plane decides with the live auth policies (the service's and the service network's), through
 * the portal's evaluator injected at the seam, and writes one access-log record per request and one invocation
 * record per call that reached Bedrock, in the formats of the shared fixtures.
 */
const DELAY = 2000;
const search = DEMO_TEAMS.find((t) => t.slug === 'search')!;
const LOG_GROUP = '/aws/vpclattice/bedrock-proxy';

let t: TTestSandbox;
let estate: TDemoEstate;

async function credentialsOf(roleArn: string, session: string) {
  const sts = new STSClient(fastConfig(t.sandbox.url));
  const c = (await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session })))
    .Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

type TAnswer = { status: number; text: string; requestId: string | null } | 'dropped';

/** A signed call as a workload in `vpcId` makes it, through the sandbox's /vpc-lattice-svcs/ prefix. */
async function invoke(input: {
  roleArn: string;
  vpcId?: string;
  path?: string;
  query?: string;
}): Promise<TAnswer> {
  const credentials = await credentialsOf(input.roleArn, 'app-session');
  const url = new URL(t.sandbox.url);
  const path = `/vpc-lattice-svcs/${estate.serviceDnsName}${input.path ?? '/model/invoke'}`;
  const body = JSON.stringify({
    messages: [{ role: 'user', content: [{ text: 'Summarise this invoice' }] }],
  });
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(input.query ?? '')) {
    const prev = query[k];
    query[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/json',
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    'x-amzn-bedrock-request-metadata': JSON.stringify({ team: 'payments' }),
  };
  if (input.vpcId) headers['x-sandbox-source-vpc'] = input.vpcId;
  const signer = new SignatureV4({
    service: 'vpc-lattice-svcs',
    region: 'us-east-1',
    sha256: Sha256,
    credentials,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query,
    headers,
    body,
  });
  try {
    const res = await fetch(`${t.sandbox.url}${path}${input.query ? `?${input.query}` : ''}`, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    return { status: res.status, text: await res.text(), requestId: res.headers.get('x-amzn-requestid') };
  } catch {
    return 'dropped';
  }
}

async function readGzipLines(
  bucket: string,
  prefix: string,
): Promise<{ keys: string[]; records: Record<string, unknown>[] }> {
  const s3 = new S3Client({ ...fastConfig(t.sandbox.url), forcePathStyle: true });
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    keys.push(...(page.Contents ?? []).map((c) => c.Key!));
  }
  const records: Record<string, unknown>[] = [];
  for (const Key of keys) {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
    const text = gunzipSync(Buffer.from(await out.Body!.transformToByteArray())).toString('utf8');
    for (const line of text.split('\n')) if (line) records.push(JSON.parse(line) as Record<string, unknown>);
  }
  return { keys, records };
}

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/sandbox', name), 'utf8')) as Record<
    string,
    unknown
  >;

const answers: Record<string, TAnswer> = {};

beforeAll(async () => {
  t = await startTestSandbox({ associationDelayMs: DELAY });
  estate = await setUpGrantedEstate(t, DELAY);
  // A second destination: the same records as CloudWatch Logs events.
  await createAccessLogSubscription(t.aws.clients('genai'), {
    resourceIdentifier: estate.serviceArn,
    destinationArn: `arn:aws:logs:us-east-1:${DEMO_GENAI_ACCOUNT}:log-group:${LOG_GROUP}`,
  });

  answers.granted = await invoke({
    roleArn: GRANTED_ROLE,
    vpcId: PAYMENTS_VPC.vpcId,
    query: `modelid=${encodeURIComponent(GRANTED_MODEL)}`,
  });
  answers.converse = await invoke({
    roleArn: GRANTED_ROLE,
    vpcId: PAYMENTS_VPC.vpcId,
    path: `/model/${encodeURIComponent(GRANTED_MODEL)}/converse`,
    query: `modelid=${encodeURIComponent(GRANTED_MODEL)}`,
  });
  answers.otherModel = await invoke({
    roleArn: GRANTED_ROLE,
    vpcId: PAYMENTS_VPC.vpcId,
    query: `modelid=${OTHER_MODEL}`,
  });
  answers.smuggled = await invoke({
    roleArn: GRANTED_ROLE,
    vpcId: PAYMENTS_VPC.vpcId,
    query: `modelid=${GRANTED_MODEL}&modelid=${OTHER_MODEL}`,
  });
  answers.noModel = await invoke({ roleArn: GRANTED_ROLE, vpcId: PAYMENTS_VPC.vpcId });
  answers.ungrantedRole = await invoke({
    roleArn: payments.principals[0]!,
    vpcId: PAYMENTS_VPC.vpcId,
    query: `modelid=${GRANTED_MODEL}`,
  });
  // A caller outside the organization, sending from an associated VPC: the service network's org guard refuses it.
  answers.foreign = await invoke({
    roleArn: `arn:aws:iam::${DEMO_EXTERNAL_ACCOUNT}:role/${DEMO_WORKLOAD_ROLE_NAME}`,
    vpcId: PAYMENTS_VPC.vpcId,
    query: `modelid=${GRANTED_MODEL}`,
  });
  answers.unassociated = await invoke({
    roleArn: search.principals[1]!,
    vpcId: search.vpcs[1]!.vpcId,
    query: `modelid=${GRANTED_MODEL}`,
  });
  // Past the 5-minute delivery window: the next read sees every object.
  t.clock.advance(6 * 60_000);
});
afterAll(async () => t.stop());

describe('the Lattice data plane', () => {
  it('lets the granted pair through to the Bedrock proxy, which answers with usage', () => {
    for (const a of [answers.granted, answers.converse]) {
      expect(a).not.toBe('dropped');
      if (a === 'dropped' || !a) return;
      expect(a.status).toBe(200);
      const body = JSON.parse(a.text) as {
        usage: { inputTokens: number; outputTokens: number; totalTokens: number };
      };
      expect(body.usage.inputTokens).toBeGreaterThan(0);
      expect(body.usage.totalTokens).toBe(body.usage.inputTokens + body.usage.outputTokens);
    }
  });

  it('denies another model, a smuggled second model id, a missing model id and an ungranted role (service policy)', () => {
    for (const name of ['otherModel', 'smuggled', 'noModel', 'ungrantedRole']) {
      const a = answers[name]!;
      expect(a, name).not.toBe('dropped');
      if (a === 'dropped') return;
      expect(a.status, name).toBe(403);
      expect(a.text, name).toMatch(
        /^AccessDeniedException: User: arn:aws:sts::\d{12}:assumed-role\/.+ is not authorized to perform: vpc-lattice-svcs:Invoke on resource: arn:aws:vpc-lattice:.+ because no service-based policy allows/,
      );
    }
  });

  it('denies a caller from outside the organization at the service network', () => {
    const a = answers.foreign!;
    expect(a).not.toBe('dropped');
    if (a === 'dropped') return;
    expect(a.status).toBe(403);
    expect(a.text).toContain('because no network-based policy allows');
  });

  it('gives a VPC that is not associated with the service network no answer at all', () => {
    expect(answers.unassociated).toBe('dropped');
    expect(t.calls('vpc-lattice-svcs', 'Invoke').outcomes.dropped).toBe(1);
  });

  it('writes one access-log record per answered request to S3, gzipped, under the AWSLogs layout, in the fixture format', async () => {
    const prefix = `AWSLogs/${DEMO_GENAI_ACCOUNT}/VpcLattice/AccessLogs/us-east-1/`;
    const { keys, records } = await readGzipLines(DEMO_ACCESS_LOG_BUCKET, prefix);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(
        new RegExp(
          `^${prefix}\\d{4}/\\d{2}/\\d{2}/\\d{2}/${DEMO_GENAI_ACCOUNT}_vpclattice_us-east-1_${estate.serviceId}_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz$`,
        ),
      );
    }
    expect(records).toHaveLength(7); // every answered request; the dropped one never reached Lattice
    expect(Object.keys(records[0]!)).toEqual(Object.keys(fixture('lattice-access-log-record.json')));
    const byCode = (r: Record<string, unknown>) => `${String(r.responseCode)}:${String(r.authDeniedReason)}`;
    expect(records.map(byCode).sort()).toEqual([
      '200:-',
      '200:-',
      '403:Network',
      '403:Service',
      '403:Service',
      '403:Service',
      '403:Service',
    ]);
    const allowed = records.find((r) => r.responseCode === 200)!;
    expect(allowed).toMatchObject({
      serviceArn: estate.serviceArn,
      serviceNetworkArn: estate.serviceNetworkArn,
      sourceVpcId: PAYMENTS_VPC.vpcId,
      sourceVpcArn: `arn:aws:ec2:us-east-1:${payments.accountId}:vpc/${PAYMENTS_VPC.vpcId}`,
      callerPrincipal: `arn:aws:sts::${payments.accountId}:assumed-role/payments-prod-invoker/app-session`,
      callerPrincipalOrgID: DEMO_ORG_ID,
      failureReason: '-',
      hostHeader: estate.serviceDnsName,
    });
    expect(allowed.startTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(allowed.bytesSent).toBeGreaterThan(0);
    expect(allowed.duration).toBeGreaterThanOrEqual(allowed.requestToTargetDuration as number);
    const denied = records.find((r) => r.authDeniedReason === 'Service')!;
    expect(denied).toMatchObject({
      failureReason: 'ClientAccessDenied',
      targetIpPort: '-',
      targetGroupArn: '-',
      requestToTargetDuration: 0,
    });
    const foreign = records.find((r) => r.authDeniedReason === 'Network')!;
    expect(foreign.callerPrincipalOrgID).toBe('-');
    expect(records.map((r) => r.requestPath)).toContain(
      `/model/invoke?modelid=${GRANTED_MODEL}&modelid=${OTHER_MODEL}`,
    );
  });

  it('writes one Bedrock invocation record per allowed call, as the proxy, with the caller in requestMetadata', async () => {
    const prefix = `AWSLogs/${DEMO_GENAI_ACCOUNT}/BedrockModelInvocationLogs/us-east-1/`;
    const { keys, records } = await readGzipLines(DEMO_INVOCATION_LOG_BUCKET, prefix);
    for (const key of keys) {
      expect(key).toMatch(
        new RegExp(
          `^${prefix}\\d{4}/\\d{2}/\\d{2}/\\d{2}/${DEMO_GENAI_ACCOUNT}_BedrockModelInvocationLogs_us-east-1_\\d{10}_[0-9a-f]{8}\\.json\\.gz$`,
        ),
      );
    }
    expect(records).toHaveLength(2);
    const sample = fixture('bedrock-invocation-log-record.json');
    for (const r of records) {
      for (const k of Object.keys(sample)) expect(r, k).toHaveProperty(k);
      expect(r).toMatchObject({
        schemaType: 'ModelInvocationLog',
        accountId: DEMO_GENAI_ACCOUNT,
        modelId: GRANTED_MODEL,
        identity: {
          arn: DEMO_PROXY_ROLE_ARN.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/proxy',
        },
        requestMetadata: {
          team: 'payments',
          principal: `arn:aws:sts::${payments.accountId}:assumed-role/payments-prod-invoker/app-session`,
        },
      });
      expect((r.input as { inputTokenCount: number }).inputTokenCount).toBeGreaterThan(0);
    }
    expect(records.map((r) => r.operation).sort()).toEqual(['Converse', 'InvokeModel']);
    // The Lattice request id travels with the call, so usage can join the two logs.
    const ids = [answers.granted, answers.converse].map((a) => (a === 'dropped' ? null : a?.requestId));
    expect(
      records.map((r) => (r.requestMetadata as { latticeRequestId: string }).latticeRequestId).sort(),
    ).toEqual(ids.sort());
  });

  it('delivers the same records as events to a CloudWatch Logs destination', async () => {
    const genaiConfig = await t.configAs(`arn:aws:iam::${DEMO_GENAI_ACCOUNT}:role/BedrockAccessPortal`);
    const logs = new CloudWatchLogsClient(genaiConfig);
    const messages: string[] = [];
    for await (const page of paginateFilterLogEvents({ client: logs }, { logGroupName: LOG_GROUP })) {
      messages.push(...(page.events ?? []).map((e) => e.message!));
    }
    expect(messages).toHaveLength(7);
    const denied = await logs.send(
      new FilterLogEventsCommand({ logGroupName: LOG_GROUP, filterPattern: '{ $.responseCode = 403 }' }),
    );
    expect(denied.events).toHaveLength(5);
  });

  it('serves the service at its DNS name (Host header) too, and refuses an anonymous caller at the network', async () => {
    const url = new URL(t.sandbox.url);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: `/model/invoke?modelid=${GRANTED_MODEL}`,
          headers: { host: estate.serviceDnsName, 'x-sandbox-source-vpc': PAYMENTS_VPC.vpcId },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('User: anonymous is not authorized');
    expect(answer.text).toContain('no network-based policy');
  });

  it('decides with the live policy: replacing it changes the next answer', async () => {
    const genai = t.aws.clients('genai');
    const policy = compileAuthPolicy([{ principal: GRANTED_ROLE, models: [GRANTED_MODEL, OTHER_MODEL] }], {
      serviceArn: estate.serviceArn,
      orgId: DEMO_ORG_ID,
    });
    await putAuthPolicy(genai, { resourceIdentifier: estate.serviceArn, policy: policy.json });
    const now = await invoke({
      roleArn: GRANTED_ROLE,
      vpcId: PAYMENTS_VPC.vpcId,
      query: `modelid=${OTHER_MODEL}`,
    });
    expect(now !== 'dropped' && now.status).toBe(200);
  });
});
