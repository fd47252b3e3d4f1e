'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TRequestTimeline, TTimelineState } from '@/lib/provisioning/get-request-timeline';

/** Under the access domain's request prefix, so every request mutation's invalidation refreshes it too. */
export const timelineKey = (requestId: string) => ['access', 'requests', 'timeline', requestId] as const;

const ICON: Record<TTimelineState, string> = {
  done: '●',
  active: '◐',
  waiting: '◔',
  failed: '✕',
  stuck: '!',
  upcoming: '○',
  skipped: '–',
};
const COLOR: Record<TTimelineState, string> = {
  done: '#1a7f37',
  active: '#0969da',
  waiting: '#9a6700',
  failed: '#cf222e',
  stuck: '#cf222e',
  upcoming: '#6e7781',
  skipped: '#6e7781',
};
const STATE_LABEL: Record<TTimelineState, string> = {
  done: 'done',
  active: 'in progress',
  waiting: 'waiting',
  failed: 'failed',
  stuck: 'stuck',
  upcoming: 'not yet',
  skipped: 'skipped',
};

/**
 * A request's life, requested → approved → each provisioning step → active → expired or revoked. Polls every second
 * while anything can still move, so a team lead sees it progress without reloading; stops once terminal.
 */
export function StatusTimeline({ requestId, initial }: { requestId: string; initial?: TRequestTimeline }) {
  const q = useQuery({
    queryKey: timelineKey(requestId),
    queryFn: () =>
      fetchJson<TRequestTimeline>(`/api/v1/access-requests/${encodeURIComponent(requestId)}/timeline`),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.terminal ? false : 1_000),
  });
  const t = q.data;
  if (!t) return <p className="muted">Loading the timeline…</p>;
  return (
    <section aria-labelledby={`timeline-${requestId}`} data-testid="status-timeline" data-status={t.status}>
      <h3 id={`timeline-${requestId}`} style={{ margin: '0 0 .5rem' }}>
        Status timeline
      </h3>
      <ol aria-live="polite" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {t.entries.map((e) => (
          <li
            key={e.key}
            data-entry={e.key}
            data-state={e.state}
            style={{
              display: 'grid',
              gridTemplateColumns: '1.5rem 1fr auto',
              gap: '.5rem',
              padding: '.3rem 0',
            }}
          >
            <span aria-hidden="true" style={{ color: COLOR[e.state], fontWeight: 700, textAlign: 'center' }}>
              {ICON[e.state]}
            </span>
            <span>
              <strong>{e.label}</strong> <span className="sr-only">({STATE_LABEL[e.state]})</span>
              {e.state !== 'done' && e.state !== 'upcoming' ? (
                <span style={{ color: COLOR[e.state] }}> — {STATE_LABEL[e.state]}</span>
              ) : null}
              {e.detail ? (
                <span className="muted" style={{ display: 'block', fontSize: '.9em' }}>
                  {e.detail}
                </span>
              ) : null}
              {e.awsRequestIds && e.awsRequestIds.length > 0 ? (
                <details style={{ fontSize: '.85em' }}>
                  <summary>
                    {e.awsRequestIds.length} AWS request{e.awsRequestIds.length === 1 ? '' : 's'}
                    {e.attempts && e.attempts > 1 ? `, ${e.attempts} attempts` : ''}
                  </summary>
                  <ul className="mono">
                    {e.awsRequestIds.map((id) => (
                      <li key={id}>{id}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </span>
            <time className="muted" dateTime={e.at ?? undefined} style={{ fontSize: '.85em' }}>
              {e.at ? new Date(e.at).toLocaleString() : ''}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
