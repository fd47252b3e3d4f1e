'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TApiTokenView } from '@/lib/auth/list-api-tokens';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const when = (iso: string | null) => (iso ? dateFmt.format(new Date(iso)) : '—');

export function TokensClient({ initialTokens }: { initialTokens: TApiTokenView[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await fetchJson<{ token: string }>('/api/v1/tokens', {
        method: 'POST',
        body: JSON.stringify({ name, expiresInDays: days }),
      });
      setCreated(r.token);
      setName('');
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await fetchJson(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <form className="toolbar" onSubmit={(e) => void create(e)}>
        <label>
          Name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Expires in (days)
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </label>
        <button className="btn" type="submit" disabled={busy}>
          Create token
        </button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {created ? (
        <div className="card" role="status" data-testid="new-token">
          <strong>Copy this token now: it will not be shown again.</strong>
          <pre>{created}</pre>
        </div>
      ) : null}
      {initialTokens.length === 0 ? (
        <div className="card empty">
          <strong>No tokens yet</strong>
        </div>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {initialTokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>{when(t.expiresAt)}</td>
                <td>{t.state}</td>
                <td>
                  {t.state === 'active' ? (
                    <button className="btn" type="button" onClick={() => void revoke(t.id)}>
                      Revoke {t.name}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
