/**
 * Builds a month's chargeback report from hourly token usage, the price book and the shared platform costs. Pure,
 * exact: each row is priced at the entry in force for its region and hour (so a mid-month price change applies by
 * date), the exact amounts of a line are summed and rounded half-up to the cent ONCE, the total is the sum of the
 * rounded lines, and each shared cost is split over teams by largest remainder in proportion to attributed
 * invocations. Usage without a price is its own line with cost null.
 */
import type { TChargebackLine, TChargebackReport } from './chargeback-schemas';
import { allocateLargestRemainder, formatCents, parseCents, roundExactToCents } from './money';
import { findPrice, priceTokens, type TPriceIndex } from './price-book';

export interface TUsageRow {
  /** "" = unattributed. */
  teamId: string;
  model: string;
  region: string;
  hourMs: number;
  invocations: number;
  inputTokens: bigint;
  outputTokens: bigint;
  cacheReadInputTokens: bigint;
  cacheWriteInputTokens: bigint;
  estimated?: boolean;
}

export interface TBuildReportInput {
  month: string;
  currency: string;
  timeZone: string;
  teams: ReadonlyMap<string, { slug: string; costCenter: string }>;
  usage: readonly TUsageRow[];
  /** Late rows of closed months, priced now, shown as adjustment lines. */
  adjustments?: readonly (TUsageRow & { forMonth: string })[];
  prices: TPriceIndex;
  sharedCosts: readonly { service: string; amount: string }[];
}

interface TAcc {
  kind: TChargebackLine['kind'];
  teamId: string;
  model: string;
  forMonth?: string;
  priced: boolean;
  estimated: boolean;
  invocations: number;
  input: bigint;
  output: bigint;
  cacheRead: bigint;
  cacheWrite: bigint;
  exact: bigint;
}

const UNATTRIBUTED = { slug: '-', costCenter: '-' };

function accumulate(
  into: Map<string, TAcc>,
  kind: TAcc['kind'],
  rows: readonly (TUsageRow & { forMonth?: string })[],
  prices: TPriceIndex,
) {
  for (const r of rows) {
    const counts = {
      invocations: BigInt(r.invocations),
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      cacheReadInputTokens: r.cacheReadInputTokens,
      cacheWriteInputTokens: r.cacheWriteInputTokens,
    };
    const price = findPrice(prices, r.model, r.region, r.hourMs);
    const exact = price ? priceTokens(price, counts) : null;
    const priced = exact !== null;
    const estimated = r.estimated === true;
    const k = [kind, r.teamId, r.model, r.forMonth ?? '', priced, estimated].join('|');
    let acc = into.get(k);
    if (!acc) {
      acc = {
        kind,
        teamId: r.teamId,
        model: r.model,
        forMonth: r.forMonth,
        priced,
        estimated,
        invocations: 0,
        input: 0n,
        output: 0n,
        cacheRead: 0n,
        cacheWrite: 0n,
        exact: 0n,
      };
      into.set(k, acc);
    }
    acc.invocations += r.invocations;
    acc.input += r.inputTokens;
    acc.output += r.outputTokens;
    acc.cacheRead += r.cacheReadInputTokens;
    acc.cacheWrite += r.cacheWriteInputTokens;
    if (exact !== null) acc.exact += exact;
  }
}

export function buildChargebackReport(input: TBuildReportInput): TChargebackReport & { totalCents: bigint } {
  const accs = new Map<string, TAcc>();
  accumulate(accs, 'usage', input.usage, input.prices);
  accumulate(accs, 'adjustment', input.adjustments ?? [], input.prices);
  const teamOf = (id: string) => (id === '' ? UNATTRIBUTED : (input.teams.get(id) ?? UNATTRIBUTED));

  const lines: (TChargebackLine & { cents: bigint | null })[] = [];
  for (const a of accs.values()) {
    const t = teamOf(a.teamId);
    const cents = a.priced ? roundExactToCents(a.exact) : null;
    lines.push({
      kind: a.kind,
      team: t.slug,
      costCenter: t.costCenter,
      model: a.model,
      invocations: a.invocations,
      inputTokens: Number(a.input),
      outputTokens: Number(a.output),
      cacheReadInputTokens: Number(a.cacheRead),
      cacheWriteInputTokens: Number(a.cacheWrite),
      cost: cents === null ? null : formatCents(cents),
      estimated: a.estimated,
      priced: a.priced,
      ...(a.forMonth ? { forMonth: a.forMonth } : {}),
      cents,
    });
  }

  // Shared platform cost: in proportion to attributed invocations (usage lines of real teams).
  const weights = new Map<string, bigint>();
  for (const a of accs.values()) {
    if (a.kind !== 'usage' || a.teamId === '' || !input.teams.has(a.teamId)) continue;
    weights.set(a.teamId, (weights.get(a.teamId) ?? 0n) + BigInt(a.invocations));
  }
  const teamIds = [...weights.keys()].sort((x, y) => teamOf(x).slug.localeCompare(teamOf(y).slug));
  for (const s of input.sharedCosts) {
    const amount = parseCents(s.amount);
    const parts = allocateLargestRemainder(
      amount,
      teamIds.map((id) => weights.get(id)!),
    );
    const allocated = parts.reduce((x, y) => x + y, 0n);
    const shares: [string, bigint][] = teamIds.map((id, i) => [id, parts[i]!]);
    // Nobody to allocate to: the whole amount stays visible, unattributed.
    if (allocated !== amount) shares.push(['', amount - allocated]);
    for (const [id, cents] of shares) {
      const t = teamOf(id);
      lines.push({
        kind: 'shared',
        team: t.slug,
        costCenter: t.costCenter,
        model: '-',
        service: s.service,
        invocations: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadInputTokens: 0,
        cacheWriteInputTokens: 0,
        cost: formatCents(cents),
        estimated: false,
        priced: true,
        cents,
      });
    }
  }

  const kindOrder = { usage: 0, shared: 1, adjustment: 2 } as const;
  lines.sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      (a.team === '-' ? 1 : 0) - (b.team === '-' ? 1 : 0) ||
      a.team.localeCompare(b.team) ||
      a.model.localeCompare(b.model) ||
      (a.service ?? '').localeCompare(b.service ?? '') ||
      (a.forMonth ?? '').localeCompare(b.forMonth ?? '') ||
      Number(b.priced) - Number(a.priced),
  );

  const byCc = new Map<string, { teams: Set<string>; cents: bigint; unpriced: number }>();
  let totalCents = 0n;
  for (const l of lines) {
    const cc = byCc.get(l.costCenter) ?? { teams: new Set<string>(), cents: 0n, unpriced: 0 };
    cc.teams.add(l.team);
    if (l.cents === null) cc.unpriced += 1;
    else {
      cc.cents += l.cents;
      totalCents += l.cents;
    }
    byCc.set(l.costCenter, cc);
  }
  return {
    month: input.month,
    currency: input.currency,
    timeZone: input.timeZone,
    closed: false,
    lines: lines.map(({ cents: _cents, ...l }) => l),
    subtotals: [...byCc.entries()]
      .sort(([a], [b]) => (a === '-' ? 1 : b === '-' ? -1 : a.localeCompare(b)))
      .map(([costCenter, v]) => ({
        costCenter,
        teams: [...v.teams].sort(),
        cost: formatCents(v.cents),
        unpricedLines: v.unpriced,
      })),
    total: formatCents(totalCents),
    totalCents,
  };
}
