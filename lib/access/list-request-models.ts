import type { TActor } from '@/lib/auth/permissions';
import type { TDb } from '@/lib/db';
import { listRequestableModels, type TRequestableModel } from '@/lib/catalog/list-requestable-models';
import type { TPage } from './access-schemas';
import { approvalRuleLabel, approvalsRequiredFor, TIER_RULES } from './tier-rules';

export interface TRequestModelView extends TRequestableModel {
  approvalsRequired: 1 | 2;
  approvalRule: string;
  allowsUntilRevoked: boolean;
  maxDurationDays: number;
}

/** The catalog as a requester sees it: each model with its policy key, price and its tier's rule. One page. */
export async function listRequestModels(actor: TActor, db?: TDb): Promise<TPage<TRequestModelView>> {
  const models = await listRequestableModels(actor, db);
  return {
    items: models.map((m) => ({
      ...m,
      approvalsRequired: approvalsRequiredFor(m),
      approvalRule: approvalRuleLabel(m),
      allowsUntilRevoked: TIER_RULES[m.tier].allowsUntilRevoked,
      maxDurationDays: TIER_RULES[m.tier].maxDurationDays,
    })),
    nextCursor: null,
  };
}
