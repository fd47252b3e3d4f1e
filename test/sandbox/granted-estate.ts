import { createVpcAssociation, putAuthPolicy } from '@/lib/aws/lattice';
import { DEMO_ORG_ID, DEMO_TEAMS } from '@/lib/demo/world';
import { bootstrapDemoEstate, type TDemoEstate } from '@/lib/estate/bootstrap-demo-estate';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { advanceWhile, type TTestSandbox } from '../aws/sandbox-helpers';

/**
 * The demo estate plus one grant made live: Payments' prod role may invoke Claude 3 Haiku, and Payments' prod VPC
 * is associated with the service network. What the data-plane and traffic tests call through.
 */
export const payments = DEMO_TEAMS.find((t) => t.slug === 'payments')!;
export const GRANTED_ROLE = payments.principals[1]!; // with an IAM path: …:role/genai/payments-prod-invoker
export const GRANTED_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
export const OTHER_MODEL = 'anthropic.claude-3-opus-20240229-v1:0';
export const PAYMENTS_VPC = payments.vpcs.find((v) => v.environment === 'prod')!;

export async function setUpGrantedEstate(t: TTestSandbox, delayMs: number): Promise<TDemoEstate> {
  const estate = await advanceWhile(t, bootstrapDemoEstate(t.aws), delayMs);
  const policy = compileAuthPolicy([{ principal: GRANTED_ROLE, models: [GRANTED_MODEL], team: 'payments' }], {
    serviceArn: estate.serviceArn,
    orgId: DEMO_ORG_ID,
  });
  await putAuthPolicy(t.aws.clients('genai'), { resourceIdentifier: estate.serviceArn, policy: policy.json });
  await createVpcAssociation(t.aws.clients({ workloadAccountId: payments.accountId }), {
    serviceNetworkIdentifier: estate.serviceNetworkArn,
    vpcIdentifier: PAYMENTS_VPC.vpcId,
    securityGroupIds: PAYMENTS_VPC.securityGroupIds,
  });
  t.clock.advance(delayMs);
  return estate;
}
