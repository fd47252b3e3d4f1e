'use client';

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TTrendPoint {
  key: string;
  allowed: number;
  denied: number;
  errors5xx: number;
}

/** Requests over time (allowed, denied, 5xx), one point per hour or day from the rollups. */
export function UsageTrendChart({
  title,
  points,
  grain,
}: {
  title: string;
  points: TTrendPoint[];
  grain: 'hour' | 'day';
}) {
  const data = points.map((p) => ({
    t: grain === 'day' ? p.key.slice(0, 10) : `${p.key.slice(5, 10)} ${p.key.slice(11, 16)}`,
    allowed: p.allowed,
    denied: p.denied,
    errors5xx: p.errors5xx,
  }));
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <figcaption className="sr-only">{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted">No requests in this range.</p>
      ) : (
        <div style={{ width: '100%', height: 240 }}>
          <ResponsiveContainer>
            <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#d6dae0" />
              <XAxis dataKey="t" fontSize={11} minTickGap={24} />
              <YAxis fontSize={11} allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Area
                type="monotone"
                dataKey="allowed"
                name="allowed"
                stackId="1"
                stroke="#1f4fd1"
                fill="#c9d6f8"
              />
              <Area
                type="monotone"
                dataKey="denied"
                name="denied"
                stackId="1"
                stroke="#b42318"
                fill="#f5c6c0"
              />
              <Area type="monotone" dataKey="errors5xx" name="5xx" stroke="#8a5a00" fill="none" />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
