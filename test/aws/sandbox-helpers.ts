import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { createAwsContext, type TAwsContext } from '@/lib/aws/clients';
import { buildAwsConfig, type TAwsClientConfig } from '@/lib/aws/config';
import { startDemoSandbox, type TDemoSandboxOptions } from '@/lib/boot/sandbox-seam';
import {
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_PORTAL_ROLE_NAME,
  DEMO_SANDBOX_ACCESS_KEY_ID,
  DEMO_SANDBOX_SECRET_ACCESS_KEY,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';
import type { TCallCount, TFaultRule, TSandboxClock, TSandboxHandle } from '@/sandbox';

export type { TSandboxHandle };
/** Start options of the test sandbox (the world defaults to the demo world). */
export type TSandboxOptions = TDemoSandboxOptions;

/** The sandbox's documented base keys. */
export const SANDBOX_ACCESS_KEY_ID = DEMO_SANDBOX_ACCESS_KEY_ID;
export const SANDBOX_SECRET_ACCESS_KEY = DEMO_SANDBOX_SECRET_ACCESS_KEY;

/** Shared set-up for the AWS tests: a sandbox on a free port with its own state directory, real SDK clients. */
export const BASE_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: SANDBOX_ACCESS_KEY_ID,
  secretAccessKey: SANDBOX_SECRET_ACCESS_KEY,
};

export const NETWORK_ROLE = `arn:aws:iam::${DEMO_NETWORK_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}`;
export const GENAI_ROLE = `arn:aws:iam::${DEMO_GENAI_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}`;
export const workloadRole = (account: string) => `arn:aws:iam::${account}:role/${DEMO_WORKLOAD_ROLE_NAME}`;

export function fastConfig(
  endpoint: string,
  credentials: AwsCredentialIdentity = BASE_CREDENTIALS,
  maxAttempts = 1,
): TAwsClientConfig {
  return buildAwsConfig({
    region: 'us-east-1',
    endpoint,
    credentials,
    maxAttempts,
    retryBaseMs: 1,
    timeoutMs: 5000,
  });
}

export interface TTestSandbox {
  sandbox: TSandboxHandle;
  stateDir: string;
  aws: TAwsContext;
  /** The sandbox clock (kept across restarts): `clock.advance(ms)` instead of sleeping. */
  clock: TSandboxClock;
  /** Client config acting as the given role (assumed with the base identity). */
  configAs(roleArn: string): Promise<TAwsClientConfig>;
  /** Injects a fault (see docs/sandbox.md); returns its id. `service` defaults to any service. */
  fault(rule: TFaultRule): string;
  /** Removes every injected fault. */
  clearFaults(): void;
  /** What the sandbox served for one operation: `calls('vpc-lattice', 'PutAuthPolicy').ok`. */
  calls(service: string, operation: string): TCallCount;
  resetCalls(): void;
  /** Stops and starts the sandbox on the same state directory; `changes` adjust its start options from then on. */
  restart(changes?: Partial<TSandboxOptions>): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestSandbox(options: Partial<TSandboxOptions> = {}): Promise<TTestSandbox> {
  const stateDir = options.stateDir ?? mkdtempSync(path.join(tmpdir(), 'bap-sandbox-'));
  const first = await startDemoSandbox({ associationDelayMs: 40, ...options, stateDir });
  // One clock for every restart, so time moved forward by a test stays moved.
  const opts = { associationDelayMs: 40, ...options, stateDir, clock: first.clock };
  let sandbox = first;
  const makeAws = (url: string) =>
    createAwsContext({
      client: fastConfig(url),
      networkRoleArn: NETWORK_ROLE,
      genaiRoleArn: GENAI_ROLE,
      workloadRoleName: DEMO_WORKLOAD_ROLE_NAME,
      sessionName: 'vitest',
      sandbox: true,
    });
  const handle: TTestSandbox = {
    sandbox,
    stateDir,
    aws: makeAws(sandbox.url),
    clock: first.clock,
    fault: (rule) => handle.sandbox.faults.add(rule),
    clearFaults: () => handle.sandbox.faults.clear(),
    calls: (service, operation) => handle.sandbox.calls.get(service, operation),
    resetCalls: () => handle.sandbox.calls.reset(),
    async configAs(roleArn) {
      const sts = new STSClient(fastConfig(handle.sandbox.url));
      const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'vitest' }));
      const c = out.Credentials!;
      return fastConfig(handle.sandbox.url, {
        accessKeyId: c.AccessKeyId!,
        secretAccessKey: c.SecretAccessKey!,
        sessionToken: c.SessionToken!,
      });
    },
    async restart(changes = {}) {
      await sandbox.close();
      Object.assign(opts, changes);
      sandbox = await startDemoSandbox(opts);
      handle.sandbox = sandbox;
      handle.aws = makeAws(sandbox.url);
    },
    async stop() {
      await sandbox.close();
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/**
 * Moves the sandbox clock forward by `ms` (past an association delay, an expiry…): the next request sees the
 * transitions that are due. Use instead of sleeping.
 */
export function advanceClock(t: TTestSandbox, ms: number): void {
  t.clock.advance(ms);
}

/**
 * Runs `work` (production code that polls until an association settles, e.g. bootstrapDemoEstate) while moving
 * the sandbox clock forward by `stepMs` at every poll interval, then stops moving it. Assertions after it see a
 * clock that only the test moves.
 */
export async function advanceWhile<T>(t: TTestSandbox, work: Promise<T>, stepMs: number): Promise<T> {
  const timer = setInterval(() => t.clock.advance(stepMs), 25);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/**
 * Captures the error thrown by a promise (fails the test when it resolves). Typed loosely on purpose: tests read
 * SDK exception members ($metadata, fieldList, resourceType) and AppError members from the same helper.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TCaught = Record<string, any>;
export async function errorOf(promise: Promise<unknown>): Promise<TCaught> {
  try {
    await promise;
  } catch (error) {
    return error as TCaught;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
