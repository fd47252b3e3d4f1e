/**
 * Rendering a policy plan (principal groups × model sets) into IAM JSON at a compaction level. Every level grants
 * exactly the same access for every request — single or duplicated model ids, no model id, any resource, any
 * caller — only the bytes differ. The property tests in compile-auth-policy.test.ts check this.
 *
 * Public API: TPolicyPlan, TPolicyPlanGroup, COMPACTION_LEVELS, renderPolicy(plan, level)
 *
 * Where the bytes are (measured on realistic plans, see README): an Allow statement costs ~230 bytes of fixed
 * structure — the service ARN resource (~95), the query-key name twice (~90: ForAllValues + Null guard), the org
 * guard (~50) and the Sid (~18) — plus ~50 per principal ARN and ~40 per model key. Principals and models are
 * already deduplicated by grouping principals with identical model sets, which is the minimal number of Allow
 * statements: merging two groups with different model sets would widen one of them, and splitting a principal's
 * set over two statements would change what a multi-valued request may do. So compaction only removes repeated
 * fixed structure:
 *  level 0  standard: each Allow carries its own guards, resource and a readable Sid.
 *  level 1  hoist the "model id present" and "same organization" guards out of every Allow into one shared Deny
 *           each (Deny if Null=true; Deny if PrincipalOrgID differs). Allow ∧ guard ≡ Allow, Deny ¬guard.
 *  level 2  hoist the resource too: Allows name Resource "*", one Deny NotResource "<service>/*" keeps the scope.
 *  level 3  drop Sids (statements are still identified by index).
 * Never: wildcards in model keys or principals (would widen access), truncation, dropping Version.
 */
import { canonicalJson } from './canonical-json';
import { LATTICE_INVOKE, type TPolicyDocumentJson, type TPolicyStatementJson } from './types';

export const IAM_POLICY_VERSION = '2012-10-17';
export const COMPACTION_LEVELS = [0, 1, 2, 3] as const;
export type TCompactionLevel = (typeof COMPACTION_LEVELS)[number];

export const COMPACTION_DESCRIPTIONS: Record<TCompactionLevel, string> = {
  0: 'standard: one self-contained Allow per principal group',
  1: 'model-id and organization guards hoisted into shared Deny statements',
  2: 'resource scope hoisted into a shared Deny NotResource',
  3: 'statement ids dropped',
};

export interface TPolicyPlanGroup {
  /** Sorted; disjoint across groups. Account principals as bare 12-digit ids. */
  principals: string[];
  /** Sorted, non-empty. */
  models: string[];
  sid: string;
}

export interface TPolicyPlan {
  serviceArn: string;
  orgId: string | null;
  queryKey: string;
  /** Sorted by first principal. */
  groups: TPolicyPlanGroup[];
}

const one = (values: string[]): string | string[] => (values.length === 1 ? values[0]! : values);

export function queryConditionKey(queryKey: string): string {
  return `vpc-lattice-svcs:RequestQueryString/${queryKey}`;
}

function denyAll(plan: TPolicyPlan): TPolicyStatementJson {
  return {
    Sid: 'NoActiveGrants',
    Effect: 'Deny',
    Principal: '*',
    Action: LATTICE_INVOKE,
    Resource: `${plan.serviceArn}/*`,
  };
}

export function renderPolicy(plan: TPolicyPlan, level: TCompactionLevel): TPolicyDocumentJson {
  const key = queryConditionKey(plan.queryKey);
  const scoped = `${plan.serviceArn}/*`;
  const hoistGuards = level >= 1;
  const hoistResource = level >= 2;
  const withSids = level < 3;
  const statements: TPolicyStatementJson[] = [];

  if (plan.groups.length === 0) {
    statements.push(denyAll(plan));
  } else {
    const guardResource = hoistResource ? '*' : scoped;
    if (hoistResource) {
      statements.push({
        Sid: 'DenyOtherResources',
        Effect: 'Deny',
        Principal: '*',
        Action: LATTICE_INVOKE,
        NotResource: scoped,
      });
    }
    if (hoistGuards) {
      statements.push({
        Sid: 'DenyMissingModel',
        Effect: 'Deny',
        Principal: '*',
        Action: LATTICE_INVOKE,
        Resource: guardResource,
        Condition: { Null: { [key]: 'true' } },
      });
      if (plan.orgId) {
        // StringNotEquals on a missing key is true, so anonymous callers (no PrincipalOrgID) are denied too,
        // exactly as the level-0 Allow's StringEquals is false for them.
        statements.push({
          Sid: 'DenyOutsideOrg',
          Effect: 'Deny',
          Principal: '*',
          Action: LATTICE_INVOKE,
          Resource: guardResource,
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': plan.orgId } },
        });
      }
    }
    for (const group of plan.groups) {
      // Anti-smuggling: RequestQueryString/<key> is multi-valued, so a bare StringEquals is true when ANY value
      // matches and `?modelid=granted&modelid=other` would pass. ForAllValues requires EVERY value to be granted,
      // but is vacuously true for an empty set, so the Null=false guard additionally requires the key to be present.
      // Together: the request names at least one model id and only granted ones.
      const condition: Record<string, Record<string, string | string[]>> = {
        'ForAllValues:StringEquals': { [key]: one(group.models) },
      };
      if (!hoistGuards) {
        condition.Null = { [key]: 'false' };
        if (plan.orgId) condition.StringEquals = { 'aws:PrincipalOrgID': plan.orgId };
      }
      statements.push({
        Sid: group.sid,
        Effect: 'Allow',
        Principal: { AWS: one(group.principals) },
        Action: LATTICE_INVOKE,
        Resource: hoistResource ? '*' : scoped,
        Condition: condition,
      });
    }
  }
  if (!withSids) for (const s of statements) delete s.Sid;
  // Round-trip through canonical JSON so key order (and so the bytes) never depends on construction order.
  return JSON.parse(
    canonicalJson({ Version: IAM_POLICY_VERSION, Statement: statements }),
  ) as TPolicyDocumentJson;
}
