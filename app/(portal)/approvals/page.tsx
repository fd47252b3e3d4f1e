import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { listAccessRequests } from '@/lib/access/list-access-requests';
import { listRequestableModels } from '@/lib/catalog/list-requestable-models';
import { listTeams } from '@/lib/teams/list-teams';
import { QueueClient } from './queue-client';

export const metadata: Metadata = { title: 'Approval queue' };

const AGES = [
  { value: '', label: 'any age' },
  { value: '1', label: 'older than 1 day' },
  { value: '3', label: 'older than 3 days' },
  { value: '7', label: 'older than 7 days' },
];

type TSearch = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v ? v : undefined);

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const actor = await requirePageActor('requests:decide');
  const sp = await searchParams;
  const filters = {
    team: one(sp.team),
    model: one(sp.model),
    tier: one(sp.tier),
    minAgeDays: one(sp.age),
  };
  const [page, teams, models] = await Promise.all([
    loadOrInterrupt(
      listAccessRequests(
        actor,
        { ...filters, status: 'PENDING,PENDING_SECOND_APPROVAL', limit: 200, cursor: one(sp.cursor) },
        { order: 'oldest' },
      ),
    ),
    listTeams(actor),
    listRequestableModels(actor),
  ]);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <h1>Approval queue</h1>
      <p className="subtitle">
        Access requests waiting for an AI platform decision, oldest first. Sensitive tiers need two distinct
        approvers, and nobody approves their own request.
      </p>
      <form method="get" className="toolbar card" aria-label="Filter the queue">
        <label>
          Team{' '}
          <select name="team" defaultValue={filters.team ?? ''}>
            <option value="">all teams</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Model{' '}
          <select name="model" defaultValue={filters.model ?? ''}>
            <option value="">all models</option>
            {models.map((m) => (
              <option key={m.policyKey} value={m.policyKey}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tier{' '}
          <select name="tier" defaultValue={filters.tier ?? ''}>
            <option value="">all tiers</option>
            <option value="STANDARD">standard</option>
            <option value="ADVANCED">advanced</option>
            <option value="RESTRICTED">restricted</option>
          </select>
        </label>
        <label>
          Age{' '}
          <select name="age" defaultValue={filters.minAgeDays ?? ''}>
            {AGES.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn">
          Apply filters
        </button>
        {filtered ? <Link href="/approvals">Clear</Link> : null}
      </form>
      {page.items.length === 0 ? (
        <div className="card empty" data-testid="queue-empty">
          <strong>{filtered ? 'No waiting request matches these filters' : 'No requests are waiting'}</strong>
          When a team lead asks for model access, the request appears here with its principals, models and
          justification.
        </div>
      ) : (
        <QueueClient requests={page.items} me={actor.email} />
      )}
      {page.nextCursor ? (
        <p>
          <a
            href={`?${new URLSearchParams({ ...(filters as Record<string, string>), cursor: page.nextCursor }).toString()}`}
          >
            Next page
          </a>
        </p>
      ) : null}
    </>
  );
}
