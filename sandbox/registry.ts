import type { IncomingHttpHeaders } from 'node:http';
import type { TSandboxClock } from './clock';
import type { SandboxError } from './errors';
import type { IdentityStore } from './identity';
import type { TSandboxInjected } from './injected';
import type { TSandboxOptions } from './options';
import type { TSandboxWorld } from './world';

/**
 * The service registry: everything the generic dispatcher (server.ts) needs to know about a service. The
 * dispatcher picks a service, reads the body under the service's cap, checks the signature as the service allows,
 * finds the operation, applies injected faults and counts the outcome; it names no service. Adding a service is
 * adding a factory to services/index.ts.
 */
export type TProtocol = 'restJson' | 'awsQuery' | 'awsJson1_1' | 'restXml';

/** Who is calling: resolved from the request's access key (sigv4.ts). */
export interface TCaller {
  accountId: string;
  /** IAM user ARN or `arn:aws:sts::<acct>:assumed-role/<name>/<session>`. */
  arn: string;
  userId: string;
  accessKeyId: string;
}

/** What the dispatcher knows before the body is read: enough to pick a service. */
export interface TRequestHead {
  method: string;
  /** Path as sent, still percent-encoded, without the query. */
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Host header without the port, lower case. */
  hostname: string;
  /** The SigV4 credential scope's service, when the request carries a parseable Authorization header. */
  signingName?: string;
}

export interface TSandboxRequest extends TRequestHead {
  /** Path split on `/` before decoding, then each segment percent-decoded (ARNs contain `/`). */
  segments: string[];
  query: URLSearchParams;
  rawBody: Buffer;
  /** restJson / awsJson1_1: the JSON object body (`{}` when empty). */
  json: Record<string, unknown>;
  /** awsQuery: the form-encoded body. */
  form: URLSearchParams;
}

/**
 * A response. `body` as an object is JSON-encoded for the JSON protocols; a string or Buffer is sent as is (XML,
 * object bytes). Headers override the protocol's content-type.
 */
export interface TSandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer nothing and close the connection (the data plane: a name that routes nowhere from the caller's VPC). */
  dropConnection?: boolean;
}

/** What every handler receives besides the request. */
export interface TServiceCall {
  requestId: string;
  /** The sandbox clock at the start of the request (epoch ms). */
  now: number;
  clock: TSandboxClock;
  /** null only for services whose `authentication` is 'optional' and an unsigned request. */
  caller: TCaller | null;
  world: TSandboxWorld;
  service: TServiceDefinition;
  operation: string;
  injected: TSandboxInjected;
}

export type THandler = (
  call: TServiceCall,
  req: TSandboxRequest,
  /** Values of the path template's `*` / `**` parts, in order (already percent-decoded). */
  params: string[],
) => TSandboxResponse | Promise<TSandboxResponse>;

export interface TOperationDefinition {
  /** The AWS operation name (CreateServiceNetwork); faults and call counters are keyed by it. */
  name: string;
  /**
   * restJson / restXml: HTTP method ('*' for any) and path template: literal segments, `*` for one segment,
   * `**` for the rest of the path (zero or more segments, joined with `/`).
   */
  method?: string;
  path?: string;
  /** awsJson1_1: the operation's `x-amz-target` (e.g. `Logs_20140328.PutLogEvents`). */
  target?: string;
  /** awsQuery: the `Action` form field. */
  action?: string;
  /** Extra discrimination among routes with the same method and path (e.g. S3's `?list-type=2`). */
  match?: (req: TSandboxRequest) => boolean;
  handler: THandler;
}

export type TFaultKind = 'throttle' | '5xx' | 'timeout' | 'conflict';

export interface TServiceDefinition {
  /** Name in counters, fault rules and docs; usually the signing name (`vpc-lattice`, `s3`). */
  name: string;
  /** The SigV4 credential-scope service that selects this service. */
  signingName: string;
  protocol: TProtocol;
  /** Largest request body accepted; larger ones are refused while streaming, before any work. */
  maxBodyBytes: number;
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD` (and the STREAMING-UNSIGNED variant): S3, Lattice data plane. */
  allowUnsignedPayload: boolean;
  /** SigV4 canonical URI: false for S3, which signs the path as sent; default true (escaped again). */
  uriEscapePath?: boolean;
  /** 'required' (default): unsigned requests are refused. 'optional': anonymous callers reach the handler. */
  authentication?: 'required' | 'optional';
  /**
   * Checked before the SigV4 scope: true when this request belongs to the service whatever it is signed for
   * (e.g. the data plane, by Host header or path prefix).
   */
  claims?: (head: TRequestHead) => boolean;
  /**
   * For requests without a usable SigV4 scope: true when the request looks like this service's, so its error is
   * answered in this service's shape. Defaults: awsJson1_1 by `x-amz-target` prefix, awsQuery by `POST /` with a
   * form body, rest protocols by a matching route. Services are asked in registration order.
   */
  claimsUnsigned?: (head: TRequestHead) => boolean;
  /** awsJson1_1: the `x-amz-target` prefix (`Logs_20140328.`). */
  targetPrefix?: string;
  /** awsQuery: the XML namespace of responses and errors. */
  xmlNamespace?: string;
  operations: TOperationDefinition[];
  /** Error code for a request no operation matches (default `UnknownOperationException`). */
  unknownOperation?: (req: TSandboxRequest) => SandboxError;
  /** Authentication failures under this service's names (STS: `InvalidClientTokenId`, S3: `InvalidAccessKeyId`). */
  authErrorCodes?: Partial<Record<TAuthFailure, string>>;
  /** The service's own error for an injected fault; defaults per protocol (faults.ts). */
  faultError?: (kind: Exclude<TFaultKind, 'timeout'>) => SandboxError | undefined;
  /** The service's own answer to an oversized body; default 413 `RequestEntityTooLargeException`. */
  tooLarge?: (limit: number) => SandboxError;
  /** Render an error in the service's wire shape; defaults per protocol (protocols.ts). */
  renderError?: (error: SandboxError, requestId: string) => TSandboxResponse;
  /** Stop timers and flush on shutdown. */
  close?: () => void | Promise<void>;
}

export type TAuthFailure =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'ExpiredTokenException';

/**
 * What a service factory gets: where to keep its files, the world, the clock, the identities, the start options
 * (including injected functions) and a small shared space where one service offers something to another (the
 * Lattice control plane offers its state to the data plane).
 */
export interface TSandboxRuntime {
  stateDir: string;
  world: TSandboxWorld;
  clock: TSandboxClock;
  identities: IdentityStore;
  options: TSandboxOptions;
  injected: TSandboxInjected;
  provide<T>(key: string, value: T): void;
  use<T>(key: string): T;
  /** Called once the server listens, with its base URL (the traffic generator calls the sandbox over HTTP). */
  onListening(callback: (url: string) => void): void;
}

export type TServiceFactory = (
  runtime: TSandboxRuntime,
) => TServiceDefinition | TServiceDefinition[] | Promise<TServiceDefinition | TServiceDefinition[]>;
