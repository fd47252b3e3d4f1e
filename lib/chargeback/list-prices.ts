/** The price book, every effective-dated entry (finance, admins and leads read it; it holds no team data). */
import type { TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { chargebackScope } from './chargeback-scope';

export interface TPriceEntry {
  id: string;
  modelId: string;
  region: string;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  inputPerMillion: string;
  outputPerMillion: string;
  cacheReadPerMillion: string | null;
  cacheWritePerMillion: string | null;
  perRequest: string | null;
  perGb: string | null;
}

export async function listPrices(
  actor: TActor,
  input: { at?: Date } = {},
  dbHandle?: TDb,
): Promise<TPriceEntry[]> {
  chargebackScope(actor);
  const db = await resolveDb(dbHandle);
  const at = input.at;
  const rows = await db.priceBookEntry.findMany({
    where: at
      ? { effectiveFrom: { lte: at }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }] }
      : undefined,
    orderBy: [{ modelId: 'asc' }, { region: 'asc' }, { effectiveFrom: 'asc' }],
    select: {
      id: true,
      modelId: true,
      region: true,
      currency: true,
      effectiveFrom: true,
      effectiveTo: true,
      inputPerMillion: true,
      outputPerMillion: true,
      cacheReadPerMillion: true,
      cacheWritePerMillion: true,
      perRequest: true,
      perGb: true,
    },
  });
  const s = (d: { toFixed(): string } | null) => (d === null ? null : d.toFixed());
  return rows.map((r) => ({
    id: r.id,
    modelId: r.modelId,
    region: r.region,
    currency: r.currency,
    effectiveFrom: r.effectiveFrom.toISOString(),
    effectiveTo: r.effectiveTo?.toISOString() ?? null,
    inputPerMillion: r.inputPerMillion.toFixed(),
    outputPerMillion: r.outputPerMillion.toFixed(),
    cacheReadPerMillion: s(r.cacheReadPerMillion),
    cacheWritePerMillion: s(r.cacheWritePerMillion),
    perRequest: s(r.perRequest),
    perGb: s(r.perGb),
  }));
}
