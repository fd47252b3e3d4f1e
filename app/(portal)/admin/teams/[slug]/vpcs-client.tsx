'use client';

import { useState, type FormEvent } from 'react';
import {
  Field,
  fieldErrors,
  FormFeedback,
  formValues,
  SelectField,
  splitList,
} from '@/components/admin/form-field';
import { useAddTeamVpc } from '@/components/admin/hooks/use-add-team-vpc';
import { useRemoveTeamVpc } from '@/components/admin/hooks/use-remove-team-vpc';
import { useUpdateTeamVpc } from '@/components/admin/hooks/use-update-team-vpc';
import type { TAdminTeamDetail } from '@/lib/teams/get-team-for-admin';

export function VpcsClient({ team }: { team: TAdminTeamDetail }) {
  const add = useAddTeamVpc();
  const update = useUpdateTeamVpc();
  const remove = useRemoveTeamVpc();
  const [message, setMessage] = useState<string | null>(null);
  const addErrors = fieldErrors(add.error);
  const updateErrors = fieldErrors(update.error);

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    setMessage(null);
    add.mutate(
      {
        slug: team.slug,
        vpcId: v.vpcId ?? '',
        accountId: v.accountId ?? '',
        region: v.region ?? '',
        environment: v.environment ?? 'default',
        securityGroupIds: splitList(v.securityGroupIds),
      },
      {
        onSuccess: (vpc) => {
          setMessage(`${vpc.vpcId} added.`);
          form.reset();
        },
      },
    );
  };

  const onSaveGroups = (event: FormEvent<HTMLFormElement>, vpcId: string) => {
    event.preventDefault();
    setMessage(null);
    update.mutate(
      {
        slug: team.slug,
        vpcId,
        securityGroupIds: splitList(formValues(event.currentTarget).securityGroupIds),
      },
      { onSuccess: () => setMessage(`Security groups of ${vpcId} saved.`) },
    );
  };

  return (
    <section aria-labelledby="vpcs-h" className="card">
      <h2 id="vpcs-h">VPCs</h2>
      {team.vpcs.length === 0 ? (
        <p className="muted">No VPCs yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">VPC</th>
              <th scope="col">Account</th>
              <th scope="col">Region</th>
              <th scope="col">Environment</th>
              <th scope="col">Security groups</th>
              <th scope="col">Association</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.vpcs.map((v) => (
              <tr key={v.vpcId}>
                <td className="mono">{v.vpcId}</td>
                <td className="mono">{v.accountId}</td>
                <td>{v.region}</td>
                <td>{v.environment}</td>
                <td>
                  <form
                    onSubmit={(e) => onSaveGroups(e, v.vpcId)}
                    noValidate
                    className="toolbar"
                    style={{ marginBottom: 0 }}
                  >
                    <input
                      name="securityGroupIds"
                      aria-label={`Security groups of ${v.vpcId}`}
                      defaultValue={v.securityGroupIds.join(', ')}
                      className="mono"
                      aria-invalid={update.variables?.vpcId === v.vpcId && update.error ? true : undefined}
                    />
                    <button
                      className="btn"
                      type="submit"
                      disabled={update.isPending}
                      aria-label={`Save security groups of ${v.vpcId}`}
                    >
                      Save
                    </button>
                  </form>
                  {update.variables?.vpcId === v.vpcId && update.error ? (
                    <span style={{ color: 'var(--danger)' }}>
                      {Object.values(updateErrors)[0] ?? update.error.message}
                    </span>
                  ) : null}
                </td>
                <td>
                  {v.associationStatus ? (
                    <span className="badge">{v.associationStatus}</span>
                  ) : (
                    <span className="muted">not associated</span>
                  )}
                </td>
                <td>
                  <button
                    className="btn"
                    type="button"
                    aria-label={`Remove ${v.vpcId}`}
                    disabled={remove.isPending}
                    onClick={() => {
                      setMessage(null);
                      remove.mutate(
                        { slug: team.slug, vpcId: v.vpcId },
                        { onSuccess: () => setMessage(`${v.vpcId} removed.`) },
                      );
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Add a VPC</h3>
      {team.accounts.length === 0 ? (
        <p className="muted">Add an account first: a VPC lives in one of the team&apos;s accounts.</p>
      ) : (
        <form className="stack" onSubmit={onAdd} noValidate aria-label="Add a VPC">
          <Field
            label="VPC id"
            name="vpcId"
            required
            error={addErrors.vpcId}
            hint="vpc- followed by 8 or 17 hex digits."
          />
          <SelectField
            label="Account"
            name="accountId"
            options={team.accounts.map((a) => ({
              value: a.accountId,
              label: `${a.accountId} (${a.environment})`,
            }))}
            error={addErrors.accountId}
          />
          <Field label="Region" name="region" defaultValue="us-east-1" required error={addErrors.region} />
          <Field
            label="Environment"
            name="environment"
            defaultValue="default"
            error={addErrors.environment}
          />
          <Field
            label="Security groups"
            name="securityGroupIds"
            error={
              addErrors.securityGroupIds ??
              Object.entries(addErrors).find(([k]) => k.startsWith('securityGroupIds.'))?.[1]
            }
            hint="Comma-separated sg- ids, at most 5."
          />
          <div className="toolbar">
            <button className="btn primary" type="submit" disabled={add.isPending}>
              Add VPC
            </button>
          </div>
        </form>
      )}
      <FormFeedback error={add.error ?? update.error ?? remove.error} success={message} />
    </section>
  );
}
