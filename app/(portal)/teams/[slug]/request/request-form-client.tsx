'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { RequestEffect } from '@/components/access/request-effect';
import { useCreateAccessRequest } from '@/components/access/hooks/use-create-access-request';
import { usePreviewAccessRequest } from '@/components/access/hooks/use-preview-access-request';
import { formatMoney } from '@/components/ui/format-money';
import { JUSTIFICATION_MAX, MAX_SECURITY_GROUPS } from '@/lib/access/access-schemas';

export interface TFormModel {
  policyKey: string;
  modelId: string;
  name: string;
  provider: string;
  tier: 'STANDARD' | 'ADVANCED' | 'RESTRICTED';
  approvals: 1 | 2;
  rule: string;
  allowsUntilRevoked: boolean;
  maxDurationDays: number;
  price: { input: string; output: string; currency: string } | null;
}

interface TProps {
  team: string;
  principals: { arn: string; accountId: string }[];
  vpcs: { vpcId: string; environment: string; securityGroupIds: string[] }[];
  models: TFormModel[];
}

const DURATIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'until-revoked', label: 'Until revoked' },
];

export function RequestFormClient({ team, principals, vpcs, models }: TProps) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [pickedModels, setPickedModels] = useState<string[]>([]);
  const [vpcId, setVpcId] = useState('');
  const [sgText, setSgText] = useState('');
  const [justification, setJustification] = useState('');
  const [duration, setDuration] = useState('30');
  const preview = usePreviewAccessRequest();
  const create = useCreateAccessRequest();

  const chosen = models.filter((m) => pickedModels.includes(m.policyKey));
  const untilRevokedAllowed = chosen.every((m) => m.allowsUntilRevoked);
  const maxDays = Math.min(90, ...chosen.map((m) => m.maxDurationDays));
  const durationAllowed = (v: string) => (v === 'until-revoked' ? untilRevokedAllowed : Number(v) <= maxDays);
  const effectiveDuration = durationAllowed(duration) ? duration : '7';

  const payload = () => ({
    team,
    principals: picked,
    models: pickedModels,
    ...(vpcId
      ? {
          vpcId,
          securityGroupIds: sgText
            .split(/[\s,]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    justification,
    durationDays: effectiveDuration === 'until-revoked' ? null : (Number(effectiveDuration) as 7 | 30 | 90),
  });

  const toggle = (list: string[], set: (v: string[]) => void, value: string) =>
    set(list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

  function onPreview() {
    create.reset();
    preview.mutate(payload());
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate(payload() as Parameters<typeof create.mutate>[0], {
      onSuccess: (r) => router.push(`/teams/${team}/request/${r.id}`),
    });
  }
  const error = create.error ?? preview.error;
  const issues = error?.issues ?? [];
  const issuesFor = (prefix: string) =>
    issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));

  return (
    <form onSubmit={onSubmit} aria-label="Access request" noValidate>
      <section aria-labelledby="pick-principals-h" className="card">
        <h2 id="pick-principals-h">Principals</h2>
        {principals.length === 0 ? (
          <p className="muted">The team has no registered principals yet; an admin registers them.</p>
        ) : (
          <fieldset>
            <legend className="sr-only">Principals of the team&apos;s accounts</legend>
            {principals.map((p) => (
              <label key={p.arn} style={{ display: 'block' }}>
                <input
                  type="checkbox"
                  name="principals"
                  checked={picked.includes(p.arn)}
                  onChange={() => toggle(picked, setPicked, p.arn)}
                />{' '}
                <span className="mono">{p.arn}</span>
              </label>
            ))}
          </fieldset>
        )}
        <FieldIssues issues={issuesFor('principals')} />
      </section>

      <section aria-labelledby="pick-models-h" className="card">
        <h2 id="pick-models-h">Models</h2>
        <table data-testid="request-models">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Tier</th>
              <th scope="col">Approval rule</th>
              <th scope="col">Input / output per 1M tokens</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.policyKey}>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      name="models"
                      value={m.policyKey}
                      checked={pickedModels.includes(m.policyKey)}
                      onChange={() => toggle(pickedModels, setPickedModels, m.policyKey)}
                    />{' '}
                    {m.name}
                  </label>{' '}
                  <span className="muted mono">{m.policyKey}</span>
                </td>
                <td>
                  <span
                    className={`badge ${m.tier === 'RESTRICTED' ? 'danger' : m.tier === 'ADVANCED' ? 'warn' : ''}`}
                  >
                    {m.tier.toLowerCase()}
                  </span>
                </td>
                <td>{m.rule}</td>
                <td>
                  {m.price
                    ? `${formatMoney(m.price.input)} / ${formatMoney(m.price.output)} ${m.price.currency}`
                    : 'not priced'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FieldIssues issues={issuesFor('models')} />
      </section>

      <section aria-labelledby="vpc-h" className="card">
        <h2 id="vpc-h">VPC association (optional)</h2>
        <div className="field">
          <label htmlFor="req-vpc">VPC to associate with the service network</label>
          <select id="req-vpc" value={vpcId} onChange={(e) => setVpcId(e.target.value)}>
            <option value="">No VPC association</option>
            {vpcs.map((v) => (
              <option key={v.vpcId} value={v.vpcId}>
                {v.vpcId} ({v.environment})
              </option>
            ))}
          </select>
          <FieldIssues issues={issuesFor('vpcId')} />
        </div>
        {vpcId ? (
          <div className="field">
            <label htmlFor="req-sgs">
              Security groups (1 to {MAX_SECURITY_GROUPS}, separated by commas or spaces)
            </label>
            <input
              id="req-sgs"
              className="mono"
              value={sgText}
              placeholder={vpcs.find((v) => v.vpcId === vpcId)?.securityGroupIds.join(', ') ?? 'sg-…'}
              onChange={(e) => setSgText(e.target.value)}
            />
            <FieldIssues issues={issuesFor('securityGroupIds')} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="why-h" className="card">
        <h2 id="why-h">Justification and duration</h2>
        <div className="field">
          <label htmlFor="req-justification">Why does the team need this access?</label>
          <textarea
            id="req-justification"
            rows={4}
            maxLength={JUSTIFICATION_MAX}
            required
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          <span className="muted">
            {justification.length} / {JUSTIFICATION_MAX}
          </span>
          <FieldIssues issues={issuesFor('justification')} />
        </div>
        <fieldset>
          <legend>Duration</legend>
          {DURATIONS.map((d) => (
            <label key={d.value} style={{ marginRight: '1rem' }}>
              <input
                type="radio"
                name="duration"
                value={d.value}
                checked={effectiveDuration === d.value}
                disabled={!durationAllowed(d.value)}
                onChange={() => setDuration(d.value)}
              />{' '}
              {d.label}
            </label>
          ))}
          {!untilRevokedAllowed ? (
            <p className="muted">A selected model&apos;s tier does not allow &quot;until revoked&quot;.</p>
          ) : null}
          <FieldIssues issues={issuesFor('durationDays')} />
        </fieldset>
      </section>

      {error && issues.length === 0 ? (
        <p className="error-box" role="alert">
          {error.message}
        </p>
      ) : null}
      {error && issues.length > 0 ? (
        <p className="error-box" role="alert">
          Fix the fields marked below: {issues.map((i) => i.message).join('; ')}
        </p>
      ) : null}

      <div className="toolbar">
        <button
          type="button"
          className="btn"
          onClick={onPreview}
          disabled={preview.isPending || picked.length === 0 || pickedModels.length === 0}
        >
          {preview.isPending ? 'Computing…' : 'Preview the effect'}
        </button>
        <button
          type="submit"
          className="btn primary"
          disabled={create.isPending || !preview.data || Boolean(preview.data.refusal)}
        >
          {create.isPending ? 'Submitting…' : 'Submit request'}
        </button>
        {preview.data ? (
          <span className="muted" data-testid="approvals-needed">
            Needs {preview.data.requiredApprovals === 2 ? 'two distinct approvers' : 'one approver'}
          </span>
        ) : (
          <span className="muted">Preview first: the server computes the effect with the policy engine.</span>
        )}
      </div>
      {preview.data ? <RequestEffect effect={preview.data} /> : null}
    </form>
  );
}

function FieldIssues({ issues }: { issues: { path: string; message: string }[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="error-box" role="alert">
      {issues.map((i) => (
        <li key={`${i.path}|${i.message}`}>{i.message}</li>
      ))}
    </ul>
  );
}
