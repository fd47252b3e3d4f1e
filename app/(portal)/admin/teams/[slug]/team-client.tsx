'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, fieldErrors, FormFeedback, formValues } from '@/components/admin/form-field';
import { useArchiveTeam } from '@/components/admin/hooks/use-archive-team';
import { useUpdateTeam } from '@/components/admin/hooks/use-update-team';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TAdminTeamDetail } from '@/lib/teams/get-team-for-admin';
import { AccountsClient } from './accounts-client';
import { MembersClient } from './members-client';
import { PrincipalsClient } from './principals-client';
import { VpcsClient } from './vpcs-client';
import { teamKeys } from '@/lib/query/team-keys';
import { ADMIN_STALE_TIME } from '@/lib/query/stale-times';

export function TeamClient({ slug }: { slug: string }) {
  const query = useQuery({
    queryKey: teamKeys.adminDetail(slug),
    queryFn: () => fetchJson<TAdminTeamDetail>(`/api/v1/admin/teams/${slug}`),
    staleTime: ADMIN_STALE_TIME,
  });
  const team = query.data;
  if (!team) {
    return query.error ? (
      <p className="error-box" role="alert">
        Could not load the team: {query.error.message}
      </p>
    ) : null;
  }
  return (
    <>
      <h1>
        {team.name} {team.archived ? <span className="badge warn">archived</span> : null}
      </h1>
      <p className="subtitle">
        <span className="mono">{team.slug}</span> · cost center {team.costCenter} ·{' '}
        <Link href={`/teams/${team.slug}`}>team page</Link>
      </p>
      <MembersClient team={team} />
      <AccountsClient team={team} />
      <PrincipalsClient team={team} />
      <VpcsClient team={team} />
      <TeamSettings team={team} />
    </>
  );
}

function TeamSettings({ team }: { team: TAdminTeamDetail }) {
  const update = useUpdateTeam();
  const archive = useArchiveTeam();
  const [message, setMessage] = useState<string | null>(null);
  const errors = fieldErrors(update.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    setMessage(null);
    update.mutate(
      {
        slug: team.slug,
        name: v.name ?? '',
        costCenter: v.costCenter ?? '',
        description: v.description ?? null,
      },
      { onSuccess: () => setMessage('Team details saved.') },
    );
  };
  return (
    <section aria-labelledby="settings-h" className="card">
      <h2 id="settings-h">Team details</h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <Field label="Name" name="name" defaultValue={team.name} required error={errors.name} />
        <Field
          label="Cost center"
          name="costCenter"
          defaultValue={team.costCenter}
          required
          error={errors.costCenter}
        />
        <Field
          label="Description"
          name="description"
          defaultValue={team.description ?? ''}
          error={errors.description}
        />
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={update.isPending}>
            Save details
          </button>
          {team.archived ? (
            <button
              className="btn"
              type="button"
              disabled={update.isPending}
              onClick={() =>
                update.mutate(
                  { slug: team.slug, restore: true },
                  { onSuccess: () => setMessage('Team restored.') },
                )
              }
            >
              Restore team
            </button>
          ) : (
            <button
              className="btn danger"
              type="button"
              disabled={archive.isPending}
              onClick={() => {
                if (
                  !window.confirm(`Archive ${team.name}? Its history stays; it can no longer request access.`)
                )
                  return;
                setMessage(null);
                archive.mutate({ slug: team.slug }, { onSuccess: () => setMessage('Team archived.') });
              }}
            >
              Archive team
            </button>
          )}
        </div>
        <FormFeedback error={update.error ?? archive.error} success={message} />
      </form>
    </section>
  );
}
