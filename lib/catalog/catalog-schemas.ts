import { z } from 'zod';
import { MODEL_KEY_RE } from '@/lib/policy/model-key';

const KEY_MESSAGE = 'use 1–256 of A–Z a–z 0–9 . _ : / - (no wildcards, spaces or quotes)';

export const ZModelKey = z.string().trim().regex(MODEL_KEY_RE, KEY_MESSAGE);
export const ZModelTier = z.enum(['STANDARD', 'ADVANCED', 'RESTRICTED']);

export interface TCatalogModelView {
  modelId: string;
  policyKey: string;
  name: string;
  provider: string;
  description: string | null;
  tier: 'STANDARD' | 'ADVANCED' | 'RESTRICTED';
  requiresTwoApprovals: boolean;
  enabled: boolean;
  activeGrants: number;
}

export const MODEL_VIEW_SELECT = {
  modelId: true,
  policyKey: true,
  name: true,
  provider: true,
  description: true,
  tier: true,
  requiresTwoApprovals: true,
  enabled: true,
  _count: { select: { grants: { where: { status: 'ACTIVE' as const } } } },
} as const;

export function toModelView(m: {
  modelId: string;
  policyKey: string;
  name: string;
  provider: string;
  description: string | null;
  tier: 'STANDARD' | 'ADVANCED' | 'RESTRICTED';
  requiresTwoApprovals: boolean;
  enabled: boolean;
  _count: { grants: number };
}): TCatalogModelView {
  const { _count, ...rest } = m;
  return { ...rest, activeGrants: _count.grants };
}
