'use client';

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Field, fieldErrors, FormFeedback, formValues } from '@/components/admin/form-field';
import { useCreateUser } from '@/components/admin/hooks/use-create-user';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TAdminUser } from '@/lib/users/admin-user-view';
import { ManageUserPanel } from './manage-user-client';
import { checkedRoles, GLOBAL_ROLES } from './roles';
import { userKeys } from '@/lib/query/user-keys';
import { ADMIN_STALE_TIME } from '@/lib/query/stale-times';

/** Minute precision in UTC: the same text on the server and in the browser, whatever their time zones. */
export function formatSignIn(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

export function UsersClient() {
  const users = useQuery({
    queryKey: userKeys.list(),
    queryFn: () => fetchJson<TAdminUser[]>('/api/v1/admin/users'),
    staleTime: ADMIN_STALE_TIME,
  });
  const [managing, setManaging] = useState<string | null>(null);
  const managedUser = users.data?.find((u) => u.id === managing) ?? null;
  return (
    <>
      <section aria-labelledby="people-h" className="card">
        <h2 id="people-h">Portal users</h2>
        {users.error ? (
          <p className="error-box" role="alert">
            Could not load people: {users.error.message}
          </p>
        ) : null}
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Global roles</th>
              <th scope="col">Teams</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Active sessions</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name} {u.self ? <span className="badge">you</span> : null}{' '}
                  {u.managedByIdp ? <span className="badge warn">managed by IdP</span> : null}
                </td>
                <td className="mono">{u.email}</td>
                <td>
                  {u.globalRoles.length > 0 ? (
                    u.globalRoles.map((r) => r.toLowerCase()).join(', ')
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
                <td>
                  {u.teams.length > 0 ? (
                    u.teams.map((t) => `${t.slug} (${t.role.toLowerCase()})`).join(', ')
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
                <td>
                  {u.disabled ? (
                    <span className="badge danger">disabled</span>
                  ) : (
                    <span className="badge ok">active</span>
                  )}
                </td>
                <td>
                  {u.lastSignInAt ? (
                    <time dateTime={u.lastSignInAt}>{formatSignIn(u.lastSignInAt)}</time>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td>{u.activeSessions}</td>
                <td>
                  <button
                    className={`btn${managing === u.id ? ' primary' : ''}`}
                    type="button"
                    aria-label={`Manage ${u.name}`}
                    aria-pressed={managing === u.id}
                    onClick={() => setManaging(managing === u.id ? null : u.id)}
                  >
                    Manage
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {managedUser ? (
        <ManageUserPanel key={managedUser.id} user={managedUser} onDone={() => setManaging(null)} />
      ) : null}
      <CreateUserForm />
    </>
  );
}

function CreateUserForm() {
  const create = useCreateUser();
  const [created, setCreated] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    setCreated(null);
    create.mutate(
      { email: v.email ?? '', name: v.name ?? '', globalRoles: checkedRoles(form) },
      {
        onSuccess: (u) => {
          setCreated(`${u.name} (${u.email}) can now use development sign-in.`);
          form.reset();
        },
      },
    );
  };
  return (
    <section aria-labelledby="create-user-h" className="card">
      <h2 id="create-user-h">Add a person</h2>
      <p className="muted">
        For development sign-in. With OIDC, people are added at their first sign-in and their roles come from
        the identity provider&apos;s groups.
      </p>
      <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-user-h">
        <Field label="E-mail" name="email" type="email" required error={errors.email} />
        <Field label="Name" name="name" required error={errors.name} />
        <fieldset>
          <legend>Global roles (optional)</legend>
          {GLOBAL_ROLES.map((r) => (
            <label key={r.value}>
              <span>
                <input type="checkbox" name="roles" value={r.value} /> {r.label}{' '}
                <span className="muted">({r.hint})</span>
              </span>
            </label>
          ))}
          {errors.globalRoles ? <span style={{ color: 'var(--danger)' }}>{errors.globalRoles}</span> : null}
        </fieldset>
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add person'}
          </button>
        </div>
        <FormFeedback error={create.error} success={created} />
      </form>
    </section>
  );
}
