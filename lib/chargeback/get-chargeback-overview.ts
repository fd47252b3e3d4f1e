import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';

export interface TChargebackOverview {
  currency: string;
  months: string[];
  prices: {
    modelId: string;
    name: string;
    region: string;
    inputPerMillion: string;
    outputPerMillion: string;
    effectiveFrom: string;
  }[];
}

/** What the chargeback page shows before reports exist: which months have usage, and the current price book. */
export async function getChargebackOverview(actor: TActor): Promise<TChargebackOverview> {
  assertCan(actor, 'chargeback:read');
  const db = await getDb();
  const now = new Date();
  const [prices, firstRollup, models] = await Promise.all([
    db.priceBookEntry.findMany({
      where: { effectiveFrom: { lte: now }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] },
      orderBy: [{ modelId: 'asc' }, { region: 'asc' }],
      select: {
        modelId: true,
        region: true,
        currency: true,
        inputPerMillion: true,
        outputPerMillion: true,
        effectiveFrom: true,
      },
    }),
    db.usageRollup.findFirst({ orderBy: { hour: 'asc' }, select: { hour: true } }),
    db.model.findMany({ select: { modelId: true, name: true } }),
  ]);
  const nameOf = new Map(models.map((m) => [m.modelId, m.name]));
  const months: string[] = [];
  if (firstRollup) {
    const d = new Date(Date.UTC(firstRollup.hour.getUTCFullYear(), firstRollup.hour.getUTCMonth(), 1));
    while (d <= now) {
      months.push(d.toISOString().slice(0, 7));
      d.setUTCMonth(d.getUTCMonth() + 1);
    }
  }
  return {
    currency: prices[0]?.currency ?? 'USD',
    months,
    prices: prices.map((p) => ({
      modelId: p.modelId,
      name: nameOf.get(p.modelId) ?? p.modelId,
      region: p.region,
      inputPerMillion: p.inputPerMillion.toString(),
      outputPerMillion: p.outputPerMillion.toString(),
      effectiveFrom: p.effectiveFrom.toISOString(),
    })),
  };
}
