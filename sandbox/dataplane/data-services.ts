import path from 'node:path';
import type { TSandboxRuntime, TServiceDefinition } from '../registry';
import { LATTICE_STORE_KEY } from '../services/control-plane';
import { advanceLattice, type TLatticeState } from '../services/core-state';
import { LogStore } from '../services/logs/log-store';
import { logsService } from '../services/logs/logs-service';
import { BucketStore } from '../services/s3/bucket-store';
import { s3Service } from '../services/s3/s3-service';
import type { DocumentStore } from '../stores/document-store';
import { TrafficGenerator } from '../traffic/traffic-generator';
import { cachingEvaluator, type TAuthPolicyEvaluator } from './auth-evaluator';
import { DEFAULT_INVOCATION_LOG_DESTINATION, type TDataOptions } from './data-options';
import { dataPlaneService } from './dataplane-service';
import { LogDelivery } from './log-delivery';
import {
  invocationStreams,
  subscriptionStreams,
  type TDataPlaneDeps,
  type TDataPlaneView,
} from './serve-lattice-request';

/**
 * The data services, built together because they share their stores: S3 (objects under `<stateDir>/s3`),
 * CloudWatch Logs (`<stateDir>/logs`), the Lattice data plane (reads the control plane's live state, writes access
 * and invocation logs into the other two through one LogDelivery) and the traffic generator. Due log windows are
 * delivered before every S3, Logs or data-plane request and on a timer, so a reader that moves the sandbox clock
 * past a window sees its object on the next call.
 */
export const DATA_DELIVERY_KEY = 'data.delivery';
export const DATA_PLANE_DEPS_KEY = 'data.dataplane';
export const DATA_TRAFFIC_KEY = 'data.traffic';

export function dataServices(runtime: TSandboxRuntime): TServiceDefinition[] {
  const options: TDataOptions = runtime.options.data ?? {};
  const { world, clock } = runtime;
  const s3 = new BucketStore(path.join(runtime.stateDir, 's3'));
  const logs = new LogStore(path.join(runtime.stateDir, 'logs'));
  const delivery = new LogDelivery({
    s3,
    logs,
    s3WindowMs: options.s3WindowMs,
    logsWindowMs: options.logsWindowMs,
  });
  const lattice = runtime.use<DocumentStore<TLatticeState>>(LATTICE_STORE_KEY);

  const view = (): TDataPlaneView => {
    // Apply due association transitions, as the control plane does at the start of its own requests.
    if (advanceLattice(lattice.state, clock.now())) lattice.save();
    const state = lattice.state;
    return {
      region: world.region,
      orgId: world.orgId,
      orgAccountIds: world.orgAccountIds,
      roles: world.roles,
      vpcs: world.vpcs,
      services: state.services,
      serviceNetworks: state.serviceNetworks,
      vpcAssociations: state.vpcAssociations,
      serviceAssociations: state.serviceAssociations,
      authPolicies: state.authPolicies,
      accessLogSubscriptions: state.accessLogSubscriptions,
    };
  };
  const deps: TDataPlaneDeps = {
    view,
    evaluate: cachingEvaluator(runtime.injected.evaluateAuthPolicy as TAuthPolicyEvaluator | undefined),
    delivery,
    proxy: {
      roleArn: options.proxyRoleArn,
      invocationLogDestinationArns: options.invocationLogDestinationArns ?? [
        DEFAULT_INVOCATION_LOG_DESTINATION,
      ],
      throttleRate: options.throttleRate,
      errorRate: options.errorRate,
    },
  };
  /** Every configured destination exists (as the operator would have created it), then due windows are written. */
  const deliverDue = (now: number) => {
    const state = lattice.state;
    for (const s of state.services) {
      const sn = state.serviceAssociations.find((a) => a.serviceArn === s.arn)?.serviceNetworkArn ?? '';
      for (const stream of subscriptionStreams(view(), s.arn, sn)) delivery.ensureDestination(stream, now);
    }
    if (options.proxyRoleArn) {
      const arns = deps.proxy.invocationLogDestinationArns;
      for (const stream of invocationStreams(options.proxyRoleArn, arns, world.region))
        delivery.ensureDestination(stream, now);
    }
    delivery.flushDue(now);
  };
  const timer = setInterval(() => deliverDue(clock.now()), 10_000);
  timer.unref();

  const base = world.staticCredentials[0];
  const traffic = options.traffic
    ? new TrafficGenerator({
        options: options.traffic,
        stateDir: runtime.stateDir,
        clock,
        deps,
        delivery,
        region: world.region,
        baseCredentials: base && { accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey },
        log: (line) => process.stdout.write(`[sandbox] ${line}\n`),
      })
    : undefined;
  if (traffic) runtime.onListening((url) => traffic.start(url));
  runtime.provide(DATA_DELIVERY_KEY, delivery);
  runtime.provide(DATA_PLANE_DEPS_KEY, deps);
  runtime.provide(DATA_TRAFFIC_KEY, traffic);

  const dataPlane = dataPlaneService({
    deps,
    customDomains: () =>
      lattice.state.services.flatMap((s) => (s.customDomainName ? [s.customDomainName] : [])),
    realLatency: options.realLatency,
    beforeRequest: deliverDue,
  });
  const closeAll = async () => {
    clearInterval(timer);
    await traffic?.stop();
    // Shutting down: what is buffered is delivered now rather than lost.
    delivery.flushAll(clock.now());
  };
  return [
    { ...dataPlane, close: closeAll },
    logsService({ store: logs, region: world.region, beforeRequest: deliverDue }),
    s3Service({
      store: s3,
      region: world.region,
      readerAccountIds: options.s3ReaderAccountIds ?? [
        ...new Set(world.staticCredentials.map((c) => c.accountId)),
      ],
      beforeRequest: deliverDue,
    }),
  ];
}
