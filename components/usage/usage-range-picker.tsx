'use client';

import { useState } from 'react';
import { useUsageRange } from './use-usage-range';

const PRESETS = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
];

/** Preset or custom UTC dates; the choice is written to the URL so a link reproduces the view. */
export function UsageRangePicker() {
  const { params, setParams } = useUsageRange();
  const [from, setFrom] = useState(params.from?.slice(0, 10) ?? '');
  const [to, setTo] = useState(params.to?.slice(0, 10) ?? '');
  return (
    <div className="toolbar" role="group" aria-label="Time range">
      <label>
        Range
        <select
          aria-label="Range preset"
          value={params.range ?? 'custom'}
          onChange={(e) => e.target.value !== 'custom' && setParams({ range: e.target.value })}
        >
          {PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom (UTC dates)</option>
        </select>
      </label>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to) setParams({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` });
        }}
      >
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To (exclusive)
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button className="btn" type="submit" disabled={!from || !to}>
          Apply
        </button>
      </form>
    </div>
  );
}
