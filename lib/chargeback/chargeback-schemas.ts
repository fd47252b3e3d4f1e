/** The chargeback report's wire shape (JSON API, CLI, snapshots of closed months). Money is decimal strings. */
import { z } from 'zod';

export const ZMoney = z.string().regex(/^-?\d+\.\d{2}$/);

export const ZChargebackLine = z.object({
  kind: z.enum(['usage', 'shared', 'adjustment']),
  /** Team slug; "-" when unattributed. */
  team: z.string(),
  costCenter: z.string(),
  /** Base model id; "-" for shared platform cost; the service for shared lines is in `service`. */
  model: z.string(),
  invocations: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheReadInputTokens: z.number().int(),
  cacheWriteInputTokens: z.number().int(),
  /** null: no price in the price book for this usage (never shown as zero). */
  cost: ZMoney.nullable(),
  estimated: z.boolean(),
  priced: z.boolean(),
  /** Shared lines: the Lattice service; adjustment lines: the closed month the late data belongs to. */
  service: z.string().optional(),
  forMonth: z.string().optional(),
});

export const ZChargebackReport = z.object({
  month: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  closed: z.boolean(),
  lines: z.array(ZChargebackLine),
  subtotals: z.array(
    z.object({
      costCenter: z.string(),
      teams: z.array(z.string()),
      cost: ZMoney,
      unpricedLines: z.number().int(),
    }),
  ),
  total: ZMoney,
});

export type TChargebackLine = z.infer<typeof ZChargebackLine>;
export type TChargebackReport = z.infer<typeof ZChargebackReport>;
