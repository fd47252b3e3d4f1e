'use client';

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, fieldErrors, FormFeedback, formValues, SelectField } from '@/components/admin/form-field';
import { useCreateModel } from '@/components/admin/hooks/use-create-model';
import { useUpdateModel } from '@/components/admin/hooks/use-update-model';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TCatalogModelView } from '@/lib/catalog/catalog-schemas';
import { catalogKeys } from '@/lib/query/catalog-keys';
import { ADMIN_STALE_TIME } from '@/lib/query/stale-times';

const TIERS = [
  { value: 'STANDARD', label: 'Standard' },
  { value: 'ADVANCED', label: 'Advanced' },
  { value: 'RESTRICTED', label: 'Restricted' },
];
type TTier = 'STANDARD' | 'ADVANCED' | 'RESTRICTED';
const asTier = (v: string | undefined): TTier => (v === 'ADVANCED' || v === 'RESTRICTED' ? v : 'STANDARD');

export function ModelsClient() {
  const models = useQuery({
    queryKey: catalogKeys.admin(),
    queryFn: () => fetchJson<TCatalogModelView[]>('/api/v1/admin/models'),
    staleTime: ADMIN_STALE_TIME,
  });
  const [editing, setEditing] = useState<string | null>(null);
  const editingModel = models.data?.find((m) => m.modelId === editing) ?? null;
  return (
    <>
      <section aria-labelledby="catalog-h" className="card">
        <h2 id="catalog-h">Models</h2>
        {models.error ? (
          <p className="error-box" role="alert">
            Could not load the catalog: {models.error.message}
          </p>
        ) : null}
        {models.data && models.data.length === 0 ? (
          <div className="empty">
            <strong>The catalog is empty</strong>
            Add the Bedrock models teams may request below.
          </div>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Policy key</th>
                <th scope="col">Tier</th>
                <th scope="col">Approvals</th>
                <th scope="col">Status</th>
                <th scope="col">Active grants</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {(models.data ?? []).map((m) => (
                <tr key={m.modelId}>
                  <td>
                    {m.name} <span className="muted">({m.provider})</span>
                    <div className="mono muted">{m.modelId}</div>
                  </td>
                  <td className="mono">{m.policyKey}</td>
                  <td>
                    <span
                      className={`badge${m.tier === 'RESTRICTED' ? ' danger' : m.tier === 'ADVANCED' ? ' warn' : ''}`}
                    >
                      {m.tier.toLowerCase()}
                    </span>
                  </td>
                  <td>{m.requiresTwoApprovals ? 'two approvers' : 'one approver'}</td>
                  <td>
                    {m.enabled ? (
                      <span className="badge ok">enabled</span>
                    ) : (
                      <span className="badge">disabled</span>
                    )}
                  </td>
                  <td>{m.activeGrants}</td>
                  <td>
                    <button
                      className="btn"
                      type="button"
                      aria-label={`Edit ${m.name}`}
                      onClick={() => setEditing(m.modelId)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editingModel ? (
        <EditModelForm key={editingModel.modelId} model={editingModel} onDone={() => setEditing(null)} />
      ) : null}
      <CreateModelForm />
    </>
  );
}

function EditModelForm({ model, onDone }: { model: TCatalogModelView; onDone: () => void }) {
  const update = useUpdateModel();
  const [saved, setSaved] = useState<string | null>(null);
  const errors = fieldErrors(update.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    const data = new FormData(form);
    setSaved(null);
    update.mutate(
      {
        modelId: model.modelId,
        name: v.name ?? '',
        policyKey: v.policyKey ?? '',
        tier: asTier(v.tier),
        requiresTwoApprovals: data.get('requiresTwoApprovals') === 'on',
        enabled: data.get('enabled') === 'on',
      },
      { onSuccess: (m) => setSaved(`${m.name} saved.`) },
    );
  };
  return (
    <section aria-labelledby="edit-model-h" className="card">
      <h2 id="edit-model-h">Edit {model.name}</h2>
      <p className="mono muted">{model.modelId}</p>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <Field label="Display name" name="name" defaultValue={model.name} required error={errors.name} />
        <Field
          label="Policy key"
          name="policyKey"
          defaultValue={model.policyKey}
          required
          error={errors.policyKey}
          hint="The value the auth policy matches in the model query parameter. Changing it changes the next compiled policy."
        />
        <SelectField label="Tier" name="tier" options={TIERS} defaultValue={model.tier} error={errors.tier} />
        <label>
          <span>
            <input type="checkbox" name="requiresTwoApprovals" defaultChecked={model.requiresTwoApprovals} />{' '}
            Requires two distinct approvers
          </span>
        </label>
        <label>
          <span>
            <input type="checkbox" name="enabled" defaultChecked={model.enabled} /> Enabled (teams may request
            it)
          </span>
        </label>
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={update.isPending}>
            Save model
          </button>
          <button className="btn" type="button" onClick={onDone}>
            Close
          </button>
        </div>
        <FormFeedback error={update.error} success={saved} />
      </form>
    </section>
  );
}

function CreateModelForm() {
  const create = useCreateModel();
  const [created, setCreated] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    const data = new FormData(form);
    setCreated(null);
    create.mutate(
      {
        modelId: v.modelId ?? '',
        name: v.name ?? '',
        provider: v.provider ?? '',
        ...(v.policyKey ? { policyKey: v.policyKey } : {}),
        tier: asTier(v.tier),
        requiresTwoApprovals: data.get('requiresTwoApprovals') === 'on',
        enabled: true,
      },
      {
        onSuccess: (m) => {
          setCreated(`${m.name} added to the catalog.`);
          form.reset();
        },
      },
    );
  };
  return (
    <section aria-labelledby="add-model-h" className="card">
      <h2 id="add-model-h">Add a model</h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <Field
          label="Bedrock model id"
          name="modelId"
          required
          error={errors.modelId}
          hint="e.g. anthropic.claude-3-haiku-20240307-v1:0"
        />
        <Field label="Display name" name="name" required error={errors.name} />
        <Field label="Provider" name="provider" required error={errors.provider} />
        <Field
          label="Policy key (optional)"
          name="policyKey"
          error={errors.policyKey}
          hint="Defaults to the model id."
        />
        <SelectField label="Tier" name="tier" options={TIERS} error={errors.tier} />
        <label>
          <span>
            <input type="checkbox" name="requiresTwoApprovals" /> Requires two distinct approvers
          </span>
        </label>
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={create.isPending}>
            Add model
          </button>
        </div>
        <FormFeedback error={create.error} success={created} />
      </form>
    </section>
  );
}
