import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateServiceNetworkCommand,
  GetServiceNetworkCommand,
  ListServiceNetworksCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import {
  CreateResourceShareCommand,
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  RAMClient,
} from '@aws-sdk/client-ram';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildDemoSandboxWorld } from '@/lib/boot/sandbox-seam';
import { startSandbox } from '@/sandbox';
import { DEMO_EXTERNAL_ACCOUNT, DEMO_GENAI_ACCOUNT } from '@/lib/demo/world';
import {
  errorOf,
  fastConfig,
  GENAI_ROLE,
  startTestSandbox,
  workloadRole,
  type TTestSandbox,
} from './sandbox-helpers';

const started: TTestSandbox[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.stop();
});
afterAll(async () => {
  while (started.length) await started.pop()!.stop();
});
async function sandbox(options = {}) {
  const t = await startTestSandbox(options);
  started.push(t);
  return t;
}

describe('sandbox: STS and identity', () => {
  it('reports the base identity, and issues temporary credentials that act as the assumed role', async () => {
    const t = await sandbox();
    const sts = new STSClient(fastConfig(t.sandbox.url));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({
      Account: '100000000001',
      Arn: 'arn:aws:iam::100000000001:user/portal-sandbox',
    });
    expect(me.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: GENAI_ROLE, RoleSessionName: 'probe-session', DurationSeconds: 900 }),
    );
    expect(assumed.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(assumed.Credentials!.Expiration!.getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(assumed.AssumedRoleUser).toMatchObject({
      Arn: `arn:aws:sts::${DEMO_GENAI_ACCOUNT}:assumed-role/BedrockAccessPortal/probe-session`,
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:probe-session$/),
    });
    const config = await t.configAs(GENAI_ROLE);
    const who = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(DEMO_GENAI_ACCOUNT);
    // Resources created with it belong to the genai account.
    const sn = await new VPCLatticeClient(config).send(
      new CreateServiceNetworkCommand({ name: 'genai-owned' }),
    );
    expect(sn.arn).toContain(`:${DEMO_GENAI_ACCOUNT}:servicenetwork/`);
    const fromNetwork = await new VPCLatticeClient(fastConfig(t.sandbox.url)).send(
      new ListServiceNetworksCommand({}),
    );
    expect(fromNetwork.items!.map((i) => i.id)).not.toContain(sn.id);
  });

  it('refuses roles that do not exist or do not trust the caller (AccessDenied)', async () => {
    const t = await sandbox();
    const sts = new STSClient(fastConfig(t.sandbox.url));
    const missing = await errorOf(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::111122223333:role/NoSuchRole',
          RoleSessionName: 'x1',
        }),
      ),
    );
    expect(missing.name).toBe('AccessDenied');
    expect(missing.$metadata.httpStatusCode).toBe(403);
    expect(missing.message).toContain('sts:AssumeRole');
    // A workload session cannot chain into another account's role: only the portal's base account is trusted.
    const external = new STSClient(await t.configAs(workloadRole(DEMO_EXTERNAL_ACCOUNT)));
    const chained = await errorOf(
      external.send(new AssumeRoleCommand({ RoleArn: GENAI_ROLE, RoleSessionName: 'x2' })),
    );
    expect(chained.name).toBe('AccessDenied');
    const badName = await errorOf(
      sts.send(new AssumeRoleCommand({ RoleArn: GENAI_ROLE, RoleSessionName: 'has space' })),
    );
    expect(badName.name).toBe('ValidationError');
  });

  it('rejects bad signatures and unknown keys on every service, with each protocol’s error', async () => {
    const t = await sandbox();
    const forged = fastConfig(t.sandbox.url, {
      accessKeyId: 'AKIASANDBOX000000001',
      secretAccessKey: 'not-the-secret',
    });
    const lattice = await errorOf(new VPCLatticeClient(forged).send(new ListServiceNetworksCommand({})));
    expect(lattice.name).toBe('InvalidSignatureException');
    expect(lattice.$metadata.httpStatusCode).toBe(403);
    const ram = await errorOf(
      new RAMClient(forged).send(new GetResourceSharesCommand({ resourceOwner: 'SELF' })),
    );
    expect(ram.name).toBe('InvalidSignatureException');
    const sts = await errorOf(new STSClient(forged).send(new GetCallerIdentityCommand({})));
    expect(sts.name).toBe('SignatureDoesNotMatch');
    const unknown = fastConfig(t.sandbox.url, { accessKeyId: 'AKIAUNKNOWN000000001', secretAccessKey: 'x' });
    const unknownErr = await errorOf(new VPCLatticeClient(unknown).send(new ListServiceNetworksCommand({})));
    expect(unknownErr.name).toBe('UnrecognizedClientException');
    const stsUnknown = await errorOf(new STSClient(unknown).send(new GetCallerIdentityCommand({})));
    expect(stsUnknown.name).toBe('InvalidClientTokenId');
  });

  it('refuses a signature more than 15 minutes off its clock, and the SDK corrects its skew from the Date header', async () => {
    const t = await sandbox({ clock: () => Date.now() + 60 * 60_000 });
    // One attempt: the skewed request is refused the way AWS refuses it.
    const err = await errorOf(
      new VPCLatticeClient(fastConfig(t.sandbox.url)).send(new ListServiceNetworksCommand({})),
    );
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    // With retries allowed, the SDK reads the sandbox's Date header, adjusts its clock offset and succeeds.
    const client = new VPCLatticeClient(fastConfig(t.sandbox.url, undefined, 2));
    const out = await client.send(new ListServiceNetworksCommand({}));
    expect(out.items).toBeDefined();
    expect(Math.abs((client.config.systemClockOffset ?? 0) - 60 * 60_000)).toBeLessThan(60_000);
  });

  it('expires temporary credentials', async () => {
    const t = await sandbox();
    const config = await t.configAs(GENAI_ROLE);
    await new STSClient(config).send(new GetCallerIdentityCommand({}));
    // Two hours later on the sandbox clock: the key's expiry is checked before the signature's age.
    t.clock.advance(2 * 3600_000);
    const err = await errorOf(new VPCLatticeClient(config).send(new ListServiceNetworksCommand({})));
    expect(err.name).toBe('ExpiredTokenException');
  });

  it('keeps resources, sessions and pending transitions across a restart', async () => {
    const t = await sandbox({ associationDelayMs: 2000 });
    const config = await t.configAs(GENAI_ROLE);
    const sn = await new VPCLatticeClient(config).send(
      new CreateServiceNetworkCommand({ name: 'survivor', clientToken: 'restart-token' }),
    );
    const ownSn = await new VPCLatticeClient(fastConfig(t.sandbox.url)).send(
      new CreateServiceNetworkCommand({ name: 'shared-survivor' }),
    );
    const share = await new RAMClient(fastConfig(t.sandbox.url)).send(
      new CreateResourceShareCommand({
        name: 'survivor-share',
        resourceArns: [ownSn.arn!],
        principals: [DEMO_GENAI_ACCOUNT],
      }),
    );
    await t.restart();
    // The association that was ASSOCIATING before the restart completes after it.
    const ram = new RAMClient(fastConfig(t.sandbox.url));
    const principals = () =>
      ram.send(
        new GetResourceShareAssociationsCommand({
          associationType: 'PRINCIPAL',
          resourceShareArns: [share.resourceShare!.resourceShareArn!],
        }),
      );
    expect((await principals()).resourceShareAssociations![0]!.status).toBe('ASSOCIATING');
    t.clock.advance(2000);
    expect((await principals()).resourceShareAssociations![0]!.status).toBe('ASSOCIATED');
    const again = new VPCLatticeClient({ ...config, endpoint: t.sandbox.url });
    const got = await again.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id! }));
    expect(got.name).toBe('survivor');
    // The clientToken record survived too: a retry after the restart is still a replay.
    const replay = await again.send(
      new CreateServiceNetworkCommand({ name: 'survivor', clientToken: 'restart-token' }),
    );
    expect(replay.id).toBe(sn.id);
  });

  it('accepts an injected world', async () => {
    const world = buildDemoSandboxWorld();
    world.staticCredentials = [
      {
        ...world.staticCredentials[0]!,
        accessKeyId: 'AKIACUSTOMWORLD00001',
        accountId: '123456789012',
        arn: 'arn:aws:iam::123456789012:user/custom',
      },
    ];
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const s = await startSandbox({
      port: 0,
      stateDir: mkdtempSync(path.join(tmpdir(), 'bap-world-')),
      world,
    });
    try {
      const who = await new STSClient(
        fastConfig(s.url, {
          accessKeyId: 'AKIACUSTOMWORLD00001',
          secretAccessKey: world.staticCredentials[0]!.secretAccessKey,
        }),
      ).send(new GetCallerIdentityCommand({}));
      expect(who.Account).toBe('123456789012');
    } finally {
      await s.close();
    }
  });
});
