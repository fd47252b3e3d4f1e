/**
 * Horizontal grouped bars in plain SVG: server-rendered, no client JavaScript, readable by screen readers through
 * its title and the data table that always accompanies it on the page.
 */
export interface TBarSeries {
  label: string;
  color: string;
}

export function GroupedBarChart({
  title,
  rows,
  series,
  unit,
}: {
  title: string;
  rows: { label: string; values: number[] }[];
  series: TBarSeries[];
  unit: string;
}) {
  const labelWidth = 210;
  const chartWidth = 520;
  const barHeight = 11;
  const rowGap = 10;
  const rowHeight = series.length * barHeight + rowGap;
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.values));
  const height = rows.length * rowHeight + 34;
  const fmt = (v: number) => (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${labelWidth + chartWidth + 70} ${height}`}
        style={{ width: '100%', maxWidth: '60rem', height: 'auto' }}
      >
        <title>{title}</title>
        {rows.map((row, i) => {
          const y = i * rowHeight;
          return (
            <g key={row.label} transform={`translate(0, ${y})`}>
              <text
                x={labelWidth - 8}
                y={(series.length * barHeight) / 2 + 4}
                textAnchor="end"
                fontSize="11"
                fill="#1b1f24"
              >
                {row.label}
              </text>
              {row.values.map((v, j) => {
                const w = Math.max(1, (v / max) * chartWidth);
                return (
                  <g key={series[j]!.label}>
                    <rect
                      x={labelWidth}
                      y={j * barHeight}
                      width={w}
                      height={barHeight - 2}
                      fill={series[j]!.color}
                      rx="2"
                    />
                    <text
                      x={labelWidth + w + 4}
                      y={j * barHeight + barHeight - 3}
                      fontSize="9"
                      fill="#4d5561"
                    >
                      {fmt(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <g transform={`translate(${labelWidth}, ${rows.length * rowHeight + 12})`}>
          {series.map((s, j) => (
            <g key={s.label} transform={`translate(${j * 150}, 0)`}>
              <rect width="10" height="10" fill={s.color} rx="2" />
              <text x="14" y="9" fontSize="11" fill="#1b1f24">
                {s.label} ({unit})
              </text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
