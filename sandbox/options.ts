import type { TSandboxClock } from './clock';
import type { TDataOptions } from './dataplane/data-options';
import type { TFaultRule } from './faults';
import type { TSandboxInjected } from './injected';
import type { TServiceFactory } from './registry';
import type { TSandboxWorld } from './world';

/**
 * Start options. Services may read their own fields here (add them below, additively: one block per service).
 */
export interface TSandboxOptions {
  /** 0 picks a free port. A port that is taken is an error (never "use whoever is there"). */
  port?: number;
  host?: string;
  /** Directory for every store; created when missing. */
  stateDir: string;
  /** Accounts, organization, roles, VPCs and static keys: data from the embedding program (the demo world). */
  world: TSandboxWorld;
  /** How long associations stay CREATE_IN_PROGRESS / ASSOCIATING / DELETE_IN_PROGRESS. Default 2000 ms. */
  associationDelayMs?: number;
  /** Recompute SigV4 signatures (default true). */
  verifySignatures?: boolean;
  /** The sandbox clock, or a time source for it (default: the wall clock). Tests advance `handle.clock`. */
  clock?: TSandboxClock | (() => number);
  /** Faults active from the start (also settable at run time through the handle or the admin endpoint). */
  faults?: TFaultRule[];
  /** Key for the admin endpoint (`x-sandbox-admin-key`); default: random, readable from the handle. */
  adminKey?: string;
  /** Functions the sandbox must not import (the data plane's policy evaluator). */
  inject?: TSandboxInjected;
  /** Services to serve; default: every service in services/index.ts. */
  services?: TServiceFactory[];
  /** S3, CloudWatch Logs, the Lattice data plane and its traffic generator (sandbox/dataplane/data-options.ts). */
  data?: TDataOptions;
}
