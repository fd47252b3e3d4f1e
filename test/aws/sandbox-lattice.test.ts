import {
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  DeleteServiceCommand,
  DeleteServiceNetworkCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceNetworkCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, fastConfig, startTestSandbox, type TTestSandbox } from './sandbox-helpers';

let t: TTestSandbox;
let lattice: VPCLatticeClient;

beforeAll(async () => {
  t = await startTestSandbox();
  lattice = new VPCLatticeClient(fastConfig(t.sandbox.url));
});
afterAll(async () => t.stop());

describe('sandbox: service networks', () => {
  it('creates (201) with real id/ARN formats, gets by id and by percent-encoded ARN, updates authType', async () => {
    const created = await lattice.send(
      new CreateServiceNetworkCommand({ name: 'sn-basic', authType: 'NONE' }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.id).toMatch(/^sn-[0-9a-z]{17}$/);
    expect(created.arn).toBe(`arn:aws:vpc-lattice:us-east-1:100000000001:servicenetwork/${created.id}`);

    const byArn = await lattice.send(
      new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.arn! }),
    );
    expect(byArn).toMatchObject({
      id: created.id,
      name: 'sn-basic',
      authType: 'NONE',
      numberOfAssociatedVPCs: 0,
    });
    expect(byArn.createdAt).toBeInstanceOf(Date);

    const updated = await lattice.send(
      new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: created.id!, authType: 'AWS_IAM' }),
    );
    expect(updated.authType).toBe('AWS_IAM');
    const again = await lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id! }));
    expect(again.authType).toBe('AWS_IAM');
  });

  it('pages ListServiceNetworks with maxResults/nextToken', async () => {
    for (const n of ['page-a', 'page-b', 'page-c', 'page-d']) {
      await lattice.send(new CreateServiceNetworkCommand({ name: n }));
    }
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await lattice.send(new ListServiceNetworksCommand({ maxResults: 2, nextToken: token }));
      expect(out.items!.length).toBeLessThanOrEqual(2);
      names.push(...out.items!.map((i) => i.name!));
      token = out.nextToken;
      pages += 1;
    } while (token);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(expect.arrayContaining(['page-a', 'page-b', 'page-c', 'page-d']));
    expect(new Set(names).size).toBe(names.length);
    const bad = await errorOf(lattice.send(new ListServiceNetworksCommand({ maxResults: 101 })));
    expect(bad.name).toBe('ValidationException');
  });

  it('replays a create with the same clientToken and refuses the token with different parameters', async () => {
    const first = await lattice.send(
      new CreateServiceNetworkCommand({ name: 'idem-sn', clientToken: 'tok-1' }),
    );
    const replay = await lattice.send(
      new CreateServiceNetworkCommand({ name: 'idem-sn', clientToken: 'tok-1' }),
    );
    expect(replay.id).toBe(first.id);
    const mismatch = await errorOf(
      lattice.send(new CreateServiceNetworkCommand({ name: 'other-sn', clientToken: 'tok-1' })),
    );
    expect(mismatch.name).toBe('ConflictException');
    const duplicateName = await errorOf(lattice.send(new CreateServiceNetworkCommand({ name: 'idem-sn' })));
    expect(duplicateName.name).toBe('ConflictException');
    expect(duplicateName.resourceType).toBe('SERVICE_NETWORK');
  });

  it('validates names and deletes (204)', async () => {
    const bad = await errorOf(lattice.send(new CreateServiceNetworkCommand({ name: 'Bad--Name' })));
    expect(bad.name).toBe('ValidationException');
    expect(bad.reason).toBe('fieldValidationFailed');
    expect(bad.fieldList).toEqual([expect.objectContaining({ name: 'name' })]);
    const sn = await lattice.send(new CreateServiceNetworkCommand({ name: 'to-delete' }));
    const deleted = await lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: sn.id! }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const gone = await errorOf(
      lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id! })),
    );
    expect(gone.name).toBe('ResourceNotFoundException');
  });

  it('tags, untags (repeated tagKeys) and lists tags by ARN', async () => {
    const sn = await lattice.send(
      new CreateServiceNetworkCommand({ name: 'tagged', tags: { team: 'net', env: 'dev' } }),
    );
    await lattice.send(
      new TagResourceCommand({ resourceArn: sn.arn!, tags: { owner: 'platform', cost: 'cc-1' } }),
    );
    await lattice.send(new UntagResourceCommand({ resourceArn: sn.arn!, tagKeys: ['env', 'cost'] }));
    const tags = await lattice.send(new ListTagsForResourceCommand({ resourceArn: sn.arn! }));
    expect(tags.tags).toEqual({ team: 'net', owner: 'platform' });
  });
});

describe('sandbox: services', () => {
  it('creates (201) a service with a Lattice DNS name, gets, lists and deletes it', async () => {
    const svc = await lattice.send(new CreateServiceCommand({ name: 'proxy-one', authType: 'AWS_IAM' }));
    expect(svc.$metadata.httpStatusCode).toBe(201);
    expect(svc.id).toMatch(/^svc-[0-9a-z]{17}$/);
    expect(svc.dnsEntry?.domainName).toMatch(
      new RegExp(`^proxy-one-${svc.id!.slice(4)}\\.[0-9a-f]{7}\\.vpc-lattice-svcs\\.us-east-1\\.on\\.aws$`),
    );
    const got = await lattice.send(new GetServiceCommand({ serviceIdentifier: svc.arn! }));
    expect(got).toMatchObject({ name: 'proxy-one', status: 'ACTIVE', authType: 'AWS_IAM' });
    const list = await lattice.send(new ListServicesCommand({}));
    expect(list.items!.map((i) => i.id)).toContain(svc.id);
    const deleted = await lattice.send(new DeleteServiceCommand({ serviceIdentifier: svc.id! }));
    expect(deleted.status).toBe('DELETE_IN_PROGRESS');
  });

  it('answers an unknown service with ResourceNotFoundException (404, resourceId/resourceType)', async () => {
    const err = await errorOf(
      lattice.send(new GetServiceCommand({ serviceIdentifier: 'svc-0123456789abcdef0' })),
    );
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.$metadata.httpStatusCode).toBe(404);
    expect(err.resourceType).toBe('SERVICE');
    expect(err.resourceId).toBe('svc-0123456789abcdef0');
    expect(err.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hides another account’s service: by id not found, by ARN access denied', async () => {
    const genai = new VPCLatticeClient(
      await t.configAs('arn:aws:iam::111122223333:role/BedrockAccessPortal'),
    );
    const svc = await genai.send(new CreateServiceCommand({ name: 'genai-private' }));
    const byId = await errorOf(lattice.send(new GetServiceCommand({ serviceIdentifier: svc.id! })));
    expect(byId.name).toBe('ResourceNotFoundException');
    const byArn = await errorOf(lattice.send(new GetServiceCommand({ serviceIdentifier: svc.arn! })));
    expect(byArn.name).toBe('AccessDeniedException');
    expect(byArn.$metadata.httpStatusCode).toBe(403);
  });
});
