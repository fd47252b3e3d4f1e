import { RAMClient } from '@aws-sdk/client-ram';
import {
  CreateAccessLogSubscriptionCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteAccessLogSubscriptionCommand,
  DeleteServiceNetworkCommand,
  DeleteServiceNetworkVpcAssociationCommand,
  GetAccessLogSubscriptionCommand,
  GetServiceNetworkCommand,
  GetServiceNetworkServiceAssociationCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListAccessLogSubscriptionsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { CreateResourceShareCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAMS } from '@/lib/demo/world';
import {
  errorOf,
  fastConfig,
  GENAI_ROLE,
  startTestSandbox,
  workloadRole,
  type TTestSandbox,
} from './sandbox-helpers';

const payments = DEMO_TEAMS[0]!;
const search = DEMO_TEAMS[1]!;
const [paymentsDev, paymentsProd] = payments.vpcs;

let t: TTestSandbox;
let network: VPCLatticeClient;
let paymentsLattice: VPCLatticeClient;
const DELAY = 2000;
let snArn: string;
let snId: string;

beforeAll(async () => {
  // Nothing moves until the test moves the sandbox clock past the delay: no wall-clock races.
  t = await startTestSandbox({ associationDelayMs: DELAY });
  network = new VPCLatticeClient(fastConfig(t.sandbox.url));
  paymentsLattice = new VPCLatticeClient(await t.configAs(workloadRole(payments.accountId)));
  const sn = await network.send(new CreateServiceNetworkCommand({ name: 'assoc-sn', authType: 'AWS_IAM' }));
  snArn = sn.arn!;
  snId = sn.id!;
  const ram = new RAMClient(fastConfig(t.sandbox.url));
  await ram.send(
    new CreateResourceShareCommand({
      name: 'assoc-share',
      resourceArns: [snArn],
      principals: [payments.accountId, search.accountId, '111122223333'],
    }),
  );
});
afterAll(async () => t.stop());

describe('sandbox: service-network VPC associations', () => {
  it('refuses while the network is not yet shared, then associates asynchronously (CREATE_IN_PROGRESS → ACTIVE)', async () => {
    // Right after CreateResourceShare the principal is still ASSOCIATING: the network is not visible yet.
    const early = await errorOf(
      paymentsLattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snArn,
          vpcIdentifier: paymentsDev!.vpcId,
        }),
      ),
    );
    expect(early.name).toBe('AccessDeniedException');

    t.clock.advance(DELAY);
    const created = await paymentsLattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: snArn,
        vpcIdentifier: paymentsDev!.vpcId,
        securityGroupIds: paymentsDev!.securityGroupIds,
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.id).toMatch(/^snva-[0-9a-z]{17}$/);
    expect(created.status).toBe('CREATE_IN_PROGRESS');
    expect(created.createdBy).toBe(payments.accountId);

    const pending = await paymentsLattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.arn! }),
    );
    expect(pending.status).toBe('CREATE_IN_PROGRESS');
    t.clock.advance(DELAY / 2);
    const almost = await paymentsLattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.arn! }),
    );
    expect(almost.status).toBe('CREATE_IN_PROGRESS');
    t.clock.advance(DELAY / 2);
    const active = await paymentsLattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.arn! }),
    );
    expect(active.status).toBe('ACTIVE');
    expect(active).toMatchObject({
      vpcId: paymentsDev!.vpcId,
      serviceNetworkArn: snArn,
      securityGroupIds: paymentsDev!.securityGroupIds,
    });

    // The service-network owner sees it too, and the count moves.
    const list = await network.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: snId }),
    );
    expect(list.items!.map((i) => i.vpcId)).toContain(paymentsDev!.vpcId);
    const sn = await network.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: snId }));
    expect(sn.numberOfAssociatedVPCs).toBe(1);
  });

  it('gives ConflictException when the same VPC is associated twice', async () => {
    const err = await errorOf(
      paymentsLattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snArn,
          vpcIdentifier: paymentsDev!.vpcId,
        }),
      ),
    );
    expect(err.name).toBe('ConflictException');
    expect(err.$metadata.httpStatusCode).toBe(409);
    expect(err.resourceType).toBe('SERVICE_NETWORK_VPC_ASSOCIATION');
  });

  it('refuses an association from an account that does not own the VPC', async () => {
    const searchLattice = new VPCLatticeClient(await t.configAs(workloadRole(search.accountId)));
    // Search sees the shared network (once RAM has associated it) but does not own Payments' VPC.
    const err = await errorOf(
      searchLattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snArn,
          vpcIdentifier: paymentsProd!.vpcId,
        }),
      ),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain(`owned by account ${payments.accountId}`);
    const fromNetwork = await errorOf(
      network.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snId,
          vpcIdentifier: paymentsProd!.vpcId,
        }),
      ),
    );
    expect(fromNetwork.name).toBe('AccessDeniedException');
    expect(fromNetwork.message).toContain(`owned by account ${payments.accountId}`);
  });

  it('requires the ARN for a network in another account, and real security groups of the VPC', async () => {
    const byId = await errorOf(
      paymentsLattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snId,
          vpcIdentifier: paymentsProd!.vpcId,
        }),
      ),
    );
    expect(byId.name).toBe('ResourceNotFoundException');
    const badSg = await errorOf(
      paymentsLattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snArn,
          vpcIdentifier: paymentsProd!.vpcId,
          securityGroupIds: ['sg-0a1b2c3d4e5f69999'],
        }),
      ),
    );
    expect(badSg.name).toBe('ValidationException');
    const unknownVpc = await errorOf(
      paymentsLattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: snArn,
          vpcIdentifier: 'vpc-00000000000000000',
        }),
      ),
    );
    expect(unknownVpc.name).toBe('ResourceNotFoundException');
  });

  it('replays a create with the same clientToken', async () => {
    const input = {
      serviceNetworkIdentifier: snArn,
      vpcIdentifier: paymentsProd!.vpcId,
      clientToken: 'snva-token-1',
    };
    const first = await paymentsLattice.send(new CreateServiceNetworkVpcAssociationCommand(input));
    const again = await paymentsLattice.send(new CreateServiceNetworkVpcAssociationCommand(input));
    expect(again.id).toBe(first.id);
  });

  it('deletes asynchronously (DELETE_IN_PROGRESS → gone); deleting while creating is a conflict; the network cannot be deleted meanwhile', async () => {
    const prod = (
      await paymentsLattice.send(
        new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: paymentsProd!.vpcId }),
      )
    ).items![0]!;
    expect(prod.status).toBe('CREATE_IN_PROGRESS');
    const early = await errorOf(
      paymentsLattice.send(
        new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: prod.id! }),
      ),
    );
    expect(early.name).toBe('ConflictException');
    const snDelete = await errorOf(
      network.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: snId })),
    );
    expect(snDelete.name).toBe('ConflictException');
    t.clock.advance(DELAY);
    const del = await paymentsLattice.send(
      new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: prod.arn! }),
    );
    expect(del.status).toBe('DELETE_IN_PROGRESS');
    const deleting = await paymentsLattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: paymentsProd!.vpcId }),
    );
    expect(deleting.items!.map((i) => i.status)).toEqual(['DELETE_IN_PROGRESS']);
    t.clock.advance(DELAY);
    const none = await paymentsLattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: paymentsProd!.vpcId }),
    );
    expect(none.items).toEqual([]);
    const gone = await errorOf(
      paymentsLattice.send(
        new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: prod.id! }),
      ),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });

  it('paginates the association list and requires a filter', async () => {
    const page = await network.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: snArn, maxResults: 1 }),
    );
    expect(page.items!.length).toBe(1);
    const noFilter = await errorOf(network.send(new ListServiceNetworkVpcAssociationsCommand({})));
    expect(noFilter.name).toBe('ValidationException');
  });
});

describe('sandbox: service associations and access logs', () => {
  it('associates a genai service with the shared network and lists it from both sides', async () => {
    const genai = new VPCLatticeClient(await t.configAs(GENAI_ROLE));
    const svc = await genai.send(new CreateServiceCommand({ name: 'assoc-proxy', authType: 'AWS_IAM' }));
    const snsa = await genai.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceIdentifier: svc.id!,
        serviceNetworkIdentifier: snArn,
      }),
    );
    expect(snsa.$metadata.httpStatusCode).toBe(200);
    expect(snsa.id).toMatch(/^snsa-[0-9a-z]{17}$/);
    expect(snsa.status).toBe('CREATE_IN_PROGRESS');
    t.clock.advance(DELAY);
    const ready = await genai.send(
      new GetServiceNetworkServiceAssociationCommand({
        serviceNetworkServiceAssociationIdentifier: snsa.id!,
      }),
    );
    expect(ready.status).toBe('ACTIVE');
    const fromNetwork = await network.send(
      new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: snId }),
    );
    expect(fromNetwork.items!.map((i) => i.serviceArn)).toContain(svc.arn);
    const twice = await errorOf(
      genai.send(
        new CreateServiceNetworkServiceAssociationCommand({
          serviceIdentifier: svc.id!,
          serviceNetworkIdentifier: snArn,
        }),
      ),
    );
    expect(twice.name).toBe('ConflictException');

    const bucket = 'arn:aws:s3:::assoc-access-logs';
    const sub = await genai.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: svc.arn!, destinationArn: bucket }),
    );
    expect(sub.$metadata.httpStatusCode).toBe(201);
    expect(sub).toMatchObject({ resourceId: svc.id, resourceArn: svc.arn, destinationArn: bucket });
    expect(sub.id).toMatch(/^als-[0-9a-z]{17}$/);
    const list = await genai.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: svc.id! }));
    expect(list.items!.map((i) => i.arn)).toEqual([sub.arn]);
    const got = await genai.send(
      new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: sub.id! }),
    );
    expect(got.destinationArn).toBe(bucket);
    const dup = await errorOf(
      genai.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: svc.arn!,
          destinationArn: 'arn:aws:s3:::another-bucket',
        }),
      ),
    );
    expect(dup.name).toBe('ConflictException');
    await genai.send(new DeleteAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: sub.arn! }));
    const after = await genai.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: svc.id! }));
    expect(after.items).toEqual([]);
  });
});
