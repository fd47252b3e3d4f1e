import type { TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';

export interface TRequestableModel {
  modelId: string;
  /** The value the auth policy matches; what API clients pass in `models`. */
  policyKey: string;
  name: string;
  provider: string;
  tier: 'STANDARD' | 'ADVANCED' | 'RESTRICTED';
  requiresTwoApprovals: boolean;
  /** Current on-demand price in the estate's region, USD per 1M tokens, as exact decimal strings; null if unpriced. */
  price: { input: string; output: string; currency: string } | null;
}

/**
 * The enabled catalog as the people who ask for access see it: what each model is, how sensitive it is (tier,
 * two approvals) and what it costs. Every signed-in user may read it; it holds no team data.
 */
export async function listRequestableModels(_actor: TActor, db?: TDb): Promise<TRequestableModel[]> {
  const client = await resolveDb(db);
  const now = new Date();
  const [models, settings] = await Promise.all([
    client.model.findMany({
      where: { enabled: true },
      orderBy: [{ tier: 'asc' }, { provider: 'asc' }, { name: 'asc' }],
      select: {
        modelId: true,
        policyKey: true,
        name: true,
        provider: true,
        tier: true,
        requiresTwoApprovals: true,
      },
    }),
    client.estateSettings.findUnique({ where: { id: 1 }, select: { region: true } }),
  ]);
  const prices = await client.priceBookEntry.findMany({
    where: {
      modelId: { in: models.map((m) => m.modelId) },
      ...(settings ? { region: settings.region } : {}),
      effectiveFrom: { lte: now },
      OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }],
    },
    orderBy: { effectiveFrom: 'desc' },
    select: { modelId: true, currency: true, inputPerMillion: true, outputPerMillion: true },
  });
  const priceOf = new Map<string, (typeof prices)[number]>();
  for (const p of prices) if (!priceOf.has(p.modelId)) priceOf.set(p.modelId, p);
  return models.map((m) => {
    const p = priceOf.get(m.modelId);
    return {
      ...m,
      price: p
        ? { input: p.inputPerMillion.toString(), output: p.outputPerMillion.toString(), currency: p.currency }
        : null,
    };
  });
}
