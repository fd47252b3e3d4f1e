import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
import { PolicySizeMeter } from '@/components/policy/policy-size-meter';
import { getWhatIfOptions, simulateWhatIf, type TWhatIfResult } from '@/lib/estate/simulate-what-if';
import { isAppError } from '@/lib/errors/app-error';
import { toProblem } from '@/lib/errors/to-problem';

export const metadata: Metadata = { title: 'What-if' };

type TSearch = Record<string, string | undefined>;

function Decision({ d }: { d: TWhatIfResult['results'][number]['live'] }) {
  return (
    <span>
      <span className={`badge ${d.decision === 'ALLOW' ? 'ok' : 'danger'}`}>{d.decision}</span>{' '}
      <span className="muted">
        {d.reason}
        {d.deniedBy && d.decision === 'DENY' ? ` (${d.deniedBy} policy)` : ''}
      </span>
      {d.statements.length > 0 ? (
        <span className="mono"> · {d.statements.map((s) => s.sid ?? `#${s.index}`).join(', ')}</span>
      ) : null}
    </span>
  );
}

export default async function WhatIfPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const actor = await requirePageActor('estate:read');
  const params = await searchParams;
  const options = await getWhatIfOptions(actor);
  const subject = params.subject ?? '';
  const [kind, value] = subject.includes(':')
    ? [subject.slice(0, subject.indexOf(':')), subject.slice(subject.indexOf(':') + 1)]
    : ['', ''];
  const principal = params.principal?.trim() || (kind === 'principal' ? value : undefined);
  const team = kind === 'team' && !params.principal?.trim() ? value : undefined;

  let result: TWhatIfResult | null = null;
  let error: { detail: string; issues: { path: string; message: string }[] } | null = null;
  if (params.model) {
    try {
      result = await simulateWhatIf(actor, {
        ...(principal ? { principal } : {}),
        ...(team ? { team } : {}),
        model: params.model,
        ...(params.method ? { method: params.method as 'GET' } : {}),
        ...(params.path ? { path: params.path } : {}),
        ...(params.sourceVpc ? { sourceVpc: params.sourceVpc } : {}),
      });
    } catch (e) {
      if (!isAppError(e) || !e.expected) throw e;
      const p = toProblem(e);
      error = { detail: p.detail, issues: p.issues ?? [] };
    }
  }

  return (
    <>
      <h1>What-if</h1>
      <p className="subtitle">
        Would a principal be allowed to invoke a model? Evaluated as IAM does, against the live policies read
        from AWS and against the policy the pending requests would produce.
      </p>
      <form className="card" method="get" aria-label="What-if request">
        <div className="grid">
          <div className="field">
            <label htmlFor="wi-subject">Team or principal</label>
            <select name="subject" id="wi-subject" defaultValue={subject}>
              <option value="">— choose —</option>
              {options.teams.map((t) => (
                <optgroup key={t.slug} label={t.name}>
                  <option value={`team:${t.slug}`}>Every principal of {t.name}</option>
                  {t.principals.map((p) => (
                    <option key={p} value={`principal:${p}`}>
                      {p}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wi-principal">…or any principal ARN</label>
            <input
              name="principal"
              id="wi-principal"
              defaultValue={params.principal ?? ''}
              placeholder="arn:aws:sts::123456789012:assumed-role/name/session"
            />
          </div>
          <div className="field">
            <label htmlFor="wi-model">Model</label>
            <select name="model" id="wi-model" defaultValue={params.model ?? ''} required>
              <option value="">— choose —</option>
              {options.models.map((m) => (
                <option key={m.policyKey} value={m.policyKey}>
                  {m.provider} · {m.name}
                  {m.enabled ? '' : ' (disabled)'}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wi-method">Method</label>
            <select name="method" id="wi-method" defaultValue={params.method ?? 'POST'}>
              {['POST', 'GET', 'PUT', 'DELETE', 'PATCH'].map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wi-path">Path</label>
            <input name="path" id="wi-path" defaultValue={params.path ?? '/'} />
          </div>
          <div className="field">
            <label htmlFor="wi-sourceVpc">Source VPC (optional)</label>
            <input
              name="sourceVpc"
              id="wi-sourceVpc"
              defaultValue={params.sourceVpc ?? ''}
              placeholder="vpc-…"
            />
          </div>
        </div>
        <p>
          <button className="btn primary" type="submit">
            Evaluate
          </button>
        </p>
      </form>

      {error ? (
        <div className="error-box" role="alert">
          {error.detail}
          {error.issues.length > 0 ? (
            <ul>
              {error.issues.map((i) => (
                <li key={i.path}>
                  {i.path}: {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {result ? (
        <section className="card" aria-labelledby="result-h" data-testid="what-if-result">
          <h2 id="result-h">
            {result.request.method} {result.request.path}?{result.request.queryKey}={result.request.model}
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Principal</th>
                <th scope="col">Live policy (AWS now)</th>
                <th scope="col">With pending requests approved</th>
              </tr>
            </thead>
            <tbody>
              {result.results.map((r) => (
                <tr key={r.principal}>
                  <td className="mono">{r.principal}</td>
                  <td data-testid="live-decision">
                    <Decision d={r.live} />
                  </td>
                  <td data-testid="proposed-decision">
                    <Decision d={r.proposed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Policy size</h3>
          <PolicySizeMeter bytes={result.live.bytes} label="Live service policy" />
          <div style={{ height: '0.75rem' }} />
          <PolicySizeMeter
            bytes={result.proposed.bytes}
            label={`Proposed policy (${result.proposed.statementCount} statement${result.proposed.statementCount === 1 ? '' : 's'}, ${result.proposed.pendingRequests} pending request${result.proposed.pendingRequests === 1 ? '' : 's'})`}
          />
          <h3>What approving the pending requests would change</h3>
          {result.change.gained.length === 0 && result.change.lost.length === 0 ? (
            <p data-testid="access-change" className="muted">
              No change in effective access ({result.change.kept} principal × model pair(s) allowed before and
              after).
            </p>
          ) : (
            <ul data-testid="access-change">
              {result.change.gained.map((c) => (
                <li key={`+${c.principal}|${c.model}`}>
                  <span className="badge ok">gains</span> <span className="mono">{c.principal}</span> →{' '}
                  <span className="mono">{c.model}</span>
                </li>
              ))}
              {result.change.lost.map((c) => (
                <li key={`-${c.principal}|${c.model}`}>
                  <span className="badge danger">loses</span> <span className="mono">{c.principal}</span> →{' '}
                  <span className="mono">{c.model}</span>
                </li>
              ))}
            </ul>
          )}
          {result.change.textChanged ? (
            <details>
              <summary>Policy document diff (live → proposed)</summary>
              <pre className="diff" tabIndex={0} aria-label="Policy document diff">
                {result.change.lines.map((l, i) => (
                  <span key={i} className={l.op === '+' ? 'diff-add' : l.op === '-' ? 'diff-del' : undefined}>
                    {`${l.op} ${l.text}\n`}
                  </span>
                ))}
              </pre>
            </details>
          ) : null}
          {!result.live.hasPolicy ? (
            <p className="muted">The service has no auth policy yet: with AWS_IAM every request is denied.</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
