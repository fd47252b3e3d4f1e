import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { ListServiceNetworksCommand, VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalSandbox } from '@/lib/boot/sandbox-seam';
import {
  BASE_CREDENTIALS,
  errorOf,
  fastConfig,
  GENAI_ROLE,
  startTestSandbox,
  type TTestSandbox,
} from './sandbox-helpers';

/**
 * What AWS refuses, the sandbox refuses: signatures that leave out `host` or `x-amz-date`, bodies swapped under
 * UNSIGNED-PAYLOAD where the service hashes bodies itself, bodies over the service's cap (refused while
 * streaming), and a port that is taken (never attach to another process's sandbox).
 */
let t: TTestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.stop());

interface TRaw {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  url: string,
  opts: { method: string; path: string; headers: Record<string, string>; body?: string | Buffer },
): Promise<TRaw> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${opts.path}`, { method: opts.method, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function signed(opts: {
  service?: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  unsignable?: string[];
}): Promise<Record<string, string>> {
  const host = new URL(t.sandbox.url).host;
  const signer = new SignatureV4({
    service: opts.service ?? 'vpc-lattice',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: BASE_CREDENTIALS,
  });
  const out = await signer.sign(
    {
      method: opts.method,
      protocol: 'http:',
      hostname: host.split(':')[0]!,
      port: Number(host.split(':')[1]),
      path: opts.path,
      query: {},
      headers: { host, ...(opts.headers ?? {}) },
      body: opts.body,
    },
    opts.unsignable ? { unsignableHeaders: new Set(opts.unsignable) } : {},
  );
  return out.headers as Record<string, string>;
}

describe('sandbox: signatures as AWS checks them', () => {
  it('accepts a correctly signed raw request (the baseline for the refusals below)', async () => {
    const headers = await signed({ method: 'GET', path: '/servicenetworks' });
    const res = await send(t.sandbox.url, { method: 'GET', path: '/servicenetworks', headers });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveProperty('items');
  });

  it('refuses a valid signature over SignedHeaders=host alone (x-amz-date unsigned)', async () => {
    const headers = await signed({
      method: 'GET',
      path: '/servicenetworks',
      unsignable: ['x-amz-date', 'x-amz-content-sha256'],
    });
    expect(headers.authorization).toContain('SignedHeaders=host,');
    const res = await send(t.sandbox.url, { method: 'GET', path: '/servicenetworks', headers });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
    expect(JSON.parse(res.body).message).toContain("'X-Amz-Date' must be a 'SignedHeader'");
  });

  it('refuses a signature that leaves out host', async () => {
    const headers = await signed({ method: 'GET', path: '/servicenetworks', unsignable: ['host'] });
    expect(headers.authorization).not.toMatch(/SignedHeaders=[^,]*\bhost\b/);
    const res = await send(t.sandbox.url, { method: 'GET', path: '/servicenetworks', headers });
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
    expect(JSON.parse(res.body).message).toContain("'Host' or ':authority' must be a 'SignedHeader'");
  });

  it('refuses UNSIGNED-PAYLOAD on Lattice control-plane calls, and a body swapped under it', async () => {
    const body = JSON.stringify({ name: 'unsigned-payload-sn' });
    const headers = await signed({
      method: 'POST',
      path: '/servicenetworks',
      body,
      headers: { 'content-type': 'application/json', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const swapped = await send(t.sandbox.url, {
      method: 'POST',
      path: '/servicenetworks',
      headers,
      body: JSON.stringify({ name: 'swapped-body-sn' }),
    });
    expect(swapped.status).toBe(403);
    expect(swapped.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    const same = await send(t.sandbox.url, { method: 'POST', path: '/servicenetworks', headers, body });
    expect(same.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
    // Nothing was created by either.
    const list = await new VPCLatticeClient(fastConfig(t.sandbox.url)).send(
      new ListServiceNetworksCommand({}),
    );
    expect(list.items!.map((i) => i.name)).not.toContain('swapped-body-sn');
    expect(list.items!.map((i) => i.name)).not.toContain('unsigned-payload-sn');
  });

  it('refuses a body whose x-amz-content-sha256 does not match it', async () => {
    const body = JSON.stringify({ name: 'hash-mismatch-sn' });
    const headers = await signed({
      method: 'POST',
      path: '/servicenetworks',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const res = await send(t.sandbox.url, {
      method: 'POST',
      path: '/servicenetworks',
      headers,
      body: JSON.stringify({ name: 'hash-mismatch-sx' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  });

  it('answers 413 to a body over the cap before reading it, with or without a content-length', async () => {
    const declared = await send(t.sandbox.url, {
      method: 'POST',
      path: '/servicenetworks',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
    }).catch((e: Error) => e);
    // The sandbox answers at once from the header, without waiting for (or reading) the 50 MB.
    expect(declared).toMatchObject({ status: 413 });
    expect((declared as TRaw).headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');

    // Chunked, no length: the sandbox stops reading once past the cap and answers.
    const answer = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request(`${t.sandbox.url}/servicenetworks`, { method: 'POST' }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 'a');
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(64 * 1024 * 1024);
    // The sandbox still serves the next caller normally.
    const ok = await new VPCLatticeClient(fastConfig(t.sandbox.url)).send(new ListServiceNetworksCommand({}));
    expect(ok.$metadata.httpStatusCode).toBe(200);
  });

  it('lets an STS body over its cap get the 413 too (every service has a cap)', async () => {
    const res = await send(t.sandbox.url, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=GetCallerIdentity&Pad=${'x'.repeat(200 * 1024)}`,
    });
    expect(res.status).toBe(413);
  });
});

describe('sandbox: its port', () => {
  it('refuses to start on a taken port instead of attaching to whoever holds it', async () => {
    const squatter = createServer((_req, res) => res.end('not a sandbox'));
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', () => r()));
    const port = (squatter.address() as AddressInfo).port;
    try {
      const direct = await errorOf(startTestSandbox({ port }));
      expect(direct.code).toBe('EADDRINUSE');
      expect(direct.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      const portal = await errorOf(startPortalSandbox({ port, dataDir: t.stateDir }));
      expect(portal.message).toContain(`127.0.0.1:${port}`);
      expect(portal.message).toContain('will not use a sandbox it did not start');
      expect(portal.message).toContain('PORTAL_SANDBOX_PORT');
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });

  it('two test sandboxes never share a port or a state', async () => {
    const other = await startTestSandbox();
    try {
      expect(other.sandbox.port).not.toBe(t.sandbox.port);
      expect(other.stateDir).not.toBe(t.stateDir);
      const role = await other.configAs(GENAI_ROLE);
      expect(role.endpoint).toBe(other.sandbox.url);
    } finally {
      await other.stop();
    }
  });
});
