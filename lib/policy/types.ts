/**
 * Shapes of the auth-policy engine: inputs at its boundary (zod, Z...) and the normalized forms its functions pass
 * around (T...). No logic beyond schema refinements.
 *
 * Public API: ZGrant, ZGrantsFile, ZCompileSettings, ZPolicyDocument (raw IAM JSON, structural only), and the
 * types TGrant, TCompileSettings, TPolicyDocumentJson, TPolicy, TStatement, TConditionClause, TRequestContext,
 * TEvaluation, TDecision, TPolicyIssue.
 */
import { z } from 'zod';

export const DEFAULT_QUERY_KEY = 'modelid';
export const LATTICE_INVOKE = 'vpc-lattice-svcs:Invoke';
export const QUERY_KEY_RE = /^[A-Za-z0-9._-]{1,64}$/;
export const ORG_ID_RE = /^o-[a-z0-9]{10,32}$/;

/** One principal's approved models. The caller has already dropped expired grants. */
export const ZGrant = z.object({
  principal: z.string().min(1),
  models: z.array(z.string()),
  /** Optional team slug, used only to name the statement (Sid) readably. */
  team: z.string().min(1).max(64).optional(),
});
export type TGrant = z.infer<typeof ZGrant>;

export const ZGrantsFile = z.object({ grants: z.array(ZGrant) });

export const ZCompileSettings = z.object({
  serviceArn: z.string(),
  orgId: z.string().regex(ORG_ID_RE, 'must look like o-xxxxxxxxxx').optional(),
  queryKey: z.string().regex(QUERY_KEY_RE, 'must be a plain query-parameter name').default(DEFAULT_QUERY_KEY),
  /** Byte budget; null switches the limit off (benchmarks, what-if) while still reporting the size. */
  maxBytes: z.number().int().positive().nullable().optional(),
  /** 'auto' compacts only when over budget; a number forces that compaction level (tests, what-if). */
  compaction: z.union([z.literal('auto'), z.number().int().min(0).max(3)]).default('auto'),
});
export type TCompileSettings = z.input<typeof ZCompileSettings>;
export type TCompileSettingsParsed = z.output<typeof ZCompileSettings>;

// ---- raw IAM policy JSON (structural; semantic checks live in parse-policy.ts) ----
const ZStringOrList = z.union([z.string(), z.array(z.string())]);
const ZConditionScalar = z.union([z.string(), z.boolean(), z.number()]);
export const ZPolicyStatementJson = z.object({
  Sid: z.string().optional(),
  Effect: z.string(),
  Principal: z.union([z.string(), z.record(z.string(), ZStringOrList)]).optional(),
  NotPrincipal: z.union([z.string(), z.record(z.string(), ZStringOrList)]).optional(),
  Action: ZStringOrList.optional(),
  NotAction: ZStringOrList.optional(),
  Resource: ZStringOrList.optional(),
  NotResource: ZStringOrList.optional(),
  Condition: z
    .record(z.string(), z.record(z.string(), z.union([ZConditionScalar, z.array(ZConditionScalar)])))
    .optional(),
});
export const ZPolicyDocument = z.object({
  Version: z.string().optional(),
  Id: z.string().optional(),
  Statement: z.union([ZPolicyStatementJson, z.array(ZPolicyStatementJson)]),
});
export type TPolicyDocumentJson = z.infer<typeof ZPolicyDocument>;
export type TPolicyStatementJson = z.infer<typeof ZPolicyStatementJson>;

// ---- normalized policy, as the evaluator sees it ----
export type TEffect = 'Allow' | 'Deny';

export type TBaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'ArnEquals'
  | 'ArnLike'
  | 'ArnNotEquals'
  | 'ArnNotLike'
  | 'Bool'
  | 'Null'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals';

export interface TConditionClause {
  /** The operator as written, e.g. "ForAllValues:StringEqualsIfExists". */
  operator: string;
  base: TBaseOperator;
  set: 'ForAllValues' | 'ForAnyValue' | null;
  ifExists: boolean;
  key: string;
  /** Policy values, stringified (true → "true", 5 → "5"). */
  values: string[];
}

export interface TPrincipalSpec {
  /** "*" or {"AWS":"*"}: everyone, anonymous callers included. */
  any: boolean;
  /** Account ids, root ARNs, role/user ARNs, assumed-role session ARNs. */
  aws: string[];
  /** Service/Federated/CanonicalUser entries: never a Lattice caller, kept only for display. */
  other: string[];
}

export interface TStatement {
  index: number;
  sid: string | null;
  effect: TEffect;
  principal: TPrincipalSpec | null;
  notPrincipal: TPrincipalSpec | null;
  action: string[] | null;
  notAction: string[] | null;
  resource: string[] | null;
  notResource: string[] | null;
  conditions: TConditionClause[];
}

export interface TPolicy {
  version: string | null;
  statements: TStatement[];
}

export interface TPolicyIssue {
  /** JSON path such as Statement[2].Condition.StringEquals */
  path: string;
  message: string;
}

// ---- requests and decisions ----
export type TDecision = 'ALLOW' | 'DENY';
export type TDecisionReason = 'explicit-deny' | 'allowed' | 'implicit-deny';

export interface TDecidingStatement {
  sid: string | null;
  index: number;
  effect: TEffect;
}

export interface TEvaluation {
  decision: TDecision;
  reason: TDecisionReason;
  /** Deny statements that matched (explicit-deny), else Allow statements that matched (allowed), else empty. */
  statements: TDecidingStatement[];
}

/** One request as Lattice authorizes it. Only what a condition or the principal match needs. */
export interface TRequestContext {
  /** Caller ARN (role, user, assumed-role session, account root) or null for an unsigned (anonymous) caller. */
  principal: string | null;
  /** aws:PrincipalArn for a session is its role ARN with path; pass it if known, else the path-less form is used. */
  principalArn?: string;
  principalOrgId?: string;
  principalTags?: Record<string, string>;
  action?: string;
  serviceArn: string;
  serviceNetworkArn?: string;
  method?: string;
  /** Request path; the resource is `${serviceArn}${path}`. Default "/". */
  path?: string;
  /** Query string as a multi-map: key → every value in order, duplicates kept. */
  query?: Record<string, string[]>;
  /** Header names are matched case-insensitively. */
  headers?: Record<string, string>;
  sourceVpc?: string;
  sourceVpcOwnerAccount?: string;
  port?: number;
  sourceIp?: string;
  /** Any other condition key → values (exact key name). */
  extraKeys?: Record<string, string[]>;
}
