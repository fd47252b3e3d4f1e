import { describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/auth/permissions';
import { createModel } from '@/lib/catalog/create-model';
import { getEstateSettings } from '@/lib/estate/get-estate-settings';
import { updateEstateSettings } from '@/lib/estate/update-estate-settings';
import { listCatalogModels } from '@/lib/catalog/list-catalog-models';
import { updateModel } from '@/lib/catalog/update-model';
import { AppError } from '@/lib/errors/app-error';
import { testDatabaseKinds } from '../db/test-databases';
import { adminActor, leadActor, useFreshDatabase } from './team-test-db';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDatabaseKinds)('catalog and estate-settings administration on $name', (kind) => {
  const db = useFreshDatabase(kind);

  it('manages the model catalog: policy keys validated and unique, edits audited with before/after', async () => {
    const cli = systemActor('cli');
    const m = await createModel(
      cli,
      { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', name: 'Claude 3 Haiku', provider: 'Anthropic' },
      db(),
    );
    expect(m).toMatchObject({
      policyKey: 'anthropic.claude-3-haiku-20240307-v1:0',
      tier: 'STANDARD',
      requiresTwoApprovals: false,
      enabled: true,
      activeGrants: 0,
    });
    const bad = await rejection(
      createModel(cli, { modelId: 'x*', policyKey: 'a b', name: 'X', provider: 'P' }, db()),
    );
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['modelId', 'policyKey']);
    await createModel(
      cli,
      {
        modelId: 'meta.llama3-8b-instruct-v1:0',
        policyKey: 'llama-8b',
        name: 'Llama 3 8B',
        provider: 'Meta',
      },
      db(),
    );
    expect(
      (
        await rejection(
          createModel(cli, { modelId: 'other', policyKey: 'llama-8b', name: 'O', provider: 'P' }, db()),
        )
      ).code,
    ).toBe('CONFLICT');
    expect(
      (
        await rejection(
          updateModel(cli, 'anthropic.claude-3-haiku-20240307-v1:0', { policyKey: 'llama-8b' }, db()),
        )
      ).code,
    ).toBe('CONFLICT');

    const u = await updateModel(
      cli,
      'anthropic.claude-3-haiku-20240307-v1:0',
      { tier: 'RESTRICTED', requiresTwoApprovals: true, enabled: false },
      db(),
    );
    expect(u).toMatchObject({ tier: 'RESTRICTED', requiresTwoApprovals: true, enabled: false });
    expect((await rejection(updateModel(cli, 'missing', { tier: 'STANDARD' }, db()))).code).toBe('NOT_FOUND');
    const ev = await db().auditEvent.findFirstOrThrow({
      where: { action: 'model.update' },
      select: { actorId: true, actorLabel: true, details: true },
    });
    expect(ev).toEqual({
      actorId: null,
      actorLabel: 'cli',
      details: {
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        changes: {
          tier: { from: 'STANDARD', to: 'RESTRICTED' },
          requiresTwoApprovals: { from: false, to: true },
          enabled: { from: true, to: false },
        },
      },
    });
    expect((await listCatalogModels(cli, db())).map((x) => x.modelId)).toEqual([
      'anthropic.claude-3-haiku-20240307-v1:0',
      'meta.llama3-8b-instruct-v1:0',
    ]);
  });

  it('updates estate settings: validated ids and org id, service and share must match the network, audited by ARN', async () => {
    const admin = await adminActor(db());
    const sn = await db().serviceNetwork.create({
      data: {
        arn: 'arn:aws:vpc-lattice:us-east-1:100000000001:servicenetwork/sn-0123456789abcdef0',
        resourceId: 'sn-0123456789abcdef0',
        name: 'genai-sn',
        accountId: '100000000001',
        region: 'us-east-1',
      },
      select: { id: true },
    });
    const other = await db().serviceNetwork.create({
      data: {
        arn: 'arn:aws:vpc-lattice:us-east-1:100000000001:servicenetwork/sn-0123456789abcdef1',
        resourceId: 'sn-0123456789abcdef1',
        name: 'other-sn',
        accountId: '100000000001',
        region: 'us-east-1',
      },
      select: { id: true },
    });
    const svc = await db().latticeService.create({
      data: {
        arn: 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0123456789abcdef0',
        resourceId: 'svc-0123456789abcdef0',
        name: 'bedrock-proxy',
        accountId: '111122223333',
        region: 'us-east-1',
        serviceNetworkId: sn.id,
      },
      select: { id: true },
    });
    const share = await db().resourceShare.create({
      data: {
        arn: 'arn:aws:ram:us-east-1:100000000001:resource-share/abc',
        name: 'genai-service-network',
        accountId: '100000000001',
        region: 'us-east-1',
        serviceNetworkId: sn.id,
      },
      select: { id: true },
    });

    const bad = await rejection(
      updateEstateSettings(admin, { organizationId: 'org-1', modelQueryKey: 'model id' }, db()),
    );
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['modelQueryKey', 'organizationId']);
    const mismatch = await rejection(
      updateEstateSettings(
        admin,
        { serviceNetworkId: other.id, serviceId: svc.id, resourceShareId: share.id },
        db(),
      ),
    );
    expect(mismatch.issues.map((i) => i.path).sort()).toEqual(['resourceShareId', 'serviceId']);
    expect((await rejection(updateEstateSettings(admin, { serviceId: 'nope' }, db()))).issues[0]?.path).toBe(
      'serviceId',
    );

    const r = await updateEstateSettings(
      admin,
      {
        organizationId: 'o-bap7demo42x',
        modelQueryKey: 'model',
        serviceNetworkId: sn.id,
        serviceId: svc.id,
        resourceShareId: share.id,
      },
      db(),
    );
    expect(r.changed.sort()).toEqual([
      'modelQueryKey',
      'organizationId',
      'resourceShareId',
      'serviceId',
      'serviceNetworkId',
    ]);
    expect((await updateEstateSettings(admin, { modelQueryKey: 'model' }, db())).changed).toEqual([]);
    const view = await getEstateSettings(admin, db());
    expect(view).toMatchObject({
      organizationId: 'o-bap7demo42x',
      modelQueryKey: 'model',
      region: 'us-east-1',
      serviceId: svc.id,
    });
    expect(view.options.serviceNetworks.map((n) => n.name)).toEqual(['genai-sn', 'other-sn']);
    const ev = await db().auditEvent.findFirstOrThrow({
      where: { action: 'estate.settings.update' },
      select: { details: true },
    });
    expect(ev.details).toMatchObject({
      serviceArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0123456789abcdef0',
      modelQueryKey: 'model',
    });
    expect((await rejection(updateEstateSettings(leadActor(), { modelQueryKey: 'x' }, db()))).code).toBe(
      'FORBIDDEN',
    );
  });
});
