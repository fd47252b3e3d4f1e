import { z } from 'zod';
import { createModel, ZCreateModel } from '@/lib/catalog/create-model';
import { listCatalogModels } from '@/lib/catalog/list-catalog-models';
import { updateModel, ZUpdateModel } from '@/lib/catalog/update-model';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

// Model ids carry ':' and '/', so the model being edited travels in the body rather than the path.
const ZPatchModel = ZUpdateModel.extend({ modelId: z.string().min(1).max(256) });

export const GET = withAuth(({ actor }) => listCatalogModels(actor), { permission: 'admin:manage' });
export const POST = withAuth(({ actor, body }) => createModel(actor, body), {
  permission: 'admin:manage',
  body: ZCreateModel,
});
export const PATCH = withAuth(
  ({ actor, body }) => {
    const { modelId, ...changes } = body;
    return updateModel(actor, modelId, changes);
  },
  { permission: 'admin:manage', body: ZPatchModel },
);
