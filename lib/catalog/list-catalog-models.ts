import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { MODEL_VIEW_SELECT, toModelView, type TCatalogModelView } from './catalog-schemas';

/** The whole model catalog (disabled models included) for administration. */
export async function listCatalogModels(actor: TActor, db?: TDb): Promise<TCatalogModelView[]> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  const models = await client.model.findMany({
    orderBy: [{ provider: 'asc' }, { name: 'asc' }],
    select: MODEL_VIEW_SELECT,
  });
  return models.map(toModelView);
}
