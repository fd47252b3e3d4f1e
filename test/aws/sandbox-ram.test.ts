import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListPrincipalsCommand,
  ListResourcesCommand,
  RAMClient,
  RejectResourceShareInvitationCommand,
} from '@aws-sdk/client-ram';
import {
  CreateServiceNetworkCommand,
  ListServiceNetworksCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXTERNAL_ACCOUNT, DEMO_TEAMS } from '@/lib/demo/world';
import { errorOf, fastConfig, startTestSandbox, workloadRole, type TTestSandbox } from './sandbox-helpers';

const payments = DEMO_TEAMS[0]!.accountId;
const search = DEMO_TEAMS[1]!.accountId;
const risk = DEMO_TEAMS[3]!.accountId;

let t: TTestSandbox;
let ram: RAMClient;
let snArn: string;
let shareArn: string;

/** Associations settle only when the test moves the sandbox clock past this. */
const DELAY = 2000;

beforeAll(async () => {
  t = await startTestSandbox({ associationDelayMs: DELAY });
  ram = new RAMClient(fastConfig(t.sandbox.url));
  const lattice = new VPCLatticeClient(fastConfig(t.sandbox.url));
  snArn = (await lattice.send(new CreateServiceNetworkCommand({ name: 'ram-sn' }))).arn!;
});
afterAll(async () => t.stop());

const principalsOf = async (arn: string) =>
  (
    await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [arn] }),
    )
  ).resourceShareAssociations!;

describe('sandbox: RAM shares', () => {
  it('creates a share; org accounts go ASSOCIATING → ASSOCIATED, an external account waits on an invitation', async () => {
    const out = await ram.send(
      new CreateResourceShareCommand({
        name: 'ram-share',
        resourceArns: [snArn],
        principals: [payments, DEMO_EXTERNAL_ACCOUNT],
        tags: [{ key: 'app', value: 'bap' }],
      }),
    );
    shareArn = out.resourceShare!.resourceShareArn!;
    expect(shareArn).toMatch(/^arn:aws:ram:us-east-1:100000000001:resource-share\/[0-9a-f-]{36}$/);
    expect(out.resourceShare).toMatchObject({
      name: 'ram-share',
      owningAccountId: '100000000001',
      status: 'ACTIVE',
      allowExternalPrincipals: true,
    });
    expect(out.resourceShare!.creationTime).toBeInstanceOf(Date);
    expect(out.clientToken).toBeTruthy();

    const initial = await principalsOf(shareArn);
    expect(initial.map((a) => [a.associatedEntity, a.status, a.external])).toEqual([
      [payments, 'ASSOCIATING', false],
      [DEMO_EXTERNAL_ACCOUNT, 'ASSOCIATING', true],
    ]);
    t.clock.advance(DELAY);
    const settled = await principalsOf(shareArn);
    expect(settled.find((a) => a.associatedEntity === payments)?.status).toBe('ASSOCIATED');
    expect(settled.find((a) => a.associatedEntity === DEMO_EXTERNAL_ACCOUNT)?.status).toBe('ASSOCIATING');

    const resources = await ram.send(
      new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: [shareArn] }),
    );
    expect(resources.resourceShareAssociations!.map((a) => [a.associatedEntity, a.status])).toEqual([
      [snArn, 'ASSOCIATED'],
    ]);
  });

  it('lists shares, principals and resources from the owner and from a receiving account', async () => {
    const mine = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'ram-share' }));
    expect(mine.resourceShares!.map((s) => s.resourceShareArn)).toEqual([shareArn]);
    const principals = await ram.send(
      new ListPrincipalsCommand({ resourceOwner: 'SELF', resourceShareArns: [shareArn] }),
    );
    expect(principals.principals!.map((p) => p.id)).toEqual([payments]);
    const res = await ram.send(
      new ListResourcesCommand({ resourceOwner: 'SELF', resourceType: 'vpc-lattice:ServiceNetwork' }),
    );
    expect(res.resources!.map((r) => [r.arn, r.type])).toEqual([[snArn, 'vpc-lattice:ServiceNetwork']]);

    const paymentsRam = new RAMClient(await t.configAs(workloadRole(payments)));
    const shared = await paymentsRam.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared.resourceShares!.map((s) => s.resourceShareArn)).toEqual([shareArn]);
    const sharedResources = await paymentsRam.send(
      new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }),
    );
    expect(sharedResources.resources!.map((r) => r.arn)).toEqual([snArn]);
    // The shared network now shows up in the workload account's Lattice listing.
    const lattice = new VPCLatticeClient(await t.configAs(workloadRole(payments)));
    const sns = await lattice.send(new ListServiceNetworksCommand({}));
    expect(sns.items!.map((i) => i.arn)).toContain(snArn);
  });

  it('lets only the invited account accept; a wrong account is refused', async () => {
    const invitations = await ram.send(
      new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }),
    );
    const inv = invitations.resourceShareInvitations![0]!;
    expect(inv).toMatchObject({
      status: 'PENDING',
      senderAccountId: '100000000001',
      receiverAccountId: DEMO_EXTERNAL_ACCOUNT,
    });
    expect(inv.invitationTimestamp).toBeInstanceOf(Date);

    const byOwner = await errorOf(
      ram.send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn: inv.resourceShareInvitationArn!,
        }),
      ),
    );
    expect(byOwner.name).toBe('OperationNotPermittedException');
    const paymentsRam = new RAMClient(await t.configAs(workloadRole(payments)));
    const byOther = await errorOf(
      paymentsRam.send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn: inv.resourceShareInvitationArn!,
        }),
      ),
    );
    expect(byOther.name).toBe('ResourceShareInvitationArnNotFoundException');

    const externalRam = new RAMClient(await t.configAs(workloadRole(DEMO_EXTERNAL_ACCOUNT)));
    const seen = await externalRam.send(new GetResourceShareInvitationsCommand({}));
    expect(seen.resourceShareInvitations!.map((i) => i.resourceShareInvitationArn)).toEqual([
      inv.resourceShareInvitationArn,
    ]);
    const accepted = await externalRam.send(
      new AcceptResourceShareInvitationCommand({
        resourceShareInvitationArn: inv.resourceShareInvitationArn!,
      }),
    );
    expect(accepted.resourceShareInvitation!.status).toBe('ACCEPTED');
    expect(
      (await principalsOf(shareArn)).find((a) => a.associatedEntity === DEMO_EXTERNAL_ACCOUNT)?.status,
    ).toBe('ASSOCIATED');
    const twice = await errorOf(
      externalRam.send(
        new AcceptResourceShareInvitationCommand({
          resourceShareInvitationArn: inv.resourceShareInvitationArn!,
        }),
      ),
    );
    expect(twice.name).toBe('ResourceShareInvitationAlreadyAcceptedException');
  });

  it('rejecting an invitation leaves the account without access', async () => {
    const share = await ram.send(
      new CreateResourceShareCommand({
        name: 'reject-me',
        resourceArns: [snArn],
        principals: [DEMO_EXTERNAL_ACCOUNT],
      }),
    );
    const externalRam = new RAMClient(await t.configAs(workloadRole(DEMO_EXTERNAL_ACCOUNT)));
    const inv = (
      await externalRam.send(
        new GetResourceShareInvitationsCommand({
          resourceShareArns: [share.resourceShare!.resourceShareArn!],
        }),
      )
    ).resourceShareInvitations![0]!;
    const out = await externalRam.send(
      new RejectResourceShareInvitationCommand({
        resourceShareInvitationArn: inv.resourceShareInvitationArn!,
      }),
    );
    expect(out.resourceShareInvitation!.status).toBe('REJECTED');
    expect((await principalsOf(share.resourceShare!.resourceShareArn!))[0]!.status).toBe('DISASSOCIATED');
  });

  it('only the owner associates or disassociates; disassociation is asynchronous', async () => {
    const paymentsRam = new RAMClient(await t.configAs(workloadRole(payments)));
    const notOwner = await errorOf(
      paymentsRam.send(
        new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [search] }),
      ),
    );
    expect(notOwner.name).toBe('OperationNotPermittedException');
    const riskRam = new RAMClient(await t.configAs(workloadRole(risk)));
    const stranger = await errorOf(
      riskRam.send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [risk] })),
    );
    expect(stranger.name).toBe('UnknownResourceException');

    const added = await ram.send(
      new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [search, risk] }),
    );
    expect(added.resourceShareAssociations!.map((a) => a.status)).toEqual(['ASSOCIATING', 'ASSOCIATING']);
    t.clock.advance(DELAY);
    expect((await principalsOf(shareArn)).filter((a) => a.status === 'ASSOCIATED')).toHaveLength(4);
    const removed = await ram.send(
      new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [risk] }),
    );
    expect(removed.resourceShareAssociations![0]!.status).toBe('DISASSOCIATING');
    t.clock.advance(DELAY);
    expect((await principalsOf(shareArn)).find((a) => a.associatedEntity === risk)?.status).toBe(
      'DISASSOCIATED',
    );
  });

  it('pages GetResourceShareAssociations', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'PRINCIPAL',
          resourceShareArns: [shareArn],
          maxResults: 1,
          nextToken,
        }),
      );
      expect(page.resourceShareAssociations!.length).toBeLessThanOrEqual(1);
      seen.push(...page.resourceShareAssociations!.map((a) => a.associatedEntity!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen.sort()).toEqual([payments, search, risk, DEMO_EXTERNAL_ACCOUNT].sort());
  });

  it('honours clientToken and reports RAM error shapes', async () => {
    const input = {
      name: 'idem-share',
      resourceArns: [snArn],
      principals: [search],
      clientToken: 'ram-token-1',
    };
    const first = await ram.send(new CreateResourceShareCommand(input));
    const again = await ram.send(new CreateResourceShareCommand(input));
    expect(again.resourceShare!.resourceShareArn).toBe(first.resourceShare!.resourceShareArn);
    expect(again.clientToken).toBe('ram-token-1');
    const mismatch = await errorOf(
      ram.send(new CreateResourceShareCommand({ ...input, name: 'other-name' })),
    );
    expect(mismatch.name).toBe('IdempotentParameterMismatchException');
    expect(mismatch.$metadata.httpStatusCode).toBe(400);

    const malformed = await errorOf(
      ram.send(new AssociateResourceShareCommand({ resourceShareArn: 'not-an-arn', principals: [search] })),
    );
    expect(malformed.name).toBe('MalformedArnException');
    const unknown = await errorOf(
      ram.send(
        new AssociateResourceShareCommand({
          resourceShareArn:
            'arn:aws:ram:us-east-1:100000000001:resource-share/00000000-0000-0000-0000-000000000000',
          principals: [search],
        }),
      ),
    );
    expect(unknown.name).toBe('UnknownResourceException');
    const badPrincipal = await errorOf(
      ram.send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: ['12345'] })),
    );
    expect(badPrincipal.name).toBe('InvalidParameterException');

    const internalOnly = await ram.send(
      new CreateResourceShareCommand({
        name: 'org-only',
        resourceArns: [snArn],
        allowExternalPrincipals: false,
      }),
    );
    const external = await errorOf(
      ram.send(
        new AssociateResourceShareCommand({
          resourceShareArn: internalOnly.resourceShare!.resourceShareArn!,
          principals: [DEMO_EXTERNAL_ACCOUNT],
        }),
      ),
    );
    expect(external.name).toBe('OperationNotPermittedException');
  });

  it('deletes a share (DeleteResourceShare uses query parameters)', async () => {
    const share = await ram.send(
      new CreateResourceShareCommand({ name: 'to-delete', resourceArns: [snArn], principals: [search] }),
    );
    const arn = share.resourceShare!.resourceShareArn!;
    const out = await ram.send(new DeleteResourceShareCommand({ resourceShareArn: arn }));
    expect(out.returnValue).toBe(true);
    const listed = await ram.send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arn] }),
    );
    expect(listed.resourceShares![0]!.status).toBe('DELETED');
    expect((await principalsOf(arn))[0]!.status).toBe('DISASSOCIATED');
  });
});
