import {
  CreateAccessLogSubscriptionCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteServiceNetworkVpcAssociationCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListAccessLogSubscriptionsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
} from '@aws-sdk/client-vpc-lattice';
import { z } from 'zod';
import { parseOrThrow } from '@/lib/errors/from-zod';
import type { TAwsClients } from './clients';
import { callAws } from './errors';
import { ctx, isoOf, ZIdentifier, ZSgId, ZTags, ZVpcId } from './lattice-shared';
import { collectPages } from './paginate';

/**
 * VPC Lattice associations (service network ↔ VPC, service network ↔ service) and access-log subscriptions.
 * VPC associations must be created from the VPC owner's account (a workload scope).
 */
export interface TVpcAssociation {
  id: string;
  arn: string;
  status: string;
  vpcId: string;
  /** Account that created the association (the VPC owner). */
  createdBy: string;
  serviceNetworkArn?: string;
  serviceNetworkId?: string;
  securityGroupIds?: string[];
  createdAt?: string;
  lastUpdatedAt?: string;
}

/** Every association of a service network and/or a VPC, all pages. */
export async function listVpcAssociations(
  c: TAwsClients,
  input: { serviceNetworkIdentifier?: string; vpcIdentifier?: string },
): Promise<TVpcAssociation[]> {
  const v = parseOrThrow(
    z
      .object({ serviceNetworkIdentifier: ZIdentifier.optional(), vpcIdentifier: ZVpcId.optional() })
      .refine(
        (x) => x.serviceNetworkIdentifier || x.vpcIdentifier,
        'serviceNetworkIdentifier or vpcIdentifier is required',
      ),
    input,
    'VPC association filter',
  );
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'vpc-lattice:ListServiceNetworkVpcAssociations',
      () => c.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ ...v, nextToken })),
      ctx(c),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
  return items.map((i) => ({
    id: i.id!,
    arn: i.arn!,
    status: i.status ?? 'UNKNOWN',
    vpcId: i.vpcId!,
    createdBy: i.createdBy!,
    serviceNetworkArn: i.serviceNetworkArn,
    serviceNetworkId: i.serviceNetworkId,
    createdAt: isoOf(i.createdAt),
    lastUpdatedAt: isoOf(i.lastUpdatedAt),
  }));
}

/** Must run in the VPC owner's account; name the service network by ARN when it lives in another account. */
export async function createVpcAssociation(
  c: TAwsClients,
  input: {
    serviceNetworkIdentifier: string;
    vpcIdentifier: string;
    securityGroupIds?: string[];
    clientToken?: string;
    tags?: Record<string, string>;
  },
): Promise<{ id: string; arn: string; status: string; createdBy: string; securityGroupIds: string[] }> {
  const v = parseOrThrow(
    z.object({
      serviceNetworkIdentifier: ZIdentifier,
      vpcIdentifier: ZVpcId,
      securityGroupIds: z.array(ZSgId).max(5).optional(),
      clientToken: z.string().min(1).max(64).optional(),
      tags: ZTags,
    }),
    input,
    'VPC association',
  );
  const out = await callAws(
    'vpc-lattice:CreateServiceNetworkVpcAssociation',
    () => c.lattice.send(new CreateServiceNetworkVpcAssociationCommand(v)),
    ctx(c),
  );
  return {
    id: out.id!,
    arn: out.arn!,
    status: out.status ?? 'UNKNOWN',
    createdBy: out.createdBy!,
    securityGroupIds: out.securityGroupIds ?? [],
  };
}

export async function getVpcAssociation(
  c: TAwsClients,
  input: { serviceNetworkVpcAssociationIdentifier: string },
): Promise<TVpcAssociation> {
  const v = parseOrThrow(
    z.object({ serviceNetworkVpcAssociationIdentifier: ZIdentifier }),
    input,
    'VPC association',
  );
  const out = await callAws(
    'vpc-lattice:GetServiceNetworkVpcAssociation',
    () => c.lattice.send(new GetServiceNetworkVpcAssociationCommand(v)),
    ctx(c),
  );
  return {
    id: out.id!,
    arn: out.arn!,
    status: out.status ?? 'UNKNOWN',
    vpcId: out.vpcId!,
    createdBy: out.createdBy!,
    serviceNetworkArn: out.serviceNetworkArn,
    serviceNetworkId: out.serviceNetworkId,
    securityGroupIds: out.securityGroupIds ?? [],
    createdAt: isoOf(out.createdAt),
    lastUpdatedAt: isoOf(out.lastUpdatedAt),
  };
}

export async function deleteVpcAssociation(
  c: TAwsClients,
  input: { serviceNetworkVpcAssociationIdentifier: string },
): Promise<{ id: string; arn: string; status: string }> {
  const v = parseOrThrow(
    z.object({ serviceNetworkVpcAssociationIdentifier: ZIdentifier }),
    input,
    'VPC association',
  );
  const out = await callAws(
    'vpc-lattice:DeleteServiceNetworkVpcAssociation',
    () => c.lattice.send(new DeleteServiceNetworkVpcAssociationCommand(v)),
    ctx(c),
  );
  return { id: out.id!, arn: out.arn!, status: out.status ?? 'UNKNOWN' };
}

export async function listServiceAssociations(
  c: TAwsClients,
  input: { serviceNetworkIdentifier?: string; serviceIdentifier?: string },
): Promise<
  {
    id: string;
    arn: string;
    status: string;
    serviceId?: string;
    serviceArn?: string;
    serviceNetworkId?: string;
    serviceNetworkArn?: string;
  }[]
> {
  const v = parseOrThrow(
    z
      .object({ serviceNetworkIdentifier: ZIdentifier.optional(), serviceIdentifier: ZIdentifier.optional() })
      .refine(
        (x) => x.serviceNetworkIdentifier || x.serviceIdentifier,
        'serviceNetworkIdentifier or serviceIdentifier is required',
      ),
    input,
    'service association filter',
  );
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'vpc-lattice:ListServiceNetworkServiceAssociations',
      () => c.lattice.send(new ListServiceNetworkServiceAssociationsCommand({ ...v, nextToken })),
      ctx(c),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
  return items.map((i) => ({
    id: i.id!,
    arn: i.arn!,
    status: i.status ?? 'UNKNOWN',
    serviceId: i.serviceId,
    serviceArn: i.serviceArn,
    serviceNetworkId: i.serviceNetworkId,
    serviceNetworkArn: i.serviceNetworkArn,
  }));
}

export async function createServiceAssociation(
  c: TAwsClients,
  input: { serviceIdentifier: string; serviceNetworkIdentifier: string; clientToken?: string },
): Promise<{ id: string; arn: string; status: string }> {
  const v = parseOrThrow(
    z.object({
      serviceIdentifier: ZIdentifier,
      serviceNetworkIdentifier: ZIdentifier,
      clientToken: z.string().max(64).optional(),
    }),
    input,
    'service association',
  );
  const out = await callAws(
    'vpc-lattice:CreateServiceNetworkServiceAssociation',
    () => c.lattice.send(new CreateServiceNetworkServiceAssociationCommand(v)),
    ctx(c),
  );
  return { id: out.id!, arn: out.arn!, status: out.status ?? 'UNKNOWN' };
}

export interface TAccessLogSubscription {
  id: string;
  arn: string;
  resourceArn: string;
  destinationArn: string;
  createdAt?: string;
}

export async function listAccessLogSubscriptions(
  c: TAwsClients,
  input: { resourceIdentifier: string },
): Promise<TAccessLogSubscription[]> {
  const v = parseOrThrow(z.object({ resourceIdentifier: ZIdentifier }), input, 'access log target');
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'vpc-lattice:ListAccessLogSubscriptions',
      () => c.lattice.send(new ListAccessLogSubscriptionsCommand({ ...v, nextToken })),
      ctx(c),
    );
    return { items: out.items, nextToken: out.nextToken };
  });
  return items.map((i) => ({
    id: i.id!,
    arn: i.arn!,
    resourceArn: i.resourceArn!,
    destinationArn: i.destinationArn!,
    createdAt: isoOf(i.createdAt),
  }));
}

export async function createAccessLogSubscription(
  c: TAwsClients,
  input: { resourceIdentifier: string; destinationArn: string; clientToken?: string },
): Promise<TAccessLogSubscription> {
  const v = parseOrThrow(
    z.object({
      resourceIdentifier: ZIdentifier,
      destinationArn: z.string().startsWith('arn:'),
      clientToken: z.string().max(64).optional(),
    }),
    input,
    'access log subscription',
  );
  const out = await callAws(
    'vpc-lattice:CreateAccessLogSubscription',
    () => c.lattice.send(new CreateAccessLogSubscriptionCommand(v)),
    ctx(c),
  );
  return { id: out.id!, arn: out.arn!, resourceArn: out.resourceArn!, destinationArn: out.destinationArn! };
}
