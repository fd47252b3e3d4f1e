import { DocumentStore } from '../stores/document-store';
import type { LogDelivery } from '../dataplane/log-delivery';
import type { TDataPlaneDeps } from '../dataplane/serve-lattice-request';
import type { TTrafficOptions } from '../dataplane/data-options';
import type { TSandboxClock } from '../clock';
import { backfillTraffic, type TBackfillResult } from './backfill-traffic';
import { planTraffic } from './plan-traffic';
import { SignedCallSender } from './send-signed-call';

/**
 * Drives the traffic plan against the sandbox's data plane. It waits until the Lattice service exists, then
 * backfills (`backfillDays` on first readiness, and any gap left while the sandbox was down) straight through the
 * data plane's logic, and, with `trickle`, sends the plan's calls as real signed HTTP requests as the sandbox clock
 * passes them. How far it got is kept in `traffic.json`, so a restart neither repeats nor skips traffic.
 */
interface TTrafficState {
  version: 1;
  /** Every planned call before this time has been sent or backfilled. */
  through?: number;
  backfills: (TBackfillResult & { from: number; to: number })[];
}

const DAY_MS = 86_400_000;
/** A gap longer than this is backfilled rather than trickled. */
const TRICKLE_HORIZON_MS = 5 * 60_000;

export interface TTrafficGeneratorInput {
  options: TTrafficOptions;
  stateDir: string;
  clock: TSandboxClock;
  deps: TDataPlaneDeps;
  delivery: LogDelivery;
  region: string;
  baseCredentials?: { accessKeyId: string; secretAccessKey: string };
  log?: (line: string) => void;
}

export class TrafficGenerator {
  private readonly store: DocumentStore<TTrafficState>;
  private timer: NodeJS.Timeout | undefined;
  private sender: SignedCallSender | undefined;
  private busy: Promise<void> | undefined;
  private url: string | undefined;

  constructor(private readonly input: TTrafficGeneratorInput) {
    this.store = new DocumentStore<TTrafficState>(input.stateDir, 'traffic', () => ({
      version: 1,
      backfills: [],
    }));
  }

  /** The service the plan calls, once it exists. */
  private serviceDnsName(): string | undefined {
    const services = this.input.deps.view().services;
    const wanted = this.input.options.service;
    const found = wanted
      ? services.find((s) => s.name === wanted || s.id === wanted || s.dnsEntry.domainName === wanted)
      : (services.find((s) => s.name === 'bedrock-proxy') ?? services[0]);
    return found?.dnsEntry.domainName;
  }

  private align(ms: number): number {
    const w = this.input.delivery.alignmentMs;
    return Math.floor(ms / w) * w;
  }

  get through(): number | undefined {
    return this.store.state.through;
  }

  start(url: string): void {
    this.url = url;
    if (this.input.options.trickle && this.input.baseCredentials) {
      this.sender = new SignedCallSender({
        url,
        region: this.input.region,
        baseCredentials: this.input.baseCredentials,
      });
    }
    const interval = this.input.options.intervalMs ?? 5000;
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
    void this.tick();
  }

  /** One step: backfill what is due, trickle the rest. Safe to call at any time; steps never overlap. */
  tick(): Promise<void> {
    this.busy ??= this.step()
      .catch((error: unknown) => {
        // A failed step is retried on the next tick from where it stopped (`through` only moves on success).
        this.input.log?.(`traffic: step failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.busy = undefined;
      });
    return this.busy;
  }

  /** True once a VPC of the plan can reach the service: before that, every call would go nowhere. */
  private anyCallerReachable(serviceDnsName: string): boolean {
    const view = this.input.deps.view();
    const service = view.services.find((s) => s.dnsEntry.domainName === serviceDnsName);
    if (!service) return false;
    const networks = new Set(
      view.serviceAssociations
        .filter((a) => a.serviceArn === service.arn && a.status === 'ACTIVE')
        .map((a) => a.serviceNetworkArn),
    );
    const vpcs = new Set(this.input.options.profile.teams.flatMap((t) => t.principals.map((p) => p.vpcId)));
    return view.vpcAssociations.some(
      (a) => a.status === 'ACTIVE' && vpcs.has(a.vpcId) && networks.has(a.serviceNetworkArn),
    );
  }

  private forced = false;

  private async step(): Promise<void> {
    const service = this.serviceDnsName();
    if (!service) return;
    if (this.input.options.backfillOnStart === 'always' && !this.forced) {
      this.forced = true;
      await this.backfill(this.input.options.backfillDays ?? 0);
      return;
    }
    if (this.store.state.through === undefined && !this.anyCallerReachable(service)) return;
    const now = this.input.clock.now();
    const { options } = this.input;
    const seed = options.seed ?? 1;
    const days = options.backfillDays ?? 0;
    // First run: `backfillDays` of history. Later: the gap since the last step, but never more than that history
    // (or a day): a sandbox stopped for a month does not come back with a month of calls.
    let from = this.store.state.through ?? this.align(now - days * DAY_MS);
    from = Math.max(from, now - Math.max(days, 1) * DAY_MS);
    const sendLive = this.sender !== undefined && this.url !== undefined;
    // Whole delivery windows only, so a window is never written twice with different records.
    const backfillTo = Math.max(from, this.align(sendLive ? now - TRICKLE_HORIZON_MS : now));
    if (backfillTo > from) {
      const started = performance.now();
      const result = backfillTraffic({
        deps: this.input.deps,
        delivery: this.input.delivery,
        profile: options.profile,
        seed,
        from,
        to: backfillTo,
        now,
        service,
      });
      await this.input.delivery.settle();
      result.elapsedMs = Math.round(performance.now() - started);
      this.store.state.backfills.push({ ...result, from, to: backfillTo });
      this.store.state.backfills = this.store.state.backfills.slice(-20);
      this.store.state.through = backfillTo;
      this.store.save();
      if (result.calls > 0)
        this.input.log?.(
          `traffic: backfilled ${result.calls} calls (${result.allowed} allowed, ${result.denied} denied, ` +
            `${result.unreachable} unreachable) from ${new Date(from).toISOString()} to ` +
            `${new Date(backfillTo).toISOString()} in ${result.elapsedMs} ms`,
        );
      from = backfillTo;
    }
    if (!sendLive || now <= from) {
      // The very first step of a trickle starts the plan at now. Without a trickle, `through` stays on the last
      // whole window backfilled, and the next step carries on from there.
      if (this.store.state.through === undefined) {
        this.store.state.through = now;
        this.store.save();
      }
      return;
    }
    for (const call of planTraffic(options.profile, seed, from, now)) {
      await this.sender!.send(call, service, now);
    }
    this.store.state.through = now;
    this.store.save();
  }

  /** Backfill an explicit range now (the CLI's `traffic --days N`). */
  async backfill(days: number): Promise<TBackfillResult | undefined> {
    const service = this.serviceDnsName();
    if (!service) return undefined;
    const now = this.input.clock.now();
    const started = performance.now();
    // Aligned to delivery windows: a second run writes the very same objects, never overlapping ones.
    const from = this.align(now - days * DAY_MS);
    const to = this.align(now);
    const result = backfillTraffic({
      deps: this.input.deps,
      delivery: this.input.delivery,
      profile: this.input.options.profile,
      seed: this.input.options.seed ?? 1,
      from,
      to,
      now,
      service,
    });
    await this.input.delivery.settle();
    result.elapsedMs = Math.round(performance.now() - started);
    this.store.state.backfills.push({ ...result, from, to });
    this.store.state.backfills = this.store.state.backfills.slice(-20);
    this.store.state.through = Math.max(this.store.state.through ?? to, to);
    this.store.save();
    this.input.log?.(
      `traffic: backfilled ${result.calls} calls (${result.allowed} allowed, ${result.denied} denied, ` +
        `${result.unreachable} unreachable) over ${days} days in ${result.elapsedMs} ms`,
    );
    return result;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.busy;
    this.sender?.close();
  }
}
