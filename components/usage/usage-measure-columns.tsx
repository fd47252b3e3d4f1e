'use client';

import type { TUsageAggregate } from '@/lib/usage/query-rollups';
import { formatBytes, formatCount, formatMs, formatPct } from './format-usage';
import type { TUsageColumn } from './usage-table';

/** The measure columns every usage table shows after its dimension column. */
export function measureColumns(): TUsageColumn<TUsageAggregate>[] {
  return [
    {
      key: 'requests',
      label: 'Requests',
      value: (r) => r.requests,
      render: (r) => formatCount(r.requests),
      numeric: true,
    },
    {
      key: 'allowed',
      label: 'Allowed',
      value: (r) => r.allowed,
      render: (r) => formatCount(r.allowed),
      numeric: true,
    },
    {
      key: 'denied',
      label: 'Denied',
      value: (r) => r.denied,
      render: (r) => formatCount(r.denied),
      numeric: true,
    },
    {
      key: 'errors5xx',
      label: '5xx',
      value: (r) => r.errors5xx,
      render: (r) => formatCount(r.errors5xx),
      numeric: true,
    },
    {
      key: 'errorRate',
      label: '5xx rate',
      value: (r) => r.errorRate,
      render: (r) => formatPct(r.errorRate),
      numeric: true,
    },
    { key: 'p50Ms', label: 'p50', value: (r) => r.p50Ms, render: (r) => formatMs(r.p50Ms), numeric: true },
    { key: 'p95Ms', label: 'p95', value: (r) => r.p95Ms, render: (r) => formatMs(r.p95Ms), numeric: true },
    { key: 'p99Ms', label: 'p99', value: (r) => r.p99Ms, render: (r) => formatMs(r.p99Ms), numeric: true },
    {
      key: 'bytesReceived',
      label: 'Bytes in',
      value: (r) => r.bytesReceived,
      render: (r) => formatBytes(r.bytesReceived),
      numeric: true,
    },
    {
      key: 'bytesSent',
      label: 'Bytes out',
      value: (r) => r.bytesSent,
      render: (r) => formatBytes(r.bytesSent),
      numeric: true,
    },
  ];
}
