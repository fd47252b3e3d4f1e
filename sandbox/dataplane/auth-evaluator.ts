/**
 * The seam through which the sandbox evaluates auth policies. The sandbox does not carry an IAM policy engine of its
 * own and must not import the portal's: whoever starts it injects one (the start-up seam passes an adapter over
 * the portal's evaluator; a test may pass any other). The request context carries the condition keys VPC Lattice
 * sets for a request.
 */
export interface TLatticeAuthContext {
  /** The caller's ARN (assumed-role session, role or user), or null for an unsigned request. */
  principal: string | null;
  /** aws:PrincipalArn: for a session, its role's ARN with the IAM path. */
  principalArn?: string;
  /** aws:PrincipalOrgID, when the caller's account is in an organization. */
  principalOrgId?: string;
  /** aws:PrincipalAccount */
  principalAccount?: string;
  action: 'vpc-lattice-svcs:Invoke';
  serviceArn: string;
  serviceNetworkArn: string;
  method: string;
  /** Request path without the query string; the resource is `${serviceArn}${path}`. */
  path: string;
  /** vpc-lattice-svcs:RequestQueryString/<key>: every value of each key, in order, duplicates kept. */
  query: Record<string, string[]>;
  /** vpc-lattice-svcs:RequestHeader/<name>, names lower-cased. */
  headers: Record<string, string>;
  /** vpc-lattice-svcs:SourceVpc and SourceVpcOwnerAccount */
  sourceVpc: string;
  sourceVpcOwnerAccount: string;
  port: number;
}

export type TAuthDecision = 'ALLOW' | 'DENY';

/** Compiles one policy document (as stored by PutAuthPolicy) into a decision function. May throw on a bad document. */
export type TAuthPolicyEvaluator = (
  policyDocument: string,
) => (request: TLatticeAuthContext) => TAuthDecision;

/** Caches compiled policies by their text, and fails closed: a document the evaluator cannot read denies. */
export function cachingEvaluator(
  evaluator: TAuthPolicyEvaluator | undefined,
): (policy: string, request: TLatticeAuthContext) => TAuthDecision {
  const cache = new Map<string, (request: TLatticeAuthContext) => TAuthDecision>();
  return (policy, request) => {
    if (!evaluator) return 'DENY';
    let compiled = cache.get(policy);
    if (!compiled) {
      try {
        compiled = evaluator(policy);
      } catch {
        compiled = () => 'DENY';
      }
      if (cache.size > 256) cache.clear();
      cache.set(policy, compiled);
    }
    try {
      return compiled(request);
    } catch {
      return 'DENY';
    }
  };
}
