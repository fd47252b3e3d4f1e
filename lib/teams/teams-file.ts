/**
 * Teams as code: the file format `teams import` reads and `teams export` writes.
 *
 *   { "<team-slug>": { "principals": [roleArn], "accounts": [accountId], "vpcs": [vpcId] } }
 *
 * with optional name, costCenter, description, environment (default for the team's accounts and VPCs), members,
 * and richer account / VPC entries. A section left out is not managed by the file (not even with --prune).
 */
import { z } from 'zod';
import { safeNameRefine, safeTextRefine } from '@/lib/validation/safe-text';
import {
  ZAccountId,
  ZCostCenter,
  ZEmail,
  ZEnvironment,
  ZPersonName,
  ZPrincipalArn,
  ZRegion,
  ZSecurityGroupIds,
  ZTeamName,
  ZTeamSlug,
  ZVpcId,
} from './team-schemas';

// A bare id is shorthand for { id }; normalising first makes every error point at the field that is wrong.
const ZAccountEntry = z.preprocess(
  (v) => (typeof v === 'string' ? { accountId: v } : v),
  z.strictObject({
    accountId: ZAccountId,
    environment: ZEnvironment.optional(),
    name: z
      .string()
      .trim()
      .max(120)
      .refine(...safeNameRefine)
      .optional(),
  }),
);

const ZVpcEntry = z.preprocess(
  (v) => (typeof v === 'string' ? { vpcId: v } : v),
  z.strictObject({
    vpcId: ZVpcId,
    accountId: ZAccountId.optional(),
    region: ZRegion.optional(),
    environment: ZEnvironment.optional(),
    securityGroupIds: ZSecurityGroupIds.optional(),
    name: z
      .string()
      .trim()
      .max(120)
      .refine(...safeNameRefine)
      .optional(),
  }),
);

const ZMemberEntry = z.strictObject({
  email: ZEmail,
  /** Needed only for people who have no portal user yet. */
  name: ZPersonName.optional(),
  role: z.enum(['lead', 'member']).default('member'),
});

export const ZTeamEntry = z.strictObject({
  name: ZTeamName.optional(),
  costCenter: ZCostCenter.optional(),
  description: z
    .string()
    .trim()
    .max(500)
    .refine(...safeTextRefine)
    .optional(),
  environment: ZEnvironment.optional(),
  accounts: z.array(ZAccountEntry).optional(),
  principals: z.array(ZPrincipalArn).optional(),
  vpcs: z.array(ZVpcEntry).optional(),
  members: z.array(ZMemberEntry).optional(),
});

export const ZTeamsFile = z.record(ZTeamSlug, ZTeamEntry);
export type TTeamsFile = z.input<typeof ZTeamsFile>;
export type TTeamEntry = z.output<typeof ZTeamEntry>;

export type TFileAccount = z.output<typeof ZAccountEntry>;
export type TFileVpc = z.output<typeof ZVpcEntry>;
export type TFileMember = z.output<typeof ZMemberEntry>;

/** Cost center of a team the file creates without one. */
export const DEFAULT_COST_CENTER = 'unassigned';
