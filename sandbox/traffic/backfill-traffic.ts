import type { LogDelivery } from '../dataplane/log-delivery';
import { serveLatticeRequest, type TDataPlaneDeps } from '../dataplane/serve-lattice-request';
import { planTraffic, type TPlannedCall, type TTrafficProfile } from './plan-traffic';

/**
 * Writes a range of planned traffic straight through the data plane's logic, each call at its own timestamp:
 * the same authorization, proxy answers and records as live calls, without 10^5 HTTP round trips. Windows are
 * delivered as the plan's time passes them, so memory stays bounded; the window still open at `now` is left for
 * the live delivery to close.
 */
export interface TBackfillResult {
  calls: number;
  allowed: number;
  denied: number;
  unreachable: number;
  objectsWritten: number;
  eventsWritten: number;
  elapsedMs: number;
}

export interface TBackfillInput {
  deps: TDataPlaneDeps;
  delivery: LogDelivery;
  profile: TTrafficProfile;
  seed: number;
  from: number;
  to: number;
  /** The sandbox clock's now; windows that end before it are delivered. */
  now: number;
  /** Lattice DNS name (or id) of the service to call. */
  service: string;
}

export function plannedRequest(call: TPlannedCall, service: string) {
  return {
    requestId: call.requestId,
    startTime: call.startTime,
    method: 'POST',
    service,
    host: service,
    path: call.path,
    rawQuery: call.rawQuery,
    headers: {
      'content-type': 'application/json',
      'user-agent': call.userAgent,
      'x-amzn-bedrock-request-metadata': JSON.stringify({ team: call.team }),
    },
    bytesReceived: call.bytes,
    caller: { arn: call.callerArn, accountId: call.accountId },
    sourceVpcId: call.vpcId,
    userAgent: call.userAgent,
  };
}

export function backfillTraffic(input: TBackfillInput): TBackfillResult {
  const started = performance.now();
  const before = { ...input.delivery.stats };
  const result = { calls: 0, allowed: 0, denied: 0, unreachable: 0 };
  const DAY = 86_400_000;
  // Plan a day at a time so a long range never holds every call in memory.
  for (let dayStart = input.from; dayStart < input.to; dayStart += DAY) {
    const calls = planTraffic(input.profile, input.seed, dayStart, Math.min(input.to, dayStart + DAY));
    for (const call of calls) {
      const outcome = serveLatticeRequest(input.deps, plannedRequest(call, input.service));
      result.calls += 1;
      if (outcome.kind === 'unreachable') result.unreachable += 1;
      else if (outcome.accessLog.authDeniedReason !== '-') result.denied += 1;
      else result.allowed += 1;
    }
    input.delivery.flushDue(Math.min(input.now, dayStart + DAY));
  }
  input.delivery.flushDue(input.now);
  return {
    ...result,
    objectsWritten: input.delivery.stats.objectsWritten - before.objectsWritten,
    eventsWritten: input.delivery.stats.eventsWritten - before.eventsWritten,
    elapsedMs: Math.round(performance.now() - started),
  };
}
