'use client';

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, fieldErrors, FormFeedback, formValues, SelectField } from '@/components/admin/form-field';
import { useUpdateEstateSettings } from '@/components/admin/hooks/use-update-estate-settings';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TEstateSettingsView } from '@/lib/estate/get-estate-settings';
import { estateKeys } from '@/lib/query/estate-keys';
import { ADMIN_STALE_TIME } from '@/lib/query/stale-times';

const NONE = '';
const choice = (items: { id: string; name: string; arn: string }[]) => [
  { value: NONE, label: '— none —' },
  ...items.map((i) => ({ value: i.id, label: `${i.name} · ${i.arn}` })),
];

export function EstateSettingsClient() {
  const query = useQuery({
    queryKey: estateKeys.settings(),
    queryFn: () => fetchJson<TEstateSettingsView>('/api/v1/admin/estate-settings'),
    staleTime: ADMIN_STALE_TIME,
  });
  const update = useUpdateEstateSettings();
  const [saved, setSaved] = useState<string | null>(null);
  const s = query.data;
  if (!s) {
    return query.error ? (
      <p className="error-box" role="alert">
        Could not load the estate settings: {query.error.message}
      </p>
    ) : null;
  }
  const errors = fieldErrors(update.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    setSaved(null);
    update.mutate(
      {
        organizationId: v.organizationId ?? null,
        modelQueryKey: v.modelQueryKey ?? '',
        serviceNetworkId: v.serviceNetworkId ?? null,
        serviceId: v.serviceId ?? null,
        resourceShareId: v.resourceShareId ?? null,
      },
      {
        onSuccess: (r) =>
          setSaved(r.changed.length ? `Saved: ${r.changed.join(', ')} changed.` : 'Nothing to change.'),
      },
    );
  };
  const nothingRecorded = s.options.serviceNetworks.length === 0;
  return (
    <section aria-labelledby="estate-form-h" className="card">
      <h2 id="estate-form-h">Managed estate</h2>
      {nothingRecorded ? (
        <p className="muted">
          No service network is recorded yet. Bootstrap the demo estate or record an existing one first; then
          choose it here.
        </p>
      ) : null}
      <form className="stack" onSubmit={onSubmit} noValidate>
        <Field
          label="AWS Organization id"
          name="organizationId"
          defaultValue={s.organizationId ?? ''}
          error={errors.organizationId}
          hint="o-… — used for aws:PrincipalOrgID and RAM sharing. Leave empty if the accounts are not in one organization."
        />
        <Field
          label="Model query key"
          name="modelQueryKey"
          defaultValue={s.modelQueryKey}
          required
          error={errors.modelQueryKey}
          hint="The query-string parameter the auth policy matches the model on. Changing it changes every compiled policy and every client."
        />
        <SelectField
          label="Service network"
          name="serviceNetworkId"
          options={choice(s.options.serviceNetworks)}
          defaultValue={s.serviceNetworkId ?? NONE}
          error={errors.serviceNetworkId}
        />
        <SelectField
          label="Lattice service"
          name="serviceId"
          options={choice(s.options.services)}
          defaultValue={s.serviceId ?? NONE}
          error={errors.serviceId}
        />
        <SelectField
          label="RAM resource share"
          name="resourceShareId"
          options={choice(s.options.resourceShares)}
          defaultValue={s.resourceShareId ?? NONE}
          error={errors.resourceShareId}
        />
        {s.region ? <p className="muted">Region: {s.region}</p> : null}
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={update.isPending}>
            Save settings
          </button>
        </div>
        <FormFeedback error={update.error} success={saved} />
      </form>
    </section>
  );
}
