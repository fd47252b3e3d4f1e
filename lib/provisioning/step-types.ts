import type { TAwsClients, TAwsScope } from '@/lib/aws/clients';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TEstateForProvisioning } from './policy-state';
import type { TEngineTimings, TProvisioningPorts } from './ports';

export type TJson = Prisma.InputJsonValue;

/** What a step reports. `wait`: not done yet, ask again later (polling); `halt`: stop the run until a person decides. */
export type TStepOutcome =
  | { kind: 'done'; output?: Record<string, unknown> }
  | { kind: 'skipped'; output?: Record<string, unknown> }
  | { kind: 'wait'; waitingFor: string; retryInMs: number; output?: Record<string, unknown> }
  | { kind: 'halt'; waitingFor: string; output?: Record<string, unknown> };

export interface TRunView {
  id: string;
  kind: string;
  requestId: string | null;
  triggeredById: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface TStepContext {
  ports: TProvisioningPorts;
  timings: TEngineTimings;
  run: TRunView;
  estate: TEstateForProvisioning;
  /** The step's own output from an earlier attempt (e.g. the association it created), to resume from. */
  previousOutput: Record<string, unknown> | null;
  /** Instrumented clients of a scope (their request ids land on the step). */
  clients(scope: TAwsScope): TAwsClients;
  /** One AWS call with bounded exponential backoff and jitter on throttling, 5xx and timeouts. */
  call<T>(label: string, fn: () => Promise<T>): Promise<T>;
}

export interface TStepDefinition {
  name: string;
  /** Shown on the timeline. */
  title: string;
  run(ctx: TStepContext): Promise<TStepOutcome>;
}

export interface TWorkflowDefinition {
  kind: string;
  version: number;
  steps: TStepDefinition[];
  /** After the last step succeeded, in the same transaction as the run's SUCCEEDED. */
  onSucceeded?(tx: Prisma.TransactionClient, ctx: { run: TRunView; now: Date }): Promise<void>;
  /** After the run FAILED, in the same transaction. */
  onFailed?(tx: Prisma.TransactionClient, ctx: { run: TRunView; now: Date; error: string }): Promise<void>;
}
