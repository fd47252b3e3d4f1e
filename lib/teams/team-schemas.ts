/**
 * Input schemas shared by the team administration operations, the teams-as-code import and the admin API routes.
 * The same rules apply whichever door the data comes through.
 */
import { z } from 'zod';
import { safeNameRefine } from '@/lib/validation/safe-text';
import { parsePrincipal, partitionForRegion } from '@/lib/policy/arn';
import { env } from '@/lib/env';

export const ZTeamSlug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes (e.g. payments-eu)');

export const ZTeamName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(120)
  .refine(...safeNameRefine);
export const ZCostCenter = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .regex(/^[\w.\-/ ]+$/, 'use letters, digits, spaces and . _ - /');
export const ZEnvironment = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (e.g. dev, prod)');

export const ZAccountId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

export const ZRegion = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1');

export const ZVpcId = z
  .string()
  .trim()
  .regex(/^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/, 'must be a VPC id: vpc- followed by 8 or 17 hex digits');

export const ZSecurityGroupId = z
  .string()
  .trim()
  .regex(
    /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
    'must be a security group id: sg- followed by 8 or 17 hex digits',
  );

export const ZSecurityGroupIds = z
  .array(ZSecurityGroupId)
  .max(5, 'a VPC association takes at most 5 security groups')
  .refine((ids) => new Set(ids).size === ids.length, 'lists a security group twice');

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address'));
export const ZPersonName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(120)
  .refine(...safeNameRefine);
export const ZTeamRoleInput = z.enum(['LEAD', 'MEMBER']);

/**
 * IAM role or user ARN, with or without an IAM path. Assumed-role sessions and account roots are not principals.
 * A principal of another partition than the estate's (AWS_REGION) is refused here, where it enters: the policy
 * compiler would otherwise refuse the whole grant set, and one bad row would block every team.
 */
export const ZPrincipalArn = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const p = parsePrincipal(value);
    if (p === null || (p.kind !== 'role' && p.kind !== 'user')) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/path/name',
      });
      return;
    }
    const region = env().AWS_REGION;
    const expected = partitionForRegion(region);
    if (p.partition !== expected) {
      ctx.addIssue({
        code: 'custom',
        message: `is in partition ${p.partition ?? 'unknown'}, but the estate is in partition ${expected} (AWS_REGION ${region}): a principal of another partition can never be granted access`,
      });
    }
  });

export interface TParsedPrincipalArn {
  arn: string;
  accountId: string;
  kind: 'ROLE' | 'USER';
  name: string;
  path: string;
}

/** Account id, name and path of a validated principal ARN. */
export function parsePrincipalArn(arn: string): TParsedPrincipalArn | null {
  const p = parsePrincipal(arn.trim());
  if (!p || (p.kind !== 'role' && p.kind !== 'user')) return null;
  return {
    arn: p.arn,
    accountId: p.accountId,
    kind: p.kind === 'role' ? 'ROLE' : 'USER',
    name: p.name,
    path: p.path,
  };
}

/** An ISO-8601 instant with an offset (2026-05-01T00:00:00Z); an effective time without a zone is ambiguous. */
export const ZEffectiveAt = z.iso.datetime({
  offset: true,
  message: 'must be an ISO-8601 date-time with a zone, e.g. 2026-05-01T00:00:00Z',
});
