import type { ReactNode } from 'react';
import type { TUnusedGrant } from '@/lib/usage/list-unused-grants';

/**
 * Grants with no allowed request in the window. `action` renders a control per grant (the approvers' queue passes
 * its one-click revoke for those who may revoke); without it the list only flags.
 */
export function UnusedGrantsList({
  grants,
  days,
  showTeam = false,
  action,
}: {
  grants: TUnusedGrant[];
  days: number;
  showTeam?: boolean;
  action?: (grant: TUnusedGrant) => ReactNode;
}) {
  if (grants.length === 0)
    return <p className="muted">Every active grant was used in the last {days} days.</p>;
  return (
    <table data-testid="unused-grants">
      <caption className="sr-only">Grants unused for {days} days or more</caption>
      <thead>
        <tr>
          {showTeam ? <th scope="col">Team</th> : null}
          <th scope="col">Principal</th>
          <th scope="col">Model</th>
          <th scope="col">Last allowed request</th>
          <th scope="col">Unused for</th>
          {action ? <th scope="col">Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {grants.map((g) => (
          <tr key={g.grantId}>
            {showTeam ? <td>{g.teamName}</td> : null}
            <td className="mono">{g.principalArn}</td>
            <td>
              {g.modelName} <span className="muted mono">{g.modelId}</span>
            </td>
            <td>{g.lastUsedDay ?? 'never'}</td>
            <td>
              <span className="badge warn">{g.unusedDays} days</span>
            </td>
            {action ? <td>{action(g)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
