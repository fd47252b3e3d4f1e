'use client';

import { useState, type FormEvent } from 'react';
import { Field, fieldErrors, FormFeedback, formValues, SelectField } from '@/components/admin/form-field';
import { useAddTeamMember } from '@/components/admin/hooks/use-add-team-member';
import { useRemoveTeamMember } from '@/components/admin/hooks/use-remove-team-member';
import { useUpdateTeamMemberRole } from '@/components/admin/hooks/use-update-team-member-role';
import type { TAdminTeamDetail } from '@/lib/teams/get-team-for-admin';

const ROLES = [
  { value: 'MEMBER', label: 'Member' },
  { value: 'LEAD', label: 'Lead' },
];

export function MembersClient({ team }: { team: TAdminTeamDetail }) {
  const add = useAddTeamMember();
  const changeRole = useUpdateTeamMemberRole();
  const remove = useRemoveTeamMember();
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
        email: v.email ?? '',
        role: v.role === 'LEAD' ? 'LEAD' : 'MEMBER',
        ...(v.name ? { name: v.name } : {}),
      },
      {
        onSuccess: (m) => {
          setMessage(
            `${m.name} added as ${m.role.toLowerCase()}${m.userCreated ? ' (new portal user)' : ''}.`,
          );
          form.reset();
        },
      },
    );
  };

  return (
    <section aria-labelledby="members-h" className="card">
      <h2 id="members-h">People</h2>
      {team.members.length === 0 ? (
        <p className="muted">Nobody is on this team yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.email}>
                <td>{m.name}</td>
                <td className="mono">{m.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    disabled={changeRole.isPending}
                    onChange={(e) => {
                      setMessage(null);
                      changeRole.mutate(
                        {
                          slug: team.slug,
                          email: m.email,
                          role: e.target.value === 'LEAD' ? 'LEAD' : 'MEMBER',
                        },
                        { onSuccess: (r) => setMessage(`${r.name} is now a ${r.role.toLowerCase()}.`) },
                      );
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    className="btn"
                    type="button"
                    aria-label={`Remove ${m.name}`}
                    disabled={remove.isPending}
                    onClick={() => {
                      setMessage(null);
                      remove.mutate(
                        { slug: team.slug, email: m.email },
                        { onSuccess: () => setMessage(`${m.name} removed from the team.`) },
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
      <h3>Add a person</h3>
      <form className="stack" onSubmit={onAdd} noValidate aria-label="Add a person">
        <Field label="E-mail" name="email" type="email" required error={errors.email} />
        <Field
          label="Name"
          name="name"
          error={errors.name}
          hint="Only needed for someone who has not signed in to the portal yet."
        />
        <SelectField label="Role" name="role" options={ROLES} error={errors.role} />
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={add.isPending}>
            Add person
          </button>
        </div>
      </form>
      <FormFeedback error={add.error ?? changeRole.error ?? remove.error} success={message} />
    </section>
  );
}
