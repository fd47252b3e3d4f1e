'use client';

import { useState, type FormEvent } from 'react';
import { Field, fieldErrors, FormFeedback, formValues, SelectField } from '@/components/admin/form-field';
import { useAddTeamPrincipal } from '@/components/admin/hooks/use-add-team-principal';
import { useMovePrincipal } from '@/components/admin/hooks/use-move-principal';
import { useRemovePrincipalMapping } from '@/components/admin/hooks/use-remove-principal-mapping';
import type { TAdminTeamDetail } from '@/lib/teams/get-team-for-admin';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** datetime-local gives local wall time without a zone; the API wants an instant. */
function localToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function PrincipalsClient({ team }: { team: TAdminTeamDetail }) {
  const add = useAddTeamPrincipal();
  const move = useMovePrincipal();
  const remove = useRemovePrincipalMapping();
  const [message, setMessage] = useState<string | null>(null);
  const addErrors = fieldErrors(add.error);
  const moveErrors = fieldErrors(move.error);

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setMessage(null);
    add.mutate(
      { slug: team.slug, arn: formValues(form).arn ?? '' },
      {
        onSuccess: (p) => {
          setMessage(`${p.arn} added (account ${p.accountId}, path ${p.path}).`);
          form.reset();
        },
      },
    );
  };

  const onMove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    setMessage(null);
    const effectiveAt = localToIso(v.effectiveAt);
    move.mutate(
      { slug: team.slug, arn: v.arn ?? '', toTeam: v.toTeam ?? '', ...(effectiveAt ? { effectiveAt } : {}) },
      {
        onSuccess: (r) =>
          setMessage(`${r.arn} moved to ${r.toTeam} as of ${dateFmt.format(new Date(r.effectiveAt))} UTC.`),
      },
    );
  };

  return (
    <section aria-labelledby="principals-h" className="card">
      <h2 id="principals-h">IAM principals</h2>
      {team.principals.length === 0 ? (
        <p className="muted">No principals yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">ARN</th>
              <th scope="col">Account</th>
              <th scope="col">IAM path</th>
              <th scope="col">Team&apos;s since</th>
              <th scope="col">Active grants</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.principals.map((p) => (
              <tr key={p.arn}>
                <td className="mono">{p.arn}</td>
                <td className="mono">{p.accountId}</td>
                <td className="mono">{p.path}</td>
                <td>{p.since ? `${dateFmt.format(new Date(p.since))} UTC` : 'the beginning'}</td>
                <td>{p.activeGrants}</td>
                <td>
                  <button
                    className="btn"
                    type="button"
                    aria-label={`Remove ${p.name} from the team`}
                    disabled={remove.isPending}
                    onClick={() => {
                      setMessage(null);
                      remove.mutate(
                        { slug: team.slug, arn: p.arn },
                        { onSuccess: () => setMessage(`${p.arn} removed from the team.`) },
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
      <div className="grid">
        <form className="stack" onSubmit={onAdd} noValidate aria-labelledby="add-principal-h">
          <h3 id="add-principal-h">Add a principal</h3>
          <Field
            label="Role ARN"
            name="arn"
            required
            error={addErrors.arn}
            hint="arn:aws:iam::<account>:role/<path/>name; the account must be one of the team's."
          />
          <div className="toolbar">
            <button className="btn primary" type="submit" disabled={add.isPending}>
              Add principal
            </button>
          </div>
        </form>
        {team.principals.length > 0 && team.otherTeams.length > 0 ? (
          <form className="stack" onSubmit={onMove} noValidate aria-labelledby="move-principal-h">
            <h3 id="move-principal-h">Move a principal to another team</h3>
            <SelectField
              label="Principal"
              name="arn"
              options={team.principals.map((p) => ({ value: p.arn, label: p.arn }))}
              error={moveErrors.arn}
            />
            <SelectField
              label="To team"
              name="toTeam"
              options={team.otherTeams.map((t) => ({ value: t.slug, label: t.name }))}
              error={moveErrors.toTeam}
            />
            <Field
              label="Effective from (your local time)"
              name="effectiveAt"
              type="datetime-local"
              error={moveErrors.effectiveAt}
              hint="Leave empty for now. Usage before this time stays with this team."
            />
            <div className="toolbar">
              <button className="btn primary" type="submit" disabled={move.isPending}>
                Move principal
              </button>
            </div>
          </form>
        ) : null}
      </div>
      <FormFeedback error={add.error ?? move.error ?? remove.error} success={message} />
    </section>
  );
}
