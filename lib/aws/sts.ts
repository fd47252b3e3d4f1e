import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { TAwsClients } from './clients';
import { callAws } from './errors';

/** Who the scope's credentials are: the check the admin page and `portal aws whoami` show. */
export async function whoAmI(c: TAwsClients): Promise<{ accountId: string; arn: string; userId: string }> {
  const out = await callAws('sts:GetCallerIdentity', () => c.sts.send(new GetCallerIdentityCommand({})), {
    roleArn: c.roleArn,
  });
  return { accountId: out.Account!, arn: out.Arn!, userId: out.UserId! };
}
