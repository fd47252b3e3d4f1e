/**
 * Effective access as a heat map: team principals (rows) × catalog models (columns), green where the live policies
 * allow the call. Each cell also says it in text, so the table reads without colour.
 */
export function AccessMatrix({
  models,
  rows,
}: {
  models: { key: string; name: string }[];
  rows: { team: string; principal: string; allowed: boolean[] }[];
}) {
  if (rows.length === 0) return <p className="muted">No team principals are recorded yet.</p>;
  const allowedCount = rows.reduce((n, r) => n + r.allowed.filter(Boolean).length, 0);
  return (
    <div className="table-scroll">
      <p className="muted">
        {allowedCount} of {rows.length * models.length} principal × model combinations are allowed right now.
      </p>
      <table className="matrix" data-testid="access-matrix">
        <caption className="sr-only">
          Which principal may invoke which model under the live auth policies
        </caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Principal</th>
            {models.map((m) => (
              <th key={m.key} scope="col" title={m.key} className="matrix-model">
                {m.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.principal}>
              <td>{r.team}</td>
              <th scope="row" className="mono">
                {r.principal.replace(/^arn:aws:iam::/, '')}
              </th>
              {r.allowed.map((ok, i) => (
                <td key={models[i]!.key} className={ok ? 'cell-allow' : 'cell-deny'}>
                  {ok ? 'allow' : <span className="sr-only">deny</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
