import { SandboxError } from '../errors';
import type {
  TRequestHead,
  TSandboxRequest,
  TSandboxResponse,
  TServiceCall,
  TServiceDefinition,
} from '../registry';
import { serveLatticeRequest, type TDataPlaneDeps } from './serve-lattice-request';

/**
 * The VPC Lattice data plane in the service registry (signing name `vpc-lattice-svcs`). It claims a request by
 * where it is sent, before any signature is looked at, as Lattice's own listener would:
 * - to the service's DNS name (`<name>-<id>.<suffix>.vpc-lattice-svcs.<region>.on.aws`) or custom domain, i.e.
 *   the Host header (`curl --connect-to`, or an SDK whose endpoint resolves to the sandbox);
 * - or through the path prefix `/vpc-lattice-svcs/<DNS name or service id>/<path>` on the sandbox's own host.
 * Unsigned requests reach it (anonymous callers are an auth-policy matter); signed ones may use UNSIGNED-PAYLOAD.
 * The caller's VPC comes from the `x-sandbox-source-vpc` header (a client in AWS does not choose it; the network
 * does), else the caller's account's first associated VPC.
 */
export const DATA_PLANE_PREFIX = '/vpc-lattice-svcs/';
export const SOURCE_VPC_HEADER = 'x-sandbox-source-vpc';
const LATTICE_HOST_RE = /\.vpc-lattice-svcs\.[a-z0-9-]+\.on\.aws$/;
/** Lattice's limit on a request body is far above anything a Bedrock prompt needs; 20 MB keeps memory bounded. */
export const DATA_PLANE_MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface TDataPlaneServiceInput {
  deps: TDataPlaneDeps;
  /** Custom domain names of the services, for the Host-header claim. */
  customDomains: () => string[];
  /** Wait the simulated latency before answering (off by default: tests and backfills must not sleep). */
  realLatency?: boolean;
  beforeRequest?: (now: number) => void;
}

function headerOf(headers: TSandboxRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function dataPlaneService(input: TDataPlaneServiceInput): TServiceDefinition {
  const claims = (head: TRequestHead) =>
    head.rawPath.startsWith(DATA_PLANE_PREFIX) ||
    LATTICE_HOST_RE.test(head.hostname) ||
    (head.hostname !== '' && input.customDomains().includes(head.hostname));

  const handler = async (call: TServiceCall, req: TSandboxRequest): Promise<TSandboxResponse> => {
    input.beforeRequest?.(call.now);
    let service = req.hostname;
    let path = req.rawPath;
    if (req.rawPath.startsWith(DATA_PLANE_PREFIX)) {
      const rest = req.rawPath.slice(DATA_PLANE_PREFIX.length);
      const slash = rest.indexOf('/');
      service = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
      path = slash < 0 ? '/' : rest.slice(slash);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined && k !== SOURCE_VPC_HEADER) headers[k] = Array.isArray(v) ? v.join(',') : v;
    }
    const outcome = serveLatticeRequest(input.deps, {
      requestId: call.requestId,
      startTime: call.now,
      method: req.method,
      service,
      host: LATTICE_HOST_RE.test(req.hostname) ? req.hostname : service,
      path,
      rawQuery: req.rawQuery,
      headers,
      bytesReceived: req.rawBody.length,
      caller: call.caller ? { arn: call.caller.arn, accountId: call.caller.accountId } : null,
      sourceVpcId: headerOf(req.headers, SOURCE_VPC_HEADER),
      userAgent: headerOf(req.headers, 'user-agent'),
    });
    if (outcome.kind === 'unreachable') {
      // The name does not resolve (or routes nowhere) from that VPC: no HTTP answer at all.
      return { status: 0, dropConnection: true, headers: { 'x-sandbox-unreachable': outcome.reason } };
    }
    if (input.realLatency) await new Promise((r) => setTimeout(r, outcome.durationMs));
    return {
      status: outcome.status,
      headers: { 'content-type': outcome.contentType },
      body: outcome.renderBody(),
    };
  };

  return {
    name: 'vpc-lattice-svcs',
    signingName: 'vpc-lattice-svcs',
    protocol: 'restJson',
    maxBodyBytes: DATA_PLANE_MAX_BODY_BYTES,
    allowUnsignedPayload: true,
    authentication: 'optional',
    claims,
    claimsUnsigned: claims,
    operations: [{ name: 'Invoke', method: '*', path: '**', handler }],
    faultError: (kind) =>
      ({
        throttle: new SandboxError(429, 'ThrottlingException', 'Rate exceeded'),
        '5xx': new SandboxError(503, 'ServiceUnavailable', 'Service Unavailable'),
        conflict: new SandboxError(409, 'ConflictException', 'Conflict'),
      })[kind],
    renderError: (error) => ({
      status: error.status,
      headers: { 'content-type': 'text/plain' },
      body: `${error.code}: ${error.message}`,
    }),
  };
}
