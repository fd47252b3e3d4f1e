'use client';

import { useState, type FormEvent } from 'react';
import { Field, fieldErrors, FormFeedback, formValues, SelectField } from '@/components/admin/form-field';
import { useAddTeamMember } from '@/components/admin/hooks/use-add-team-member';
import { useRemoveTeamMember } from '@/components/admin/hooks/use-remove-team-member';
import { useUpdateTeamMemberRole } from '@/components/admin/hooks/use-update-team-member-role';
import { ConfirmButton, ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Email } from '@/components/ui/email';
import { TableScroll } from '@/components/ui/table-scroll';
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
  // A role change is staged in the select and saved only after confirmation (arrow keys must not demote a lead).
  const [draftRoles, setDraftRoles] = useState<Record<string, 'LEAD' | 'MEMBER'>>({});
  const [confirmRole, setConfirmRole] = useState<{
    email: string;
    name: string;
    role: 'LEAD' | 'MEMBER';
  } | null>(null);
  const [undo, setUndo] = useState<{ label: string; run: () => void } | null>(null);
  const errors = fieldErrors(add.error);

  const saveRole = (
    m: { email: string; name: string },
    role: 'LEAD' | 'MEMBER',
    previous: 'LEAD' | 'MEMBER',
  ) => {
    setMessage(null);
    setUndo(null);
    changeRole.mutate(
      { slug: team.slug, email: m.email, role },
      {
        onSuccess: (r) => {
          setDraftRoles(({ [m.email]: _, ...rest }) => rest);
          setMessage(`${r.name} is now a ${r.role.toLowerCase()}.`);
          setUndo({
            label: `Undo: make ${m.name} a ${previous.toLowerCase()} again`,
            run: () => saveRole(m, previous, role),
          });
        },
      },
    );
  };

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
        <TableScroll label="Team members">
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
              {team.members.map((m) => {
                const saved = m.role === 'LEAD' ? 'LEAD' : 'MEMBER';
                const draft = draftRoles[m.email] ?? saved;
                return (
                  <tr key={m.email}>
                    <td>{m.name}</td>
                    <td>
                      <Email address={m.email} />
                    </td>
                    <td className="nowrap">
                      <select
                        aria-label={`Role of ${m.name}`}
                        value={draft}
                        disabled={changeRole.isPending}
                        onChange={(e) => {
                          const role = e.target.value === 'LEAD' ? 'LEAD' : 'MEMBER';
                          setDraftRoles((d) => ({ ...d, [m.email]: role }));
                        }}
                      >
                        {ROLES.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>{' '}
                      {draft !== saved ? (
                        <>
                          <button
                            type="button"
                            className="btn primary"
                            aria-label={`Save role of ${m.name}`}
                            onClick={() => setConfirmRole({ email: m.email, name: m.name, role: draft })}
                          >
                            Save
                          </button>{' '}
                          <button
                            type="button"
                            className="btn"
                            aria-label={`Keep role of ${m.name}`}
                            onClick={() => setDraftRoles(({ [m.email]: _, ...rest }) => rest)}
                          >
                            Cancel
                          </button>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <ConfirmButton
                        label="Remove"
                        ariaLabel={`Remove ${m.name}`}
                        title={`Remove ${m.name} from ${team.name}?`}
                        confirmLabel="Remove from team"
                        danger
                        pending={remove.isPending && remove.variables?.email === m.email}
                        disabled={remove.isPending}
                        onConfirm={() => {
                          setMessage(null);
                          setUndo(null);
                          remove.mutate(
                            { slug: team.slug, email: m.email },
                            {
                              onSuccess: () => {
                                setMessage(`${m.name} removed from the team.`);
                                setUndo({
                                  label: `Undo: add ${m.name} back as ${saved.toLowerCase()}`,
                                  run: () =>
                                    add.mutate(
                                      { slug: team.slug, email: m.email, role: saved },
                                      {
                                        onSuccess: () => {
                                          setUndo(null);
                                          setMessage(`${m.name} is back on the team.`);
                                        },
                                      },
                                    ),
                                });
                              },
                            },
                          );
                        }}
                      >
                        <p>
                          {m.name} (<Email address={m.email} />) loses access to {team.name}&apos;s pages
                          {saved === 'LEAD' ? ' and can no longer request model access for the team' : ''}.
                        </p>
                      </ConfirmButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
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
      {undo ? (
        <p className="undo-bar">
          <button
            type="button"
            className="btn"
            onClick={undo.run}
            disabled={add.isPending || changeRole.isPending}
          >
            {undo.label}
          </button>
        </p>
      ) : null}
      <ConfirmDialog
        open={confirmRole !== null}
        title={
          confirmRole
            ? confirmRole.role === 'LEAD'
              ? `Make ${confirmRole.name} a lead of ${team.name}?`
              : `Demote ${confirmRole.name} to member of ${team.name}?`
            : ''
        }
        confirmLabel={confirmRole?.role === 'LEAD' ? 'Make lead' : 'Demote to member'}
        danger={confirmRole?.role === 'MEMBER'}
        onCancel={() => setConfirmRole(null)}
        onConfirm={() => {
          if (!confirmRole) return;
          const c = confirmRole;
          setConfirmRole(null);
          saveRole(c, c.role, c.role === 'LEAD' ? 'MEMBER' : 'LEAD');
        }}
      >
        <p>
          {confirmRole?.role === 'LEAD'
            ? 'A lead can request model access for the team and see its requests.'
            : 'A member can no longer request model access for the team.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}
