/**
 * Month-over-month totals as server-rendered bars. Bar lengths are computed from the decimal strings with integer
 * arithmetic (per-mille of the largest month), so money never passes through a binary float.
 */
export function MoneyTrend({
  points,
  currency,
  current,
}: {
  points: { month: string; total: string; closed: boolean; unpricedLines: number }[];
  currency: string;
  current: string;
}) {
  const cents = points.map((p) => BigInt(p.total.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1')));
  const max = cents.reduce((a, b) => (b > a ? b : a), 0n);
  return (
    <figure style={{ margin: 0 }} aria-label={`Total per month, ${currency}`}>
      <figcaption className="muted">Total per month ({currency})</figcaption>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {points.map((p, i) => {
          const permille = max > 0n && cents[i]! > 0n ? Number((cents[i]! * 1000n) / max) : 0;
          return (
            <li key={p.month} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
              <span className="mono" style={{ width: '5.5rem' }}>
                {p.month}
              </span>
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  height: '0.9rem',
                  width: `${permille / 50}rem`,
                  background: p.month === current ? '#1f4fd1' : '#93a5d8',
                }}
              />
              <span>
                {p.total}
                {p.closed ? ' (closed)' : ''}
                {p.unpricedLines > 0 ? ` + ${p.unpricedLines} unpriced` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
