import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin';
import { createClock, isClock, type TSandboxClock } from './clock';
import { SandboxError, validationError } from './errors';
import { CallCounters, FaultInjector, faultError } from './faults';
import { IdentityStore } from './identity';
import { requestId as newRequestId } from './ids';
import type { TSandboxOptions } from './options';
import { encodeBody, noServiceError, parseJsonBody, renderError } from './protocols';
import type {
  TOperationDefinition,
  TRequestHead,
  TSandboxRequest,
  TSandboxResponse,
  TSandboxRuntime,
  TServiceCall,
  TServiceDefinition,
} from './registry';
import { SERVICE_FACTORIES } from './services';
import { authenticate, parseAuthorization } from './sigv4';
import type { TSandboxWorld } from './world';

/**
 * The generic dispatcher: one HTTP port for every registered service. Per request it picks the service (a
 * service's own claim, else the SigV4 credential scope, else the first service that recognises the request), reads
 * the body under the service's cap, authenticates, finds the operation, serves an injected fault or runs the
 * handler, counts the outcome and encodes the answer in the service's protocol. It names no service.
 */
export interface TSandboxHandle {
  url: string;
  port: number;
  world: TSandboxWorld;
  /** The sandbox clock: `clock.advance(ms)` instead of sleeping. */
  clock: TSandboxClock;
  /** Key of the admin endpoint (`x-sandbox-admin-key` header on `/_sandbox/...`). */
  adminKey: string;
  faults: FaultInjector;
  calls: CallCounters;
  /** Every operation served, by service. */
  operations(): { service: string; protocol: string; operation: string; route: string }[];
  close(): Promise<void>;
}

const ADMIN_PREFIX = '/_sandbox/';

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function templateOf(op: TOperationDefinition): string[] {
  return (op.path ?? '/').split('/').filter(Boolean);
}

/** Matches a rest route; returns the `*` / `**` values, or null. */
function matchPath(template: string[], segments: string[]): string[] | null {
  const params: string[] = [];
  for (let i = 0; i < template.length; i += 1) {
    const part = template[i]!;
    if (part === '**') {
      params.push(segments.slice(i).join('/'));
      return params;
    }
    if (i >= segments.length) return null;
    if (part === '*') params.push(segments[i]!);
    else if (part !== segments[i]) return null;
  }
  return template.length === segments.length ? params : null;
}

function decodeSegments(rawPath: string): string[] | null {
  try {
    return rawPath
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

export function matchOperation(
  service: TServiceDefinition,
  req: TSandboxRequest,
): { op: TOperationDefinition; params: string[] } | undefined {
  for (const op of service.operations) {
    let params: string[] | null = [];
    if (service.protocol === 'restJson' || service.protocol === 'restXml') {
      if (op.method && op.method !== '*' && op.method !== req.method) continue;
      params = matchPath(templateOf(op), req.segments);
    } else if (service.protocol === 'awsJson1_1') {
      const target = req.headers['x-amz-target'];
      if (op.target !== (Array.isArray(target) ? target[0] : target)) continue;
    } else if (op.action !== req.form.get('Action')) {
      continue;
    }
    if (params === null) continue;
    if (op.match && !op.match(req)) continue;
    return { op, params };
  }
  return undefined;
}

function claimsUnsigned(service: TServiceDefinition, head: TRequestHead): boolean {
  if (service.claimsUnsigned) return service.claimsUnsigned(head);
  const target = head.headers['x-amz-target'];
  switch (service.protocol) {
    case 'awsJson1_1':
      return (
        typeof target === 'string' &&
        (service.targetPrefix
          ? target.startsWith(service.targetPrefix)
          : service.operations.some((o) => o.target === target))
      );
    case 'awsQuery':
      return (
        head.method === 'POST' &&
        head.rawPath === '/' &&
        String(head.headers['content-type'] ?? '').includes('x-www-form-urlencoded')
      );
    default: {
      const segments = decodeSegments(head.rawPath) ?? [];
      return service.operations.some(
        (o) =>
          (!o.method || o.method === '*' || o.method === head.method) &&
          matchPath(templateOf(o), segments) !== null,
      );
    }
  }
}

/** Reads the body, refusing it while streaming as soon as it passes the cap (nothing beyond it is buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(header(req, 'content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!done) reject(e);
    });
  });
}

function tooLargeError(service: TServiceDefinition, limit: number): SandboxError {
  return (
    service.tooLarge?.(limit) ??
    new SandboxError(
      413,
      'RequestEntityTooLargeException',
      `The request body is larger than the ${limit} bytes this service accepts`,
    )
  );
}

export async function startSandbox(options: TSandboxOptions): Promise<TSandboxHandle> {
  if (!options.world)
    throw new Error('startSandbox needs a world (accounts, roles, VPCs, keys) in its options');
  const world = options.world;
  const clock = isClock(options.clock) ? options.clock : createClock(options.clock ?? Date.now);
  const identities = new IdentityStore(world, options.stateDir);
  const shared = new Map<string, unknown>();
  const listeners: ((url: string) => void)[] = [];
  const injected = options.inject ?? {};
  const runtime: TSandboxRuntime = {
    stateDir: options.stateDir,
    world,
    clock,
    identities,
    options,
    injected,
    provide: (key, value) => void shared.set(key, value),
    use: <T>(key: string) => {
      if (!shared.has(key)) throw new Error(`no sandbox service provides '${key}' (check the factory order)`);
      return shared.get(key) as T;
    },
    onListening: (callback) => void listeners.push(callback),
  };
  const services: TServiceDefinition[] = [];
  for (const factory of options.services ?? SERVICE_FACTORIES) {
    const made = await factory(runtime);
    services.push(...(Array.isArray(made) ? made : [made]));
  }
  const verify = options.verifySignatures ?? true;
  const faults = new FaultInjector();
  for (const rule of options.faults ?? []) faults.add(rule);
  const calls = new CallCounters();
  const adminKey = options.adminKey ?? randomBytes(16).toString('hex');
  const held = new Set<NodeJS.Timeout>();

  function send(
    res: ServerResponse,
    service: TServiceDefinition | null,
    requestId: string,
    out: TSandboxResponse,
  ) {
    res.statusCode = out.status;
    res.setHeader('x-amzn-requestid', requestId);
    const { contentType, bytes } = encodeBody(service?.protocol ?? 'restJson', out);
    if (bytes !== undefined && out.status !== 204) res.setHeader('content-type', contentType);
    for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
    if (out.status === 204 || bytes === undefined) res.end();
    else res.end(bytes);
  }

  function pickService(head: TRequestHead): TServiceDefinition | null {
    for (const s of services) if (s.claims?.(head)) return s;
    if (head.signingName) {
      const signed = services.find((s) => s.signingName === head.signingName);
      if (signed) return signed;
    }
    return services.find((s) => claimsUnsigned(s, head)) ?? null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q >= 0 ? url.slice(0, q) : url;
    const rawQuery = q >= 0 ? url.slice(q + 1) : '';
    const method = (req.method ?? 'GET').toUpperCase();
    const now = clock.now();
    // The sandbox's own time, as AWS sends its own: the SDK corrects a skewed client clock from this header.
    res.setHeader('date', new Date(now).toUTCString());

    if (rawPath.startsWith(ADMIN_PREFIX)) {
      const body = await readBody(req, 1024 * 1024);
      const out = handleAdmin(
        {
          method,
          path: rawPath.slice(ADMIN_PREFIX.length),
          query: new URLSearchParams(rawQuery),
          headers: req.headers,
        },
        body === 'too-large' ? Buffer.alloc(0) : body,
        { adminKey, faults, calls, clock, operations: () => handleObj.operations() },
      );
      send(res, null, requestId, out);
      return;
    }

    const authorization = header(req, 'authorization');
    const head: TRequestHead = {
      method,
      rawPath,
      rawQuery,
      headers: req.headers,
      hostname: (header(req, 'host') ?? '').replace(/:\d+$/, '').toLowerCase(),
      signingName: parseAuthorization(authorization)?.service,
    };
    const service = pickService(head);
    if (!service) {
      const e = noServiceError();
      send(res, null, requestId, {
        status: e.status,
        headers: { 'x-amzn-errortype': e.code },
        body: { message: e.message },
      });
      return;
    }

    let op: TOperationDefinition | undefined;
    try {
      const body = await readBody(req, service.maxBodyBytes);
      if (body === 'too-large') {
        // Answer, then drop the connection: the rest of the body is never read.
        res.setHeader('connection', 'close');
        res.on('finish', () => req.socket.destroy());
        throw tooLargeError(service, service.maxBodyBytes);
      }
      const segments = decodeSegments(rawPath);
      if (!segments)
        throw validationError('The request path is not valid percent-encoding', undefined, 'cannotParse');
      let json: Record<string, unknown> | undefined;
      const request: TSandboxRequest = {
        ...head,
        segments,
        query: new URLSearchParams(rawQuery),
        rawBody: body,
        // Parsed on first use, so a service whose bodies are not JSON never pays for (or fails on) it.
        get json() {
          json ??= parseJsonBody(body);
          return json;
        },
        form:
          service.protocol === 'awsQuery'
            ? new URLSearchParams(body.toString('utf8'))
            : new URLSearchParams(),
      };
      const matched = matchOperation(service, request);
      op = matched?.op;
      const anonymous = !authorization && service.authentication === 'optional';
      const caller = anonymous
        ? null
        : (
            await authenticate(identities, { method, rawPath, rawQuery, headers: req.headers, body }, now, {
              verifySignatures: verify,
              allowUnsignedPayload: service.allowUnsignedPayload,
              uriEscapePath: service.uriEscapePath,
            })
          ).caller;
      if (!matched) {
        throw (
          service.unknownOperation?.(request) ??
          new SandboxError(
            404,
            'UnknownOperationException',
            `No ${service.name} operation matches ${method} ${rawPath}`,
          )
        );
      }
      op = matched.op;
      const fault = faults.pick(service.name, op.name);
      if (fault?.kind === 'timeout') {
        calls.record(service.name, op.name, 'fault:timeout');
        // Hold the connection without answering; the client's own timeout fires first.
        const timer = setTimeout(() => {
          held.delete(timer);
          req.socket.destroy();
        }, fault.holdMs ?? 30_000);
        held.add(timer);
        req.socket.once('close', () => {
          clearTimeout(timer);
          held.delete(timer);
        });
        return;
      }
      if (fault) {
        const e = faultError(service, fault.kind);
        calls.record(service.name, op.name, `fault:${fault.kind}`);
        send(res, service, requestId, renderError(service, e, requestId));
        return;
      }
      const call: TServiceCall = {
        requestId,
        now,
        clock,
        caller,
        world,
        service,
        operation: op.name,
        injected,
      };
      const out = await op.handler(call, request, matched.params);
      if (out.dropConnection) {
        calls.record(service.name, op.name, 'dropped');
        req.socket.destroy();
        return;
      }
      calls.record(service.name, op.name, out.status < 400 ? 'ok' : `status:${out.status}`);
      send(res, service, requestId, out);
    } catch (error) {
      const e =
        error instanceof SandboxError
          ? error
          : new SandboxError(500, 'InternalFailure', 'Internal error in the sandbox');
      if (!(error instanceof SandboxError)) console.error('[sandbox] internal error', error);
      if (op) calls.record(service.name, op.name, e.code);
      send(res, service, requestId, renderError(service, e, requestId));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox] failed to answer', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        const e = new Error(
          `Port ${wanted} on ${host} is already in use, so the sandbox cannot start there. ` +
            'Another process (perhaps another sandbox, with state that is not yours) holds it: stop it, or choose ' +
            'another port (PORTAL_SANDBOX_PORT, --port, or 0 for a free one).',
        ) as NodeJS.ErrnoException;
        e.code = 'EADDRINUSE';
        reject(e);
        return;
      }
      reject(error);
    });
    server.listen(wanted, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  for (const listener of listeners) listener(`http://${host}:${port}`);
  const handleObj: TSandboxHandle = {
    url: `http://${host}:${port}`,
    port,
    world,
    clock,
    adminKey,
    faults,
    calls,
    operations: () =>
      services.flatMap((s) =>
        s.operations.map((o) => ({
          service: s.name,
          protocol: s.protocol,
          operation: o.name,
          route: o.target ?? (o.action ? `POST / Action=${o.action}` : `${o.method ?? '*'} ${o.path ?? '/'}`),
        })),
      ),
    close: async () => {
      for (const t of held) clearTimeout(t);
      held.clear();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      for (const s of services) await s.close?.();
    },
  };
  return handleObj;
}
