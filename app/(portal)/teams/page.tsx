import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/app/_lib/require-actor';
import { listTeams } from '@/lib/teams/list-teams';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const actor = await requirePageActor();
  const teams = await listTeams(actor);
  return (
    <>
      <h1>Teams</h1>
      <p className="subtitle">
        {actor.teams.length > 0 && teams.length === actor.teams.length
          ? 'The teams you belong to.'
          : 'All teams using the Bedrock service.'}
      </p>
      {teams.length === 0 ? (
        <div className="card empty">
          <strong>You are not a member of any team yet</strong>
          Ask a portal administrator to add you to your team.
        </div>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Cost center</th>
              <th scope="col">Your role</th>
              <th scope="col">Accounts</th>
              <th scope="col">Principals</th>
              <th scope="col">VPCs</th>
              <th scope="col">Active grants</th>
              <th scope="col">Pending requests</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.slug}>
                <td>
                  <Link href={`/teams/${t.slug}`}>{t.name}</Link>
                </td>
                <td>{t.costCenter}</td>
                <td>{t.myRole ? t.myRole.toLowerCase() : '—'}</td>
                <td>{t.accounts}</td>
                <td>{t.principals}</td>
                <td>{t.vpcs}</td>
                <td>{t.activeGrants}</td>
                <td>{t.pendingRequests}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
