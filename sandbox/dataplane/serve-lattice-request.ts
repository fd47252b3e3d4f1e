import { createHash } from 'node:crypto';
import { buildAccessLogRecord, type TAccessLogRecord } from './access-log-record';
import type { TAuthDecision, TLatticeAuthContext } from './auth-evaluator';
import { answerAsBedrockProxy } from './bedrock-proxy';
import {
  buildInvocationLogRecord,
  cleanRequestMetadata,
  type TInvocationLogRecord,
} from './invocation-log-record';
import {
  parseDestinationArn,
  type LogDelivery,
  type TDeliveryStream,
  type TDestination,
} from './log-delivery';

/**
 * The VPC Lattice data plane for one request, without HTTP: route by the caller's VPC (it must be associated,
 * ACTIVE, with a service network the service is associated with, or the name does not resolve there), authorize
 * against the live auth policies (the service network's, then the service's, each only when its auth type is
 * AWS_IAM; AWS_IAM without a policy denies), answer through the simulated Bedrock proxy, and hand the access-log
 * record (every answered request) and the invocation-log record (every call that reached Bedrock) to delivery.
 * The live HTTP server and the backfill both come through here, so both write the same records.
 */
export interface TDataPlaneView {
  region: string;
  orgId: string;
  orgAccountIds: readonly string[];
  roles: readonly { arn: string; accountId: string; name: string }[];
  vpcs: readonly { vpcId: string; ownerAccountId: string }[];
  services: readonly {
    id: string;
    name: string;
    arn: string;
    accountId: string;
    authType: 'NONE' | 'AWS_IAM';
    dnsEntry: { domainName: string };
    customDomainName?: string;
  }[];
  serviceNetworks: readonly { id: string; arn: string; accountId: string; authType: 'NONE' | 'AWS_IAM' }[];
  vpcAssociations: readonly { vpcId: string; serviceNetworkArn: string; status: string }[];
  serviceAssociations: readonly { serviceArn: string; serviceNetworkArn: string; status: string }[];
  authPolicies: readonly { resourceArn: string; policy: string }[];
  accessLogSubscriptions: readonly {
    arn: string;
    accountId: string;
    resourceId: string;
    resourceArn: string;
    destinationArn: string;
    serviceNetworkLogType?: 'SERVICE' | 'RESOURCE';
  }[];
}

export interface TCallerIdentity {
  arn: string;
  accountId: string;
}

export interface TDataPlaneRequest {
  requestId: string;
  startTime: number;
  method: string;
  /** The service's DNS name (or custom domain, or id) the request was sent to. */
  service: string;
  /** Host header as sent. */
  host: string;
  /** Path relative to the service, without the query string. */
  path: string;
  /** Raw query string (no `?`). */
  rawQuery: string;
  headers: Record<string, string>;
  bytesReceived: number;
  caller: TCallerIdentity | null;
  /** The VPC the client runs in; when absent, the caller's account's first associated VPC. */
  sourceVpcId?: string;
  userAgent?: string;
}

export type TDataPlaneOutcome =
  | { kind: 'unreachable'; reason: string }
  | {
      kind: 'answered';
      status: number;
      contentType: string;
      renderBody: () => string;
      bytesSent: number;
      /** What the request cost in time (ms), as the access log reports it. */
      durationMs: number;
      accessLog: TAccessLogRecord;
      invocation?: TInvocationLogRecord;
    };

export interface TBedrockProxyOptions {
  /**
   * IAM role the proxy runs as; the invocation log's identity is its session `…/assumed-role/<name>/proxy`.
   * Default: `bedrock-proxy-exec` in the service owner's account.
   */
  roleArn?: string;
  /** Where Bedrock's model invocation logging writes (the proxy's account and Region). */
  invocationLogDestinationArns: string[];
  throttleRate?: number;
  errorRate?: number;
}

export interface TDataPlaneDeps {
  view: () => TDataPlaneView;
  evaluate: (policy: string, request: TLatticeAuthContext) => TAuthDecision;
  delivery: LogDelivery;
  proxy: TBedrockProxyOptions;
}

const hex = (text: string, n: number) => createHash('sha256').update(text).digest('hex').slice(0, n);

function queryMultiMap(rawQuery: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) (out[k] ??= []).push(v);
  return out;
}

function sessionArnOf(roleArn: string, session: string): string {
  const m = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m ? `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[3]}/${session}` : roleArn;
}

/** aws:PrincipalArn: an assumed-role session names its role, whose ARN carries the IAM path. */
function principalArnOf(view: TDataPlaneView, caller: TCallerIdentity): string {
  const m = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(caller.arn);
  if (!m) return caller.arn;
  return (
    view.roles.find((r) => r.accountId === m[1] && r.name === m[2])?.arn ??
    `arn:aws:iam::${m[1]}:role/${m[2]}`
  );
}

/** Model and operation of a Bedrock runtime call: `/model/<id>/<op>`, or `?modelid=<id>` (the policy's key). */
export function bedrockCallOf(
  path: string,
  query: Record<string, string[]>,
): { modelId?: string; operation: string } | null {
  const m = /^\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/.exec(path);
  const fromQuery = query.modelid?.[0];
  const op = (name: string) =>
    ({
      converse: 'Converse',
      'converse-stream': 'ConverseStream',
      invoke: 'InvokeModel',
      'invoke-with-response-stream': 'InvokeModelWithResponseStream',
    })[name] ?? 'InvokeModel';
  if (m) {
    let modelId: string | undefined;
    try {
      modelId = decodeURIComponent(m[1]!);
    } catch {
      modelId = undefined;
    }
    return { modelId: fromQuery ?? modelId, operation: op(m[2]!) };
  }
  if (/^\/model\/(invoke|converse)$/.test(path) || path === '/invoke' || path === '/') {
    return { modelId: fromQuery, operation: path.endsWith('converse') ? 'Converse' : 'InvokeModel' };
  }
  return null;
}

export function subscriptionStreams(
  view: TDataPlaneView,
  serviceArn: string,
  serviceNetworkArn: string,
): TDeliveryStream[] {
  const out: TDeliveryStream[] = [];
  for (const s of view.accessLogSubscriptions) {
    const applies =
      s.resourceArn === serviceArn ||
      (s.resourceArn === serviceNetworkArn && (s.serviceNetworkLogType ?? 'SERVICE') === 'SERVICE');
    const destination = applies ? parseDestinationArn(s.destinationArn) : null;
    if (destination)
      out.push({
        kind: 'access',
        accountId: s.accountId,
        region: view.region,
        resourceId: s.resourceId,
        destination,
      });
  }
  return out;
}

export function invocationStreams(
  proxyRoleArn: string,
  destinationArns: string[],
  region: string,
): TDeliveryStream[] {
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(proxyRoleArn)?.[1] ?? '000000000000';
  return destinationArns
    .map((arn) => parseDestinationArn(arn))
    .filter((d): d is TDestination => d !== null)
    .map((destination) => ({ kind: 'invocation' as const, accountId: account, region, destination }));
}

export function serveLatticeRequest(deps: TDataPlaneDeps, req: TDataPlaneRequest): TDataPlaneOutcome {
  const view = deps.view();
  const wanted = req.service.toLowerCase();
  const service = view.services.find(
    (s) =>
      s.dnsEntry.domainName.toLowerCase() === wanted ||
      s.customDomainName?.toLowerCase() === wanted ||
      s.id === wanted,
  );
  if (!service)
    return { kind: 'unreachable', reason: `${req.service} does not resolve: no such VPC Lattice service` };
  const reachable = (vpcId: string) => {
    const a = view.vpcAssociations.find((x) => x.vpcId === vpcId && x.status === 'ACTIVE');
    if (!a) return undefined;
    const sa = view.serviceAssociations.find(
      (x) =>
        x.serviceArn === service.arn && x.serviceNetworkArn === a.serviceNetworkArn && x.status === 'ACTIVE',
    );
    return sa ? view.serviceNetworks.find((n) => n.arn === a.serviceNetworkArn) : undefined;
  };
  const vpc =
    req.sourceVpcId !== undefined
      ? view.vpcs.find((v) => v.vpcId === req.sourceVpcId)
      : view.vpcs.find((v) => v.ownerAccountId === req.caller?.accountId && reachable(v.vpcId));
  if (!vpc) {
    return {
      kind: 'unreachable',
      reason: req.sourceVpcId
        ? `VPC ${req.sourceVpcId} does not exist`
        : 'the caller names no source VPC and its account has none associated',
    };
  }
  const network = reachable(vpc.vpcId);
  if (!network) {
    return {
      kind: 'unreachable',
      reason: `${req.service} does not resolve in ${vpc.vpcId}: the VPC is not associated (ACTIVE) with a service network the service is associated with`,
    };
  }

  const query = queryMultiMap(req.rawQuery);
  const inOrg = req.caller !== null && view.orgAccountIds.includes(req.caller.accountId);
  const context: TLatticeAuthContext = {
    principal: req.caller?.arn ?? null,
    ...(req.caller
      ? { principalArn: principalArnOf(view, req.caller), principalAccount: req.caller.accountId }
      : {}),
    ...(inOrg ? { principalOrgId: view.orgId } : {}),
    action: 'vpc-lattice-svcs:Invoke',
    serviceArn: service.arn,
    serviceNetworkArn: network.arn,
    method: req.method,
    path: req.path,
    query,
    headers: req.headers,
    sourceVpc: vpc.vpcId,
    sourceVpcOwnerAccount: vpc.ownerAccountId,
    port: 443,
  };
  const policyOf = (arn: string) => view.authPolicies.find((p) => p.resourceArn === arn)?.policy;
  const allows = (authType: 'NONE' | 'AWS_IAM', arn: string) => {
    if (authType === 'NONE') return true;
    const policy = policyOf(arn);
    return policy !== undefined && deps.evaluate(policy, context) === 'ALLOW';
  };
  let denied: 'Network' | 'Service' | null = null;
  if (!allows(network.authType, network.arn)) denied = 'Network';
  else if (!allows(service.authType, service.arn)) denied = 'Service';

  const requestPath = req.rawQuery ? `${req.path}?${req.rawQuery}` : req.path;
  // Addresses and small timings derived from the request id: one hash, sliced.
  const bytes = createHash('sha256').update(req.requestId).digest();
  const r = (n: number) => bytes.readUInt16BE(n * 2);
  const sourceIpPort = `10.${parseInt(hex(vpc.vpcId, 2), 16)}.${r(1) & 0xff}.${r(2) & 0xff}:${1024 + (r(3) % 64000)}`;
  const base = {
    serviceNetworkArn: network.arn,
    serviceArn: service.arn,
    caller: req.caller?.arn ?? null,
    callerOrgId: inOrg ? view.orgId : null,
    region: view.region,
    sourceVpcId: vpc.vpcId,
    sourceVpcOwnerAccountId: vpc.ownerAccountId,
    destinationVpcId: `vpc-${hex(service.arn, 17)}`,
    sourceIpPort,
    startTime: req.startTime,
    method: req.method,
    requestPath,
    bytesReceived: req.bytesReceived,
    userAgent: req.userAgent ?? req.headers['user-agent'] ?? '-',
    host: req.host,
  };

  const subscriptions = subscriptionStreams(view, service.arn, network.arn);
  const deliver = (record: TAccessLogRecord) => {
    for (const s of subscriptions) deps.delivery.add(s, req.startTime, record);
  };

  if (denied) {
    const who = req.caller?.arn ?? 'anonymous';
    const body = `AccessDeniedException: User: ${who} is not authorized to perform: vpc-lattice-svcs:Invoke on resource: ${service.arn}${req.path} because no ${denied === 'Network' ? 'network' : 'service'}-based policy allows the vpc-lattice-svcs:Invoke action`;
    const durationMs = 1 + (r(4) % 4);
    const accessLog = buildAccessLogRecord({
      ...base,
      target: null,
      responseCode: 403,
      bytesSent: 0,
      durationMs,
      authDeniedReason: denied,
      failureReason: 'ClientAccessDenied',
    });
    deliver(accessLog);
    return {
      kind: 'answered',
      status: 403,
      contentType: 'text/plain',
      renderBody: () => body,
      bytesSent: 0,
      durationMs,
      accessLog,
    };
  }

  const target = {
    groupArn: `arn:aws:vpc-lattice:${view.region}:${service.accountId}:targetgroup/tg-${hex(`${service.arn}|tg`, 17)}`,
    ipPort: `172.31.${r(5) & 0xff}.${r(6) & 0xff}:443`,
  };
  const call = bedrockCallOf(req.path, query);
  if (!call || !call.modelId || req.method !== 'POST') {
    const body = JSON.stringify({
      message: call
        ? 'A model id is required (path /model/<id>/… or ?modelid=)'
        : `No route for ${req.method} ${req.path}`,
    });
    const status = call && req.method === 'POST' ? 400 : 404;
    const accessLog = buildAccessLogRecord({
      ...base,
      target: { ...target, requestMs: 2, responseMs: 0 },
      responseCode: status,
      bytesSent: body.length,
      durationMs: 3,
      authDeniedReason: null,
      failureReason: null,
    });
    deliver(accessLog);
    return {
      kind: 'answered',
      status,
      contentType: 'application/json',
      renderBody: () => body,
      bytesSent: body.length,
      durationMs: 3,
      accessLog,
    };
  }

  const proxyRoleArn = deps.proxy.roleArn ?? `arn:aws:iam::${service.accountId}:role/bedrock-proxy-exec`;
  const answer = answerAsBedrockProxy({
    requestId: req.requestId,
    modelId: call.modelId,
    operation: call.operation,
    bytesReceived: req.bytesReceived,
    throttleRate: deps.proxy.throttleRate,
    errorRate: deps.proxy.errorRate,
  });
  const durationMs = answer.targetMs + answer.responseMs + 1;
  const accessLog = buildAccessLogRecord({
    ...base,
    target: { ...target, requestMs: answer.targetMs, responseMs: answer.responseMs },
    responseCode: answer.status,
    bytesSent: answer.bodyBytes,
    durationMs,
    authDeniedReason: null,
    failureReason: null,
  });
  deliver(accessLog);
  let metadata: Record<string, unknown> = {};
  try {
    const sent = req.headers['x-amzn-bedrock-request-metadata'];
    if (sent) metadata = JSON.parse(sent) as Record<string, unknown>;
  } catch {
    metadata = {};
  }
  // A throttled call never reached the model, so Bedrock logs no invocation for it.
  const invocation =
    answer.status === 429
      ? undefined
      : buildInvocationLogRecord({
          accountId: /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(proxyRoleArn)?.[1] ?? service.accountId,
          region: view.region,
          requestId: bytes
            .subarray(14, 30)
            .toString('hex')
            .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
          operation: call.operation,
          modelId: call.modelId,
          identityArn: sessionArnOf(proxyRoleArn, 'proxy'),
          requestMetadata: {
            ...cleanRequestMetadata(metadata),
            ...(req.caller ? { principal: req.caller.arn } : {}),
            latticeRequestId: req.requestId,
          },
          timestamp: req.startTime + answer.targetMs,
          errorCode: answer.errorCode,
          tokens: answer.tokens,
        });
  if (invocation) {
    for (const s of invocationStreams(proxyRoleArn, deps.proxy.invocationLogDestinationArns, view.region))
      deps.delivery.add(s, req.startTime + answer.targetMs, invocation);
  }
  return {
    kind: 'answered',
    status: answer.status,
    contentType: answer.contentType,
    renderBody: answer.renderBody,
    bytesSent: answer.bodyBytes,
    durationMs,
    accessLog,
    invocation,
  };
}
