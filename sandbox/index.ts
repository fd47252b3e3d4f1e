/**
 * The sandbox AWS emulator: the one entry point the embedding program uses (the portal's start-up seam, the
 * `npm run sandbox` CLI and tests). It imports nothing from the portal.
 */
export { startSandbox, type TSandboxHandle } from './server';
export type { TSandboxOptions } from './options';
export type { TSandboxClock } from './clock';
export type { TFaultRule, TFaultRuleState, TCallCount } from './faults';
export type { TSandboxInjected } from './injected';
export type {
  TServiceDefinition,
  TServiceFactory,
  TOperationDefinition,
  TSandboxRuntime,
  TServiceCall,
  TSandboxRequest,
  TSandboxResponse,
  TCaller,
  TFaultKind,
  TProtocol,
} from './registry';
export type { TSandboxWorld, TSandboxRole, TSandboxVpc, TSandboxStaticCredentials } from './world';
export { roleArnOf } from './world';
export { SERVICE_FACTORIES } from './services';
export type { TAuthPolicyEvaluator, TLatticeAuthContext, TAuthDecision } from './dataplane/auth-evaluator';
export type { TDataOptions, TTrafficOptions } from './dataplane/data-options';
export type { TTrafficProfile, TTrafficTeam } from './traffic/plan-traffic';
export { DocumentStore } from './stores/document-store';
export { BlobStore, type TBlobMeta } from './stores/blob-store';
export { AppendLogStore } from './stores/log-store';
