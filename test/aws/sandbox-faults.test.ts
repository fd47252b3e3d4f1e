import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import {
  CreateServiceNetworkCommand,
  GetServiceNetworkCommand,
  ListServiceNetworksCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, fastConfig, startTestSandbox, type TTestSandbox } from './sandbox-helpers';

/**
 * Fault injection, through the in-process handle and through the admin endpoint: each kind, on each protocol,
 * for the next N calls or a seeded fraction, with the per-operation, per-outcome call counts.
 */
let t: TTestSandbox;
let lattice: VPCLatticeClient;
beforeAll(async () => {
  t = await startTestSandbox();
  lattice = new VPCLatticeClient(fastConfig(t.sandbox.url));
});
afterAll(async () => t.stop());
beforeEach(() => t.resetCalls());
afterEach(() => t.clearFaults());

const admin = (path: string, init: { method?: string; body?: unknown; key?: string | null } = {}) =>
  fetch(`${t.sandbox.url}/_sandbox/${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.key === null ? {} : { 'x-sandbox-admin-key': init.key ?? t.sandbox.adminKey }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe('sandbox: fault injection', () => {
  it('throttles, fails with 5xx and answers Conflict in each service protocol, for the next N calls', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'ListServiceNetworks', kind: 'throttle', count: 1 });
    const throttled = await errorOf(lattice.send(new ListServiceNetworksCommand({})));
    expect(throttled.name).toBe('ThrottlingException');
    expect(throttled.$metadata.httpStatusCode).toBe(429);
    // The count is spent: the next call goes through.
    expect((await lattice.send(new ListServiceNetworksCommand({}))).items).toBeDefined();

    t.fault({ service: 'ram', operation: 'GetResourceShares', kind: '5xx', count: 1 });
    const ram = await errorOf(
      new RAMClient(fastConfig(t.sandbox.url)).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })),
    );
    expect(ram.name).toBe('ServerInternalException');
    expect(ram.$metadata.httpStatusCode).toBe(500);

    t.fault({ service: 'sts', operation: 'GetCallerIdentity', kind: 'throttle', count: 1 });
    const sts = await errorOf(
      new STSClient(fastConfig(t.sandbox.url)).send(new GetCallerIdentityCommand({})),
    );
    expect(sts.name).toBe('Throttling');

    t.fault({ service: 'vpc-lattice', operation: 'CreateServiceNetwork', kind: 'conflict', count: 1 });
    const conflict = await errorOf(lattice.send(new CreateServiceNetworkCommand({ name: 'conflicted-sn' })));
    expect(conflict.name).toBe('ConflictException');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    // A faulted write did nothing: the same create now succeeds.
    expect((await lattice.send(new CreateServiceNetworkCommand({ name: 'conflicted-sn' }))).name).toBe(
      'conflicted-sn',
    );
    expect(t.calls('vpc-lattice', 'CreateServiceNetwork')).toEqual({
      total: 2,
      ok: 1,
      outcomes: { 'fault:conflict': 1, ok: 1 },
    });
    expect(t.calls('vpc-lattice', 'ListServiceNetworks')).toEqual({
      total: 2,
      ok: 1,
      outcomes: { 'fault:throttle': 1, ok: 1 },
    });
  });

  it('holds the connection for a timeout fault until the client gives up', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'ListServiceNetworks', kind: 'timeout', count: 1 });
    const client = new VPCLatticeClient({
      ...fastConfig(t.sandbox.url),
      requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true },
    });
    const started = Date.now();
    const err = await errorOf(client.send(new ListServiceNetworksCommand({})));
    expect(err.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(t.calls('vpc-lattice', 'ListServiceNetworks').outcomes).toEqual({ 'fault:timeout': 1 });
  });

  it('faults a seeded fraction of calls, reproducibly', async () => {
    const run = async () => {
      t.clearFaults();
      t.fault({ service: 'sts', operation: 'GetCallerIdentity', kind: '5xx', rate: 0.5, seed: 42 });
      const sts = new STSClient(fastConfig(t.sandbox.url));
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        outcomes.push(
          await sts.send(new GetCallerIdentityCommand({})).then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        );
      }
      return outcomes;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const failed = first.filter((o) => o === 'InternalFailure').length;
    expect(failed).toBeGreaterThan(3);
    expect(failed).toBeLessThan(17);
    expect(t.calls('sts', 'GetCallerIdentity')).toMatchObject({ total: 40, ok: 40 - 2 * failed });
  });

  it('counts errors by code and applies faults given as a start option', async () => {
    const s = await startTestSandbox({
      faults: [{ service: 'vpc-lattice', operation: 'GetServiceNetwork', kind: 'throttle', count: 1 }],
    });
    try {
      const client = new VPCLatticeClient(fastConfig(s.sandbox.url));
      const first = await errorOf(
        client.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: 'sn-0123456789abcdef0' })),
      );
      expect(first.name).toBe('ThrottlingException');
      const second = await errorOf(
        client.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: 'sn-0123456789abcdef0' })),
      );
      expect(second.name).toBe('ResourceNotFoundException');
      expect(s.calls('vpc-lattice', 'GetServiceNetwork')).toEqual({
        total: 2,
        ok: 0,
        outcomes: { 'fault:throttle': 1, ResourceNotFoundException: 1 },
      });
    } finally {
      await s.stop();
    }
  });
});

describe('sandbox: admin endpoint', () => {
  it('refuses callers without the admin key', async () => {
    expect((await admin('calls', { key: null })).status).toBe(403);
    expect(
      (await admin('faults', { method: 'POST', key: 'wrong', body: { operation: '*', kind: '5xx' } })).status,
    ).toBe(403);
    expect(t.sandbox.faults.list()).toEqual([]);
  });

  it('adds, lists and removes faults, reads and resets counters, and moves the clock', async () => {
    const added = await admin('faults', {
      method: 'POST',
      body: { service: 'vpc-lattice', operation: 'ListServiceNetworks', kind: '5xx', count: 2 },
    });
    expect(added.status).toBe(201);
    const { ids } = (await added.json()) as { ids: string[] };
    expect(ids).toHaveLength(1);
    const e1 = await errorOf(lattice.send(new ListServiceNetworksCommand({})));
    expect(e1.name).toBe('InternalServerException');
    const listed = (await (await admin('faults')).json()) as { rules: { id: string; served: number }[] };
    expect(listed.rules).toMatchObject([{ id: ids[0], served: 1 }]);
    expect((await admin(`faults/${ids[0]}`, { method: 'DELETE' })).status).toBe(204);
    await lattice.send(new ListServiceNetworksCommand({}));

    const calls = (await (await admin('calls')).json()) as { calls: Record<string, unknown> };
    expect(calls.calls['vpc-lattice:ListServiceNetworks']).toEqual({
      total: 2,
      ok: 1,
      outcomes: { 'fault:5xx': 1, ok: 1 },
    });
    expect((await admin('calls', { method: 'DELETE' })).status).toBe(204);
    expect(t.calls('vpc-lattice', 'ListServiceNetworks').total).toBe(0);

    const bad = await admin('faults', { method: 'POST', body: { operation: 'X', kind: 'explode' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('kind must be one of');

    const before = t.clock.now();
    const moved = (await (await admin('clock', { method: 'POST', body: { advanceMs: 60_000 } })).json()) as {
      now: number;
    };
    expect(moved.now - before).toBeGreaterThanOrEqual(60_000);
    t.clock.advance(-60_000);

    const ops = (await (await admin('operations')).json()) as {
      operations: { service: string; operation: string }[];
    };
    expect(ops.operations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'vpc-lattice', operation: 'PutAuthPolicy' }),
        expect.objectContaining({ service: 'ram', operation: 'CreateResourceShare' }),
        expect.objectContaining({ service: 'sts', operation: 'AssumeRole' }),
      ]),
    );
  });
});
