import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  type ResourceShareAssociation,
} from '@aws-sdk/client-ram';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import type { TAwsClients } from './clients';
import { callAws } from './errors';
import { collectPages } from './paginate';

/**
 * Thin typed AWS RAM operations for the service-network share. Timestamps come back as ISO strings. Principal
 * status comes from GetResourceShareAssociations (ListPrincipals does not report it).
 */
const ZShareArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share\/[\w-]+$/, 'must be a RAM resource share ARN');
const ZPrincipal = z
  .string()
  .regex(
    /^(\d{12}|arn:aws[a-z-]*:organizations::\d{12}:(organization|ou)\/[\w/-]+)$/,
    'must be an account id or an organization/OU ARN',
  );
const ZClientToken = z.string().min(1).max(64).optional();

const isoOf = (d: Date | undefined) => (d ? d.toISOString() : undefined);
const ctx = (c: TAwsClients) => ({ roleArn: c.roleArn });

export interface TResourceShare {
  arn: string;
  name: string;
  owningAccountId: string;
  status: string;
  allowExternalPrincipals: boolean;
  createdAt?: string;
  lastUpdatedAt?: string;
}

function shareOf(s: {
  resourceShareArn?: string;
  name?: string;
  owningAccountId?: string;
  status?: string;
  allowExternalPrincipals?: boolean;
  creationTime?: Date;
  lastUpdatedTime?: Date;
}): TResourceShare {
  return {
    arn: s.resourceShareArn!,
    name: s.name!,
    owningAccountId: s.owningAccountId!,
    status: s.status ?? 'UNKNOWN',
    allowExternalPrincipals: s.allowExternalPrincipals ?? true,
    createdAt: isoOf(s.creationTime),
    lastUpdatedAt: isoOf(s.lastUpdatedTime),
  };
}

/** A share the calling account owns. */
export async function getResourceShare(
  c: TAwsClients,
  input: { resourceShareArn: string },
): Promise<TResourceShare> {
  const { resourceShareArn } = parseOrThrow(
    z.object({ resourceShareArn: ZShareArn }),
    input,
    'resource share',
  );
  const out = await callAws(
    'ram:GetResourceShares',
    () =>
      c.ram.send(
        new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [resourceShareArn] }),
      ),
    ctx(c),
  );
  const share = out.resourceShares?.[0];
  if (!share)
    throw new AppError(
      'NOT_FOUND',
      `Resource share ${resourceShareArn} was not found in the calling account`,
    );
  return shareOf(share);
}

/** The calling account's ACTIVE share with this name, or null. */
export async function findResourceShareByName(c: TAwsClients, name: string): Promise<TResourceShare | null> {
  const shares = await collectPages(async (nextToken) => {
    const out = await callAws(
      'ram:GetResourceShares',
      () =>
        c.ram.send(
          new GetResourceSharesCommand({
            resourceOwner: 'SELF',
            name,
            resourceShareStatus: 'ACTIVE',
            nextToken,
          }),
        ),
      ctx(c),
    );
    return { items: out.resourceShares, nextToken: out.nextToken };
  });
  const found = shares.find((s) => s.name === name && s.status === 'ACTIVE');
  return found ? shareOf(found) : null;
}

export async function createResourceShare(
  c: TAwsClients,
  input: {
    name: string;
    resourceArns: string[];
    principals: string[];
    allowExternalPrincipals?: boolean;
    clientToken?: string;
  },
): Promise<TResourceShare> {
  const v = parseOrThrow(
    z.object({
      name: z.string().min(1).max(255),
      resourceArns: z.array(z.string().startsWith('arn:')),
      principals: z.array(ZPrincipal),
      allowExternalPrincipals: z.boolean().optional(),
      clientToken: ZClientToken,
    }),
    input,
    'resource share',
  );
  const out = await callAws(
    'ram:CreateResourceShare',
    () => c.ram.send(new CreateResourceShareCommand(v)),
    ctx(c),
  );
  return shareOf(out.resourceShare!);
}

export interface TShareAssociation {
  /** Account id, organization ARN or resource ARN. */
  entity: string;
  status: string;
  statusMessage?: string;
  external: boolean;
  createdAt?: string;
  lastUpdatedAt?: string;
}

function associationOf(a: ResourceShareAssociation): TShareAssociation {
  return {
    entity: a.associatedEntity!,
    status: a.status ?? 'UNKNOWN',
    statusMessage: a.statusMessage,
    external: a.external ?? false,
    createdAt: isoOf(a.creationTime),
    lastUpdatedAt: isoOf(a.lastUpdatedTime),
  };
}

async function listAssociations(
  c: TAwsClients,
  resourceShareArn: string,
  associationType: 'PRINCIPAL' | 'RESOURCE',
) {
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'ram:GetResourceShareAssociations',
      () =>
        c.ram.send(
          new GetResourceShareAssociationsCommand({
            associationType,
            resourceShareArns: [resourceShareArn],
            nextToken,
          }),
        ),
      ctx(c),
    );
    return { items: out.resourceShareAssociations, nextToken: out.nextToken };
  });
  return items.map(associationOf);
}

/** Every principal association of the share (all pages) with its status; DISASSOCIATED ones included. */
export async function listSharePrincipals(
  c: TAwsClients,
  input: { resourceShareArn: string },
): Promise<TShareAssociation[]> {
  const { resourceShareArn } = parseOrThrow(
    z.object({ resourceShareArn: ZShareArn }),
    input,
    'resource share',
  );
  return listAssociations(c, resourceShareArn, 'PRINCIPAL');
}

export async function listShareResources(
  c: TAwsClients,
  input: { resourceShareArn: string },
): Promise<TShareAssociation[]> {
  const { resourceShareArn } = parseOrThrow(
    z.object({ resourceShareArn: ZShareArn }),
    input,
    'resource share',
  );
  return listAssociations(c, resourceShareArn, 'RESOURCE');
}

const ZMembership = z.object({
  resourceShareArn: ZShareArn,
  principals: z.array(ZPrincipal).optional(),
  resourceArns: z.array(z.string().startsWith('arn:')).optional(),
  clientToken: ZClientToken,
});

/** Only the share owner may do this. Inside the organization access is automatic; outside, an invitation goes out. */
export async function associatePrincipals(
  c: TAwsClients,
  input: { resourceShareArn: string; principals?: string[]; resourceArns?: string[]; clientToken?: string },
): Promise<TShareAssociation[]> {
  const v = parseOrThrow(ZMembership, input, 'share association');
  const out = await callAws(
    'ram:AssociateResourceShare',
    () => c.ram.send(new AssociateResourceShareCommand(v)),
    ctx(c),
  );
  return (out.resourceShareAssociations ?? []).map(associationOf);
}

export async function disassociatePrincipals(
  c: TAwsClients,
  input: { resourceShareArn: string; principals?: string[]; resourceArns?: string[]; clientToken?: string },
): Promise<TShareAssociation[]> {
  const v = parseOrThrow(ZMembership, input, 'share disassociation');
  const out = await callAws(
    'ram:DisassociateResourceShare',
    () => c.ram.send(new DisassociateResourceShareCommand(v)),
    ctx(c),
  );
  return (out.resourceShareAssociations ?? []).map(associationOf);
}

export interface TShareInvitation {
  arn: string;
  resourceShareArn: string;
  resourceShareName?: string;
  senderAccountId: string;
  receiverAccountId: string;
  status: string;
  invitedAt?: string;
}

/** Invitations the calling account sent or received (all pages). */
export async function listInvitations(
  c: TAwsClients,
  input: { resourceShareArns?: string[] } = {},
): Promise<TShareInvitation[]> {
  const v = parseOrThrow(
    z.object({ resourceShareArns: z.array(ZShareArn).optional() }),
    input,
    'invitation filter',
  );
  const items = await collectPages(async (nextToken) => {
    const out = await callAws(
      'ram:GetResourceShareInvitations',
      () => c.ram.send(new GetResourceShareInvitationsCommand({ ...v, nextToken })),
      ctx(c),
    );
    return { items: out.resourceShareInvitations, nextToken: out.nextToken };
  });
  return items.map((i) => ({
    arn: i.resourceShareInvitationArn!,
    resourceShareArn: i.resourceShareArn!,
    resourceShareName: i.resourceShareName,
    senderAccountId: i.senderAccountId!,
    receiverAccountId: i.receiverAccountId!,
    status: i.status ?? 'UNKNOWN',
    invitedAt: isoOf(i.invitationTimestamp),
  }));
}

/** Must run in the invited account. */
export async function acceptInvitation(
  c: TAwsClients,
  input: { resourceShareInvitationArn: string; clientToken?: string },
): Promise<TShareInvitation> {
  const v = parseOrThrow(
    z.object({
      resourceShareInvitationArn: z
        .string()
        .regex(/^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[\w-]+$/),
      clientToken: ZClientToken,
    }),
    input,
    'invitation',
  );
  const out = await callAws(
    'ram:AcceptResourceShareInvitation',
    () => c.ram.send(new AcceptResourceShareInvitationCommand(v)),
    ctx(c),
  );
  const i = out.resourceShareInvitation!;
  return {
    arn: i.resourceShareInvitationArn!,
    resourceShareArn: i.resourceShareArn!,
    resourceShareName: i.resourceShareName,
    senderAccountId: i.senderAccountId!,
    receiverAccountId: i.receiverAccountId!,
    status: i.status ?? 'UNKNOWN',
    invitedAt: isoOf(i.invitationTimestamp),
  };
}
