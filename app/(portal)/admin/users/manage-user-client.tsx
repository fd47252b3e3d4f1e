'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldErrors, FormFeedback } from '@/components/admin/form-field';
import { useDisableUser } from '@/components/admin/hooks/use-disable-user';
import { useEnableUser } from '@/components/admin/hooks/use-enable-user';
import { useRevokeUserSessions } from '@/components/admin/hooks/use-revoke-user-sessions';
import { useUpdateUserGlobalRoles } from '@/components/admin/hooks/use-update-user-global-roles';
import type { TAdminUser } from '@/lib/users/admin-user-view';
import { checkedRoles, GLOBAL_ROLES } from './roles';

type TPendingConfirm = 'disable' | 'revoke' | null;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One person's roles, account state and sessions; destructive actions take an inline confirmation step. */
export function ManageUserPanel({ user, onDone }: { user: TAdminUser; onDone: () => void }) {
  const updateRoles = useUpdateUserGlobalRoles();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const revoke = useRevokeUserSessions();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<TPendingConfirm>(null);
  const roleErrors = fieldErrors(updateRoles.error);
  const roleError = roleErrors.roles ?? Object.entries(roleErrors).find(([k]) => k.startsWith('roles.'))?.[1];
  // An admin cannot take ADMIN from themselves (the server refuses too): the box stays checked and is submitted.
  const adminLocked = user.self && user.globalRoles.includes('ADMIN');
  const busy = updateRoles.isPending || disable.isPending || enable.isPending || revoke.isPending;
  const error = updateRoles.error ?? disable.error ?? enable.error ?? revoke.error;

  const reset = () => {
    setMessage(null);
    for (const m of [updateRoles, disable, enable, revoke]) m.reset();
  };

  const onSaveRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset();
    const roles = checkedRoles(event.currentTarget);
    updateRoles.mutate(
      { userId: user.id, roles: adminLocked && !roles.includes('ADMIN') ? [...roles, 'ADMIN'] : roles },
      {
        onSuccess: (u) =>
          setMessage(
            `${u.name}'s global roles: ${u.globalRoles.length > 0 ? u.globalRoles.map((r) => r.toLowerCase()).join(', ') : 'none'}.`,
          ),
      },
    );
  };

  return (
    <section aria-labelledby="manage-user-h" className="card">
      <h2 id="manage-user-h">Manage {user.name}</h2>
      <p className="mono muted">
        {user.email}
        {user.managedByIdp ? (
          <>
            {' '}
            <span className="badge warn">managed by IdP</span>
          </>
        ) : null}
      </p>

      <form className="stack" onSubmit={onSaveRoles} noValidate aria-label={`Global roles of ${user.name}`}>
        <fieldset aria-describedby="roles-note" aria-invalid={roleError ? true : undefined}>
          <legend>Global roles</legend>
          {GLOBAL_ROLES.map((r) => (
            <label key={r.value}>
              <span>
                <input
                  type="checkbox"
                  name="roles"
                  value={r.value}
                  defaultChecked={user.globalRoles.includes(r.value)}
                  disabled={r.value === 'ADMIN' && adminLocked}
                />{' '}
                {r.label} <span className="muted">({r.hint})</span>
              </span>
            </label>
          ))}
          {roleError ? <span style={{ color: 'var(--danger)', fontWeight: 400 }}>{roleError}</span> : null}
        </fieldset>
        <p id="roles-note" className="muted">
          {user.managedByIdp ? <strong>{user.name} signs in with OIDC. </strong> : null}
          With OIDC sign-in, the identity provider&apos;s groups replace these roles at the person&apos;s next
          sign-in; a change made here lasts until then.
          {adminLocked ? ' You cannot remove your own Admin role.' : null}
        </p>
        <div className="toolbar">
          <button className="btn primary" type="submit" disabled={busy}>
            Save roles
          </button>
        </div>
      </form>

      <h3>Account and sessions</h3>
      <p>
        {user.disabled ? (
          <>
            <span className="badge danger">disabled</span> {user.name} cannot sign in.
          </>
        ) : (
          <>
            <span className="badge ok">active</span>{' '}
            {plural(user.activeSessions, 'active session', 'active sessions')}.
          </>
        )}
      </p>
      {confirming === null ? (
        <div className="toolbar">
          {user.disabled ? (
            <button
              className="btn"
              type="button"
              disabled={busy}
              onClick={() => {
                reset();
                enable.mutate(
                  { userId: user.id },
                  { onSuccess: (u) => setMessage(`${u.name} is enabled and can sign in again.`) },
                );
              }}
            >
              Enable account
            </button>
          ) : (
            <button
              className="btn"
              type="button"
              disabled={busy || user.self}
              aria-describedby={user.self ? 'self-disable-note' : undefined}
              onClick={() => {
                reset();
                setConfirming('disable');
              }}
            >
              Disable account
            </button>
          )}
          <button
            className="btn"
            type="button"
            disabled={busy}
            onClick={() => {
              reset();
              setConfirming('revoke');
            }}
          >
            Sign out everywhere
          </button>
          <button className="btn" type="button" onClick={onDone}>
            Close
          </button>
          {user.self ? (
            <span id="self-disable-note" className="muted">
              You cannot disable your own account.
            </span>
          ) : null}
        </div>
      ) : (
        <ConfirmStep
          prompt={
            confirming === 'disable'
              ? `Disable ${user.name}? Every session is revoked now and ${user.name} cannot sign in until the account is enabled again.`
              : `Sign ${user.name} out everywhere? ${plural(user.activeSessions, 'active session is', 'active sessions are')} revoked; ${user.name} can sign in again.`
          }
          confirmLabel={confirming === 'disable' ? `Yes, disable ${user.name}` : `Yes, sign ${user.name} out`}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const action = confirming;
            setConfirming(null);
            if (action === 'disable') {
              disable.mutate(
                { userId: user.id },
                { onSuccess: (u) => setMessage(`${u.name} is disabled and signed out everywhere.`) },
              );
            } else {
              revoke.mutate(
                { userId: user.id },
                {
                  onSuccess: (r) =>
                    setMessage(
                      `${r.user.name} is signed out everywhere (${plural(r.revoked, 'session', 'sessions')} revoked).`,
                    ),
                },
              );
            }
          }}
        />
      )}
      <FormFeedback error={error} success={message} />
    </section>
  );
}

function ConfirmStep(props: {
  prompt: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Moving focus to the step tells keyboard and screen-reader users that a decision is now asked of them.
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div role="group" aria-labelledby="confirm-prompt" className="error-box">
      <p id="confirm-prompt" style={{ marginTop: 0 }}>
        {props.prompt}
      </p>
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <button
          ref={confirmRef}
          className="btn danger"
          type="button"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button className="btn" type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
