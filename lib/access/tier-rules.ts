/**
 * What a model's tier demands of a request. One table, read by the request form, the preview, submission and
 * approval, so the page never promises what the server then refuses.
 */
export type TModelTier = 'STANDARD' | 'ADVANCED' | 'RESTRICTED';

export interface TTierRule {
  /** Whether "until revoked" (no expiry) may be asked for. */
  allowsUntilRevoked: boolean;
  /** Longest duration in days. */
  maxDurationDays: number;
  /** Two distinct approvers, whatever the model's own flag says. */
  requiresTwoApprovals: boolean;
  label: string;
}

export const TIER_RULES: Record<TModelTier, TTierRule> = {
  STANDARD: {
    allowsUntilRevoked: true,
    maxDurationDays: 90,
    requiresTwoApprovals: false,
    label: 'one approver',
  },
  ADVANCED: {
    allowsUntilRevoked: false,
    maxDurationDays: 90,
    requiresTwoApprovals: false,
    label: 'one approver, at most 90 days',
  },
  RESTRICTED: {
    allowsUntilRevoked: false,
    maxDurationDays: 30,
    requiresTwoApprovals: true,
    label: 'two approvers, at most 30 days',
  },
};

/** How many distinct approvers the model needs (its own flag or its tier). */
export function approvalsRequiredFor(model: { tier: TModelTier; requiresTwoApprovals: boolean }): 1 | 2 {
  return model.requiresTwoApprovals || TIER_RULES[model.tier].requiresTwoApprovals ? 2 : 1;
}

/** The approval rule as the form shows it. */
export function approvalRuleLabel(model: { tier: TModelTier; requiresTwoApprovals: boolean }): string {
  const rule = TIER_RULES[model.tier];
  const approvers = approvalsRequiredFor(model) === 2 ? 'two approvers' : 'one approver';
  const duration = rule.allowsUntilRevoked
    ? 'any duration, or until revoked'
    : `at most ${rule.maxDurationDays} days`;
  return `${approvers}; ${duration}`;
}

/** Why the duration is not allowed for these models, or null when it is. */
export function durationProblem(
  durationDays: number | null,
  models: { name: string; tier: TModelTier }[],
): string | null {
  for (const m of models) {
    const rule = TIER_RULES[m.tier];
    if (durationDays === null && !rule.allowsUntilRevoked)
      return `${m.name} is ${m.tier.toLowerCase()}: it cannot be granted until revoked (at most ${rule.maxDurationDays} days)`;
    if (durationDays !== null && durationDays > rule.maxDurationDays)
      return `${m.name} is ${m.tier.toLowerCase()}: at most ${rule.maxDurationDays} days`;
  }
  return null;
}
