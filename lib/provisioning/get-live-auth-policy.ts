import { defaultAwsContext } from '@/lib/aws/clients';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import type { TAwsContext } from '@/lib/aws/clients';
import { readPolicyDrift, type TPolicyDrift } from './read-policy-drift';

export interface TLiveAuthPolicy {
  /** The live policy document (parsed), or null when the service has none. */
  policy: unknown;
  bytes: number;
  drift: TPolicyDrift;
}

/** `GET /api/v1/estate/auth-policy`: the live policy, its size and its drift state. Approvers and admins. */
export async function getLiveAuthPolicy(
  actor: TActor,
  options: { db?: TDb; aws?: TAwsContext } = {},
): Promise<TLiveAuthPolicy> {
  assertCan(actor, 'estate:read');
  const db = await resolveDb(options.db);
  const { live, bytes, drift } = await readPolicyDrift(db, options.aws ?? defaultAwsContext());
  let policy: unknown = null;
  if (live !== null) {
    try {
      policy = JSON.parse(live);
    } catch {
      policy = live;
    }
  }
  return { policy, bytes, drift };
}
