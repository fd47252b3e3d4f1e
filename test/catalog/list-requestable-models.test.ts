import { describe, expect, it } from 'vitest';
import { listRequestableModels } from '@/lib/catalog/list-requestable-models';
import { seedDemoData } from '@/lib/db/seed';
import { testDatabaseKinds } from '../db/test-databases';
import { leadActor, useFreshDatabase } from '../teams/team-test-db';

describe.each(testDatabaseKinds)('the requestable catalog on $name', (kind) => {
  const db = useFreshDatabase(kind);

  it('lists enabled models with tier, approval rule and exact current prices', async () => {
    await seedDemoData(db());
    const models = await listRequestableModels(leadActor(), db());
    expect(models.length).toBe(11);
    const opus = models.find((m) => m.modelId === 'anthropic.claude-3-opus-20240229-v1:0');
    expect(opus).toMatchObject({
      requiresTwoApprovals: true,
      price: { input: '15', output: '75', currency: 'USD' },
    });
    const haiku = models.find((m) => m.modelId === 'anthropic.claude-3-haiku-20240307-v1:0');
    expect(haiku?.price).toEqual({ input: '0.25', output: '1.25', currency: 'USD' });
  });

  it('leaves out disabled models and shows no price where none is in force', async () => {
    await seedDemoData(db());
    await db().model.update({ where: { modelId: 'cohere.command-r-v1:0' }, data: { enabled: false } });
    await db().priceBookEntry.updateMany({
      where: { modelId: 'amazon.nova-lite-v1:0' },
      data: { effectiveTo: new Date(Date.now() - 1000) },
    });
    const models = await listRequestableModels(leadActor(), db());
    expect(models.map((m) => m.modelId)).not.toContain('cohere.command-r-v1:0');
    expect(models.find((m) => m.modelId === 'amazon.nova-lite-v1:0')?.price).toBeNull();
  });
});
