'use client';

import { useMemo, useState, type ReactNode } from 'react';
import { toUsageCsv } from '@/lib/usage/usage-csv';

export interface TUsageColumn<T> {
  key: string;
  label: string;
  /** The value sorted on and exported. */
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

/**
 * A sortable table of server-aggregated rows with a CSV download of exactly what it shows (every row, in the
 * current order). No totals are computed here: the rows come aggregated from SQL.
 */
export function UsageTable<T>({
  caption,
  rows,
  columns,
  csvName,
  rowKey,
  initialSort,
  testId,
}: {
  caption: string;
  rows: T[];
  columns: TUsageColumn<T>[];
  csvName: string;
  rowKey: (row: T) => string;
  initialSort?: string;
  testId?: string;
}) {
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({
    key: initialSort ?? columns.find((c) => c.numeric)?.key ?? columns[0]!.key,
    dir: 'desc',
  });
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    const out = [...rows];
    out.sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      const cmp =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      return sort.dir === 'asc' ? cmp : -cmp;
    });
    return out;
  }, [rows, columns, sort]);

  const download = () => {
    const csv = toUsageCsv(
      columns.map((c) => c.key),
      sorted.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.value(r)]))),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${csvName}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div data-testid={testId}>
      <div className="toolbar">
        <button type="button" className="btn" onClick={download} disabled={rows.length === 0}>
          Download CSV<span className="sr-only"> of {caption}</span>
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No usage in this range.</p>
      ) : (
        <table>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="linklike"
                      onClick={() =>
                        setSort({ key: c.key, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })
                      }
                    >
                      {c.label}
                      {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(r) : (c.value(r) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
