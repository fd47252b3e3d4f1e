import { listRequestableModels } from '@/lib/catalog/list-requestable-models';
import { withAuth } from '@/lib/http/with-auth';
import { approvalRuleLabel, approvalsRequiredFor, TIER_RULES } from '@/lib/access/tier-rules';

export const dynamic = 'force-dynamic';

/** The enabled catalog (one page: the catalog is small), with each tier's rule. */
export const GET = withAuth(async ({ actor }) => {
  const models = await listRequestableModels(actor);
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
});
