/**
 * Boundary shapes of the access workflow (requests, decisions, grants): the API, the pages and the domain
 * operations all parse with these, so a rule (1–5 security groups, no control characters) lives in one place.
 */
import { z } from 'zod';
import { MODEL_KEY_RE } from '@/lib/policy/model-key';

export const ACCESS_REQUEST_STATUSES = [
  'PENDING',
  'PENDING_SECOND_APPROVAL',
  'PROVISIONING',
  'ACTIVE',
  'FAILED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'REVOKED',
] as const;
export const ZAccessRequestStatus = z.enum(ACCESS_REQUEST_STATUSES);
export type TAccessRequestStatus = z.infer<typeof ZAccessRequestStatus>;

/** Requests an approver can still decide on and a requester can still cancel. */
export const OPEN_REQUEST_STATUSES = [
  'PENDING',
  'PENDING_SECOND_APPROVAL',
] as const satisfies readonly TAccessRequestStatus[];

export const GRANT_STATUSES = ['PENDING', 'ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export const ZGrantStatus = z.enum(GRANT_STATUSES);

export const DURATION_DAYS = [7, 30, 90] as const;
export const JUSTIFICATION_MAX = 2000;
export const MAX_SECURITY_GROUPS = 5;

const SG_RE = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const VPC_RE = /^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
// Line breaks and tabs are fine in a justification; other control characters (including bidi overrides and
// zero-width tricks) would hide text from the approver who reads it.
const CONTROL_RE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

export const ZJustification = z
  .string()
  .trim()
  .min(10, 'explain in at least 10 characters why the team needs this access')
  .max(JUSTIFICATION_MAX, `at most ${JUSTIFICATION_MAX} characters`)
  .refine((s) => !CONTROL_RE.test(s), 'must not contain control characters');

export const ZSecurityGroupIds = z
  .array(z.string().trim())
  .max(MAX_SECURITY_GROUPS, `at most ${MAX_SECURITY_GROUPS} security groups`)
  .superRefine((ids, ctx) => {
    ids.forEach((id, i) => {
      if (!SG_RE.test(id))
        ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is not a security group id (sg-…)` });
    });
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is listed twice` });
      seen.add(id);
    });
  });

const ZRequestShape = z.object({
  /** Team slug. */
  team: z.string().trim().min(1).max(64),
  /** Principal ARNs of the team. */
  principals: z.array(z.string().trim().min(1).max(2048)).min(1, 'pick at least one principal').max(50),
  /** Model policy keys. */
  models: z
    .array(z.string().trim().regex(MODEL_KEY_RE, 'not a model policy key'))
    .min(1, 'pick at least one model')
    .max(50),
  vpcId: z.string().trim().regex(VPC_RE, 'not a VPC id (vpc-…)').nullish(),
  securityGroupIds: ZSecurityGroupIds.optional(),
  /** 7, 30 or 90; null or absent = until revoked (only where every model's tier allows it). */
  durationDays: z
    .union([z.literal(7), z.literal(30), z.literal(90)], {
      message: 'must be 7, 30 or 90 days, or null for until revoked',
    })
    .nullish(),
});

function checkVpc(v: { vpcId?: string | null; securityGroupIds?: string[] }, ctx: z.RefinementCtx) {
  const sgs = v.securityGroupIds ?? [];
  if (v.vpcId && sgs.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['securityGroupIds'],
      message: 'a VPC association needs 1 to 5 security groups',
    });
  if (!v.vpcId && sgs.length > 0)
    ctx.addIssue({ code: 'custom', path: ['vpcId'], message: 'security groups need a VPC to associate' });
}

export const ZCreateAccessRequest = ZRequestShape.extend({ justification: ZJustification }).superRefine(
  checkVpc,
);
export type TCreateAccessRequest = z.infer<typeof ZCreateAccessRequest>;

/** The preview takes the same request before the justification is written. */
export const ZPreviewAccessRequest = ZRequestShape.extend({
  justification: z.string().optional(),
}).superRefine(checkVpc);
export type TPreviewAccessRequest = z.infer<typeof ZPreviewAccessRequest>;

export const ZDecisionComment = z
  .string()
  .trim()
  .max(JUSTIFICATION_MAX, `at most ${JUSTIFICATION_MAX} characters`)
  .refine((s) => !CONTROL_RE.test(s), 'must not contain control characters');

export const ZApproveBody = z.object({ comment: ZDecisionComment.optional() });
export const ZRejectBody = z.object({
  comment: ZDecisionComment.pipe(z.string().min(1, 'say why the request is rejected')),
});
export const ZCancelBody = z.object({ comment: ZDecisionComment.optional() });
export type TDecisionBody = { comment?: string };

export const ZBulkApproveBody = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(100),
  comment: ZDecisionComment.optional(),
});

export const ZPageQuery = z.object({
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZListAccessRequestsQuery = ZPageQuery.extend({
  team: z.string().trim().min(1).max(64).optional(),
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s.split(',').filter(Boolean);
      const bad = parts.filter((p) => !(ACCESS_REQUEST_STATUSES as readonly string[]).includes(p));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}` });
        return z.NEVER;
      }
      return parts as TAccessRequestStatus[];
    }),
  /** Model policy key. */
  model: z.string().trim().min(1).max(256).optional(),
  tier: z.enum(['STANDARD', 'ADVANCED', 'RESTRICTED']).optional(),
  /** Only requests older than this many days. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type TListAccessRequestsQuery = z.input<typeof ZListAccessRequestsQuery>;

export const ZListGrantsQuery = ZPageQuery.extend({
  team: z.string().trim().min(1).max(64).optional(),
  status: ZGrantStatus.optional(),
});
export type TListGrantsQuery = z.input<typeof ZListGrantsQuery>;

export interface TPage<T> {
  items: T[];
  nextCursor: string | null;
}
