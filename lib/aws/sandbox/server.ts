import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TCtx, TSandboxRequest, TSandboxResponse } from './context';
import { SandboxError, validationError } from './errors';
import { requestId as newRequestId } from './ids';
import { dispatch, RAM_OPERATION_PATHS } from './router';
import { authenticate, parseAuthorization } from './sigv4';
import { advanceState, SandboxStore } from './state';
import { handleSts, stsErrorXml } from './sts';
import { buildDemoSandboxWorld, type TSandboxWorld } from './world';

/**
 * A wire-level emulator of the VPC Lattice, RAM and STS operations the portal uses, on one HTTP port. The real
 * SDK clients reach it through their `endpoint` override; the service is picked from the SigV4 credential scope.
 */
export interface TSandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Directory for the JSON state file; created when missing. */
  stateDir: string;
  world?: TSandboxWorld;
  /** How long associations stay CREATE_IN_PROGRESS / ASSOCIATING / DELETE_IN_PROGRESS. Default 2000 ms. */
  associationDelayMs?: number;
  /** Recompute SigV4 signatures (default true). */
  verifySignatures?: boolean;
  /** Clock override for tests. */
  clock?: () => number;
}

export interface TSandboxHandle {
  url: string;
  port: number;
  world: TSandboxWorld;
  close(): Promise<void>;
}

type TService = 'vpc-lattice' | 'ram' | 'sts';

const STS_AUTH_CODES: Record<string, string> = {
  InvalidSignatureException: 'SignatureDoesNotMatch',
  UnrecognizedClientException: 'InvalidClientTokenId',
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  IncompleteSignatureException: 'IncompleteSignature',
  ExpiredTokenException: 'ExpiredToken',
};

function pickService(req: IncomingMessage, rawPath: string): TService {
  const scope = parseAuthorization(
    Array.isArray(req.headers.authorization) ? req.headers.authorization[0] : req.headers.authorization,
  )?.service;
  if (scope === 'vpc-lattice' || scope === 'ram' || scope === 'sts') return scope;
  // Unsigned or unparseable requests still get the right protocol's error shape.
  if (rawPath === '/' && req.method === 'POST') return 'sts';
  const first = rawPath.split('/')[1] ?? '';
  return RAM_OPERATION_PATHS.has(first) ? 'ram' : 'vpc-lattice';
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, service: TService, requestId: string, out: TSandboxResponse): void {
  res.statusCode = out.status;
  res.setHeader('x-amzn-requestid', requestId);
  for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
  if (out.status === 204 || out.body === undefined) {
    res.end();
    return;
  }
  if (service === 'sts') {
    res.setHeader('content-type', 'text/xml');
    res.end(String(out.body));
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(out.body));
}

function errorResponse(service: TService, requestId: string, error: unknown): TSandboxResponse {
  const e =
    error instanceof SandboxError
      ? error
      : new SandboxError(
          500,
          service === 'ram'
            ? 'ServerInternalException'
            : service === 'sts'
              ? 'InternalFailure'
              : 'InternalServerException',
          'Internal error in the sandbox',
        );
  if (!(error instanceof SandboxError)) console.error('[sandbox] internal error', error);
  if (service === 'sts') {
    // The query protocol names the same authentication failures differently.
    const code = STS_AUTH_CODES[e.code] ?? e.code;
    return { status: e.status, body: stsErrorXml(new SandboxError(e.status, code, e.message), requestId) };
  }
  return {
    status: e.status,
    headers: { 'x-amzn-errortype': e.code, ...e.headers },
    body: { message: e.message, ...e.fields },
  };
}

export async function startSandbox(options: TSandboxOptions): Promise<TSandboxHandle> {
  const world = options.world ?? buildDemoSandboxWorld();
  const store = new SandboxStore(options.stateDir);
  const delay = options.associationDelayMs ?? 2000;
  const verify = options.verifySignatures ?? true;
  const clock = options.clock ?? Date.now;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q >= 0 ? url.slice(0, q) : url;
    const rawQuery = q >= 0 ? url.slice(q + 1) : '';
    const service = pickService(req, rawPath);
    const method = (req.method ?? 'GET').toUpperCase();
    let snapshot: string | undefined;
    try {
      const rawBody = await readBody(req);
      const now = clock();
      // The sandbox's own time, as AWS sends its own: the SDK corrects a skewed client clock from this header.
      res.setHeader('date', new Date(now).toUTCString());
      if (advanceState(store.state, now)) store.save();
      const { caller } = await authenticate(
        world,
        store.state,
        { method, rawPath, rawQuery, headers: req.headers, body: rawBody },
        now,
        verify,
      );
      const ctx: TCtx = {
        world,
        store,
        state: store.state,
        caller,
        now,
        associationDelayMs: delay,
        dirty: false,
      };
      let out: TSandboxResponse;
      // A failed call must leave no partial change behind: restore the snapshot on error.
      if (method !== 'GET') snapshot = JSON.stringify(store.state);
      if (service === 'sts') {
        out = handleSts(ctx, new URLSearchParams(rawBody.toString('utf8')), requestId);
      } else {
        let segments: string[];
        try {
          segments = rawPath
            .split('/')
            .filter(Boolean)
            .map((s) => decodeURIComponent(s));
        } catch {
          throw validationError('The request path is not valid percent-encoding', undefined, 'cannotParse');
        }
        let json: Record<string, unknown> = {};
        if (rawBody.length > 0) {
          try {
            const parsed = JSON.parse(rawBody.toString('utf8')) as unknown;
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
              json = parsed as Record<string, unknown>;
          } catch {
            throw new SandboxError(400, 'SerializationException', 'The request body is not valid JSON');
          }
        }
        const request: TSandboxRequest = {
          method,
          rawPath,
          segments,
          query: new URLSearchParams(rawQuery),
          headers: req.headers,
          rawBody,
          json,
        };
        out = dispatch(service, ctx, request);
      }
      if (ctx.dirty) store.save();
      send(res, service, requestId, out);
    } catch (error) {
      if (snapshot !== undefined) store.state = JSON.parse(snapshot) as typeof store.state;
      send(res, service, requestId, errorResponse(service, requestId, error));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] failed to answer', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    port,
    world,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
