'use client';

import { useState, type FormEvent } from 'react';
import { Field, fieldErrors, FormFeedback, formValues } from '@/components/admin/form-field';
import { useAddTeamAccount } from '@/components/admin/hooks/use-add-team-account';
import { useRemoveTeamAccount } from '@/components/admin/hooks/use-remove-team-account';
import type { TAdminTeamDetail } from '@/lib/teams/get-team-for-admin';

export function AccountsClient({ team }: { team: TAdminTeamDetail }) {
  const add = useAddTeamAccount();
  const remove = useRemoveTeamAccount();
  const [message, setMessage] = useState<string | null>(null);
  const errors = fieldErrors(add.error);

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    setMessage(null);
    add.mutate(
      {
        slug: team.slug,
        accountId: v.accountId ?? '',
        environment: v.environment ?? 'default',
        ...(v.name ? { name: v.name } : {}),
      },
      {
        onSuccess: (a) => {
          setMessage(`Account ${a.accountId} added.`);
          form.reset();
        },
      },
    );
  };

  return (
    <section aria-labelledby="accounts-h" className="card">
      <h2 id="accounts-h">AWS accounts</h2>
      {team.accounts.length === 0 ? (
        <p className="muted">
          No accounts yet. Add the team&apos;s workload accounts before its principals and VPCs.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Environment</th>
              <th scope="col">Name</th>
              <th scope="col">Principals</th>
              <th scope="col">VPCs</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.accounts.map((a) => (
              <tr key={a.accountId}>
                <td className="mono">{a.accountId}</td>
                <td>
                  <span className="badge">{a.environment}</span>
                </td>
                <td>{a.name ?? '—'}</td>
                <td>{a.principals}</td>
                <td>{a.vpcs}</td>
                <td>
                  <button
                    className="btn"
                    type="button"
                    aria-label={`Remove account ${a.accountId}`}
                    disabled={remove.isPending}
                    onClick={() => {
                      setMessage(null);
                      remove.mutate(
                        { slug: team.slug, accountId: a.accountId },
                        { onSuccess: () => setMessage(`Account ${a.accountId} removed.`) },
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
      <h3>Add an account</h3>
      <form className="stack" onSubmit={onAdd} noValidate aria-label="Add an account">
        <Field
          label="Account id"
          name="accountId"
          inputMode="numeric"
          required
          error={errors.accountId}
          hint="12 digits."
        />
        <Field
          label="Environment"
          name="environment"
          defaultValue="default"
          error={errors.environment}
          hint="e.g. dev, prod."
        />
        <Field label="Account name (optional)" name="name" error={errors.name} />
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={add.isPending}>
            Add account
          </button>
        </div>
      </form>
      <FormFeedback error={add.error ?? remove.error} success={message} />
    </section>
  );
}
