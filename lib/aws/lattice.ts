import {
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  DeleteAuthPolicyCommand,
  GetAuthPolicyCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  PutAuthPolicyCommand,
  UpdateServiceNetworkCommand,
} from '@aws-sdk/client-vpc-lattice';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { AUTH_POLICY_MAX_BYTES, authPolicyBytes } from '@/lib/policy/limits';
import type { TAwsClients } from './clients';
import { callAws } from './errors';
import { ctx, isoOf, ZAuthType, ZIdentifier, ZName, ZTags } from './lattice-shared';
import { collectPages } from './paginate';

/**
 * Thin typed VPC Lattice operations. Each takes the clients of the scope it must run in (see clients.ts), validates
 * its input, and returns plain objects with ISO timestamps — no SDK types leak upward.
 */

export interface TServiceNetwork {
  id: string;
  arn: string;
  name: string;
  authType: 'NONE' | 'AWS_IAM';
  numberOfAssociatedVPCs: number;
  numberOfAssociatedServices: number;
  createdAt?: string;
  lastUpdatedAt?: string;
}

export async function getServiceNetwork(
  c: TAwsClients,
  input: { serviceNetworkIdentifier: string },
): Promise<TServiceNetwork> {
  const { serviceNetworkIdentifier } = parseOrThrow(
    z.object({ serviceNetworkIdentifier: ZIdentifier }),
    input,
    'service network',
  );
  const out = await callAws(
    'vpc-lattice:GetServiceNetwork',
    () => c.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier })),
    ctx(c),
  );
  return {
    id: out.id!,
    arn: out.arn!,
    name: out.name!,
    authType: (out.authType ?? 'NONE') as 'NONE' | 'AWS_IAM',
    numberOfAssociatedVPCs: Number(out.numberOfAssociatedVPCs ?? 0),
    numberOfAssociatedServices: Number(out.numberOfAssociatedServices ?? 0),
    createdAt: isoOf(out.createdAt),
    lastUpdatedAt: isoOf(out.lastUpdatedAt),
  };
}

/** Service networks the account owns or that are shared with it; owned ones first. */
export async function listServiceNetworks(
  c: TAwsClients,
): Promise<{ id: string; arn: string; name: string }[]> {
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'vpc-lattice:ListServiceNetworks',
      () => c.lattice.send(new ListServiceNetworksCommand({ nextToken })),
      ctx(c),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
  return items.map((i) => ({ id: i.id!, arn: i.arn!, name: i.name! }));
}

export async function createServiceNetwork(
  c: TAwsClients,
  input: { name: string; authType: 'NONE' | 'AWS_IAM'; tags?: Record<string, string>; clientToken?: string },
): Promise<{ id: string; arn: string; name: string; authType: string }> {
  const v = parseOrThrow(
    z.object({ name: ZName, authType: ZAuthType, tags: ZTags, clientToken: z.string().max(64).optional() }),
    input,
    'service network',
  );
  const out = await callAws(
    'vpc-lattice:CreateServiceNetwork',
    () => c.lattice.send(new CreateServiceNetworkCommand(v)),
    ctx(c),
  );
  return { id: out.id!, arn: out.arn!, name: out.name!, authType: out.authType ?? v.authType };
}

export async function updateServiceNetworkAuthType(
  c: TAwsClients,
  input: { serviceNetworkIdentifier: string; authType: 'NONE' | 'AWS_IAM' },
): Promise<void> {
  const v = parseOrThrow(
    z.object({ serviceNetworkIdentifier: ZIdentifier, authType: ZAuthType }),
    input,
    'service network',
  );
  await callAws(
    'vpc-lattice:UpdateServiceNetwork',
    () => c.lattice.send(new UpdateServiceNetworkCommand(v)),
    ctx(c),
  );
}

export interface TLatticeService {
  id: string;
  arn: string;
  name: string;
  status: string;
  authType: 'NONE' | 'AWS_IAM';
  dnsName?: string;
  customDomainName?: string;
  createdAt?: string;
  lastUpdatedAt?: string;
}

export async function getService(
  c: TAwsClients,
  input: { serviceIdentifier: string },
): Promise<TLatticeService> {
  const { serviceIdentifier } = parseOrThrow(z.object({ serviceIdentifier: ZIdentifier }), input, 'service');
  const out = await callAws(
    'vpc-lattice:GetService',
    () => c.lattice.send(new GetServiceCommand({ serviceIdentifier })),
    ctx(c),
  );
  return {
    id: out.id!,
    arn: out.arn!,
    name: out.name!,
    status: out.status ?? 'UNKNOWN',
    authType: (out.authType ?? 'NONE') as 'NONE' | 'AWS_IAM',
    dnsName: out.dnsEntry?.domainName,
    customDomainName: out.customDomainName,
    createdAt: isoOf(out.createdAt),
    lastUpdatedAt: isoOf(out.lastUpdatedAt),
  };
}

export async function listServices(
  c: TAwsClients,
): Promise<{ id: string; arn: string; name: string; dnsName?: string }[]> {
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'vpc-lattice:ListServices',
      () => c.lattice.send(new ListServicesCommand({ nextToken })),
      ctx(c),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
  return items.map((i) => ({ id: i.id!, arn: i.arn!, name: i.name!, dnsName: i.dnsEntry?.domainName }));
}

export async function createService(
  c: TAwsClients,
  input: { name: string; authType: 'NONE' | 'AWS_IAM'; tags?: Record<string, string>; clientToken?: string },
): Promise<{ id: string; arn: string; name: string; dnsName?: string; status?: string }> {
  const v = parseOrThrow(
    z.object({
      name: ZName.max(40).refine((n) => !n.startsWith('svc-'), 'must not start with svc-'),
      authType: ZAuthType,
      tags: ZTags,
      clientToken: z.string().max(64).optional(),
    }),
    input,
    'service',
  );
  const out = await callAws(
    'vpc-lattice:CreateService',
    () => c.lattice.send(new CreateServiceCommand(v)),
    ctx(c),
  );
  return {
    id: out.id!,
    arn: out.arn!,
    name: out.name!,
    dnsName: out.dnsEntry?.domainName,
    status: out.status,
  };
}

export interface TAuthPolicy {
  /** Minified policy JSON exactly as stored in AWS. */
  policy: string;
  state: 'Active' | 'Inactive';
  createdAt?: string;
  lastUpdatedAt?: string;
}

/** The resource's auth policy, or null when it has none (AWS_IAM with no policy denies everything). */
export async function getAuthPolicy(
  c: TAwsClients,
  input: { resourceIdentifier: string },
): Promise<TAuthPolicy | null> {
  const { resourceIdentifier } = parseOrThrow(
    z.object({ resourceIdentifier: ZIdentifier }),
    input,
    'auth policy target',
  );
  const out = await callAws(
    'vpc-lattice:GetAuthPolicy',
    () => c.lattice.send(new GetAuthPolicyCommand({ resourceIdentifier })),
    ctx(c),
  );
  if (!out.policy) return null;
  return {
    policy: out.policy,
    state: out.state === 'Active' ? 'Active' : 'Inactive',
    createdAt: isoOf(out.createdAt),
    lastUpdatedAt: isoOf(out.lastUpdatedAt),
  };
}

const ZPolicyInput = z.object({
  resourceIdentifier: ZIdentifier,
  policy: z
    .string()
    .min(2)
    .refine((p) => !/[\r\n]/.test(p), 'must be minified JSON without newlines'),
});

/** Refuses a policy over the 10 KB quota before calling AWS: the limit cannot be raised, so never truncate. */
export async function putAuthPolicy(
  c: TAwsClients,
  input: { resourceIdentifier: string; policy: string },
): Promise<{ policy: string; state: 'Active' | 'Inactive' }> {
  const v = parseOrThrow(ZPolicyInput, input, 'auth policy');
  const bytes = authPolicyBytes(v.policy);
  if (bytes > AUTH_POLICY_MAX_BYTES) {
    throw new AppError(
      'POLICY_TOO_LARGE',
      `The auth policy is ${bytes} bytes; VPC Lattice allows at most ${AUTH_POLICY_MAX_BYTES}`,
      {
        details: { bytes, limit: AUTH_POLICY_MAX_BYTES },
      },
    );
  }
  const out = await callAws(
    'vpc-lattice:PutAuthPolicy',
    () => c.lattice.send(new PutAuthPolicyCommand(v)),
    ctx(c),
  );
  return { policy: out.policy ?? v.policy, state: out.state === 'Active' ? 'Active' : 'Inactive' };
}

export async function deleteAuthPolicy(c: TAwsClients, input: { resourceIdentifier: string }): Promise<void> {
  const { resourceIdentifier } = parseOrThrow(
    z.object({ resourceIdentifier: ZIdentifier }),
    input,
    'auth policy target',
  );
  await callAws(
    'vpc-lattice:DeleteAuthPolicy',
    () => c.lattice.send(new DeleteAuthPolicyCommand({ resourceIdentifier })),
    ctx(c),
  );
}

// Associations and access-log subscriptions live in lattice-associations.ts; one import path for callers.
export * from './lattice-associations';
