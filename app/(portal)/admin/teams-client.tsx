'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, fieldErrors, FormFeedback, formValues } from '@/components/admin/form-field';
import { useCreateTeam } from '@/components/admin/hooks/use-create-team';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TAdminTeamSummary } from '@/lib/teams/list-teams-for-admin';
import { teamKeys } from '@/lib/query/team-keys';
import { ADMIN_STALE_TIME } from '@/lib/query/stale-times';

export function TeamsClient() {
  const teams = useQuery({
    queryKey: teamKeys.adminList(),
    queryFn: () => fetchJson<TAdminTeamSummary[]>('/api/v1/admin/teams'),
    staleTime: ADMIN_STALE_TIME,
  });
  return (
    <>
      <section aria-labelledby="teams-h" className="card">
        <h2 id="teams-h">Teams</h2>
        {teams.error ? (
          <p className="error-box" role="alert">
            Could not load teams: {teams.error.message}
          </p>
        ) : null}
        {teams.data && teams.data.length === 0 ? (
          <div className="empty">
            <strong>No teams yet</strong>
            Create the first team below, or import a teams file with{' '}
            <code>npm run portal -- teams import FILE</code>.
          </div>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Slug</th>
                <th scope="col">Cost center</th>
                <th scope="col">People</th>
                <th scope="col">Accounts</th>
                <th scope="col">Principals</th>
                <th scope="col">VPCs</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {(teams.data ?? []).map((t) => (
                <tr key={t.slug}>
                  <td>
                    <Link href={`/admin/teams/${t.slug}`}>{t.name}</Link>
                  </td>
                  <td className="mono">{t.slug}</td>
                  <td>{t.costCenter}</td>
                  <td>{t.members}</td>
                  <td>{t.accounts}</td>
                  <td>{t.principals}</td>
                  <td>{t.vpcs}</td>
                  <td>
                    {t.archived ? (
                      <span className="badge warn">archived</span>
                    ) : (
                      <span className="badge ok">active</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CreateTeamForm />
    </>
  );
}

function CreateTeamForm() {
  const create = useCreateTeam();
  const [created, setCreated] = useState<{ slug: string; name: string } | null>(null);
  const errors = fieldErrors(create.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    setCreated(null);
    create.mutate(
      {
        slug: v.slug ?? '',
        name: v.name ?? '',
        costCenter: v.costCenter ?? '',
        ...(v.description ? { description: v.description } : {}),
      },
      {
        onSuccess: (team) => {
          setCreated(team);
          form.reset();
        },
      },
    );
  };
  return (
    <section aria-labelledby="create-team-h" className="card">
      <h2 id="create-team-h">Create a team</h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <Field
          label="Slug"
          name="slug"
          required
          error={errors.slug}
          hint="Lowercase letters, digits and dashes; used in URLs and teams files."
        />
        <Field label="Name" name="name" required error={errors.name} />
        <Field label="Cost center" name="costCenter" required error={errors.costCenter} />
        <Field label="Description (optional)" name="description" error={errors.description} />
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create team'}
          </button>
        </div>
        <FormFeedback error={create.error} success={created ? `Team "${created.name}" created.` : null} />
        {created ? (
          <p>
            <Link href={`/admin/teams/${created.slug}`}>Open {created.name}</Link> to add people, accounts,
            principals and VPCs.
          </p>
        ) : null}
      </form>
    </section>
  );
}
