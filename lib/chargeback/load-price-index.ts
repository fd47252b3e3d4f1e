/** The whole price book as an exact index (it is small: models × regions × price changes). */
import type { TDb, TDbTx } from '@/lib/db';
import { indexPrices, type TPriceIndex } from './price-book';

export async function loadPriceIndex(db: TDb | TDbTx): Promise<TPriceIndex> {
  const rows = await db.priceBookEntry.findMany({
    select: {
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
  return indexPrices(
    rows.map((r) => ({
      ...r,
      inputPerMillion: r.inputPerMillion.toFixed(),
      outputPerMillion: r.outputPerMillion.toFixed(),
      cacheReadPerMillion: s(r.cacheReadPerMillion),
      cacheWritePerMillion: s(r.cacheWritePerMillion),
      perRequest: s(r.perRequest),
      perGb: s(r.perGb),
    })),
  );
}
