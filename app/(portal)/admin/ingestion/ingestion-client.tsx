'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { fetchJson } from '@/components/ui/fetch-json';
import { formatBytes, formatCount } from '@/components/usage/format-usage';
import { usageKeys } from '@/lib/query/usage-keys';
import type { TIngestionRunView, TIngestionStatus } from '@/lib/usage/get-ingestion-status';

const dt = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : '—');

function statusBadge(status: string) {
  const cls =
    status === 'SUCCEEDED' ? 'ok' : status === 'RUNNING' ? '' : status === 'PARTIAL' ? 'warn' : 'danger';
  return <span className={`badge ${cls}`}>{status.toLowerCase()}</span>;
}

/** Uploads with XHR (fetch has no upload progress), then follows the ingestion run it started. */
function useUpload() {
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'ingesting' | 'done' | 'error'>('idle');
  const [sent, setSent] = useState(0);
  const [total, setTotal] = useState(0);
  const [runId, setRunId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = (file: File) => {
    setPhase('uploading');
    setError(null);
    setSent(0);
    setTotal(file.size);
    setRunId(null);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/usage/uploads?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setSent(e.loaded);
    };
    xhr.onload = () => {
      let body: { runId?: number; detail?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.runId) {
        setRunId(body.runId);
        setPhase('ingesting');
      } else {
        setError(body.detail ?? `Upload failed (${xhr.status})`);
        setPhase('error');
      }
    };
    xhr.onerror = () => {
      setError('The upload was interrupted');
      setPhase('error');
    };
    xhr.send(file);
  };
  return { phase, setPhase, sent, total, runId, error, start };
}

function RunProgress({ runId, onDone }: { runId: number; onDone: () => void }) {
  const q = useQuery({
    queryKey: usageKeys.run(runId),
    queryFn: () => fetchJson<TIngestionRunView>(`/api/v1/usage/runs/${runId}`),
    refetchInterval: (query) => (query.state.data?.status === 'RUNNING' ? 500 : false),
    staleTime: 0,
  });
  const r = q.data;
  if (!r) return <p className="muted">Starting…</p>;
  const running = r.status === 'RUNNING';
  if (!running) queueMicrotask(onDone);
  return (
    <div data-testid="upload-run" aria-live="polite">
      <label>
        Ingesting ({formatBytes(r.bytesRead)} of {r.bytesTotal ? formatBytes(r.bytesTotal) : '?'})
        <progress
          className="progress"
          max={r.bytesTotal ?? 1}
          value={running ? r.bytesRead : (r.bytesTotal ?? 1)}
        />
      </label>
      <p>
        Run {r.id}: {statusBadge(r.status)} · lines {formatCount(r.recordsRead)} · stored{' '}
        <strong data-testid="upload-stored">{formatCount(r.stored)}</strong> · already stored{' '}
        {formatCount(r.duplicates)} · malformed{' '}
        <strong data-testid="upload-malformed">{formatCount(r.malformed)}</strong> · unattributed{' '}
        {formatCount(r.unattributed)}
        {r.objectsSkipped > 0 ? ' · file already ingested (same bytes): skipped' : ''}
      </p>
      {r.lastError ? <div className="error-box">{r.lastError}</div> : null}
    </div>
  );
}

export function IngestionClient({ maxUploadMb }: { maxUploadMb: number }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: usageKeys.ingestion(),
    queryFn: () => fetchJson<TIngestionStatus>('/api/v1/usage/ingestion'),
    staleTime: 5_000,
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'RUNNING') ? 1_000 : 15_000),
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: usageKeys.all });
  const ingestNow = useMutation({
    mutationFn: () => fetchJson<{ started: boolean }>('/api/v1/usage/ingestion', { method: 'POST' }),
    onSuccess: () => setTimeout(() => void invalidate(), 300),
  });
  const [kind, setKind] = useState<'S3' | 'CLOUDWATCH_LOGS'>('S3');
  const [bucket, setBucket] = useState('');
  const [prefix, setPrefix] = useState('');
  const [group, setGroup] = useState('');
  const addSource = useMutation({
    mutationFn: () =>
      fetchJson<{ id: number }>('/api/v1/usage/ingestion/sources', {
        method: 'POST',
        body: JSON.stringify(kind === 'S3' ? { kind, bucket, prefix } : { kind, logGroupName: group }),
      }),
    onSuccess: () => void invalidate(),
  });
  const upload = useUpload();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const data = status.data;

  return (
    <>
      <section className="card" aria-labelledby="upload-h">
        <h2 id="upload-h">Upload access-log files</h2>
        <p className="muted">
          .log, .json or .gz files in the VPC Lattice access-log format, up to {maxUploadMb} MiB. A file
          already ingested is recognised and not counted twice.
        </p>
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            const file = fileRef.current?.files?.[0];
            setFileError(null);
            if (!file) return setFileError('Choose a file first');
            if (!/\.(log|json|ndjson|jsonl|txt)(\.gz)?$|\.gz$/i.test(file.name)) {
              return setFileError(`"${file.name}" is not a log file: choose a .log, .json or .gz file`);
            }
            if (file.size > maxUploadMb * 1024 * 1024)
              return setFileError(`"${file.name}" is larger than ${maxUploadMb} MiB`);
            upload.start(file);
          }}
        >
          <label>
            Log file
            <input ref={fileRef} type="file" name="file" accept=".log,.json,.gz,.ndjson,.jsonl" />
          </label>
          <button
            className="btn primary"
            type="submit"
            disabled={upload.phase === 'uploading' || upload.phase === 'ingesting'}
          >
            Upload and ingest
          </button>
        </form>
        {fileError ? (
          <div className="error-box" role="alert">
            {fileError}
          </div>
        ) : null}
        {upload.phase === 'uploading' ? (
          <label>
            Uploading ({formatBytes(upload.sent)} of {formatBytes(upload.total)})
            <progress className="progress" max={upload.total || 1} value={upload.sent} />
          </label>
        ) : null}
        {upload.error ? (
          <div className="error-box" role="alert" data-testid="upload-error">
            {upload.error}
          </div>
        ) : null}
        {upload.runId !== null ? (
          <RunProgress
            runId={upload.runId}
            onDone={() => {
              if (upload.phase !== 'done') {
                upload.setPhase('done');
                void invalidate();
              }
            }}
          />
        ) : null}
      </section>

      <section className="card" aria-labelledby="sources-h">
        <h2 id="sources-h">Sources</h2>
        <div className="toolbar">
          <button
            className="btn primary"
            type="button"
            onClick={() => ingestNow.mutate()}
            disabled={ingestNow.isPending}
          >
            Ingest now
          </button>
          {ingestNow.isSuccess ? (
            <span className="muted">Started: the runs below update as it reads.</span>
          ) : null}
          {ingestNow.error ? <span className="error-box">{ingestNow.error.message}</span> : null}
        </div>
        {data && data.sources.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Feed</th>
                <th scope="col">Objects</th>
                <th scope="col">Records read</th>
                <th scope="col">Stored</th>
                <th scope="col">Malformed</th>
                <th scope="col">Unattributed</th>
                <th scope="col">Complete through</th>
                <th scope="col">Last run</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {data.sources.map((s) => (
                <tr key={s.id}>
                  <td className="mono">
                    {s.name} {s.enabled ? null : <span className="badge">disabled</span>}
                  </td>
                  <td>{s.feed}</td>
                  <td className="num">{formatCount(s.objects)}</td>
                  <td className="num">{formatCount(s.totals.recordsRead)}</td>
                  <td className="num">{formatCount(s.totals.stored)}</td>
                  <td className="num">{formatCount(s.totals.malformed)}</td>
                  <td className="num">{formatCount(s.totals.unattributed)}</td>
                  <td>{dt(s.watermark)}</td>
                  <td>{dt(s.lastRunAt)}</td>
                  <td>
                    {s.lastError ? (
                      <span className="badge danger" title={dt(s.lastErrorAt)}>
                        {s.lastError}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">
            No sources yet: add the access-log subscription’s bucket or log group, or upload a file.
          </p>
        )}
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            addSource.mutate();
          }}
        >
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as 'S3' | 'CLOUDWATCH_LOGS')}>
              <option value="S3">S3 bucket</option>
              <option value="CLOUDWATCH_LOGS">CloudWatch Logs group</option>
            </select>
          </label>
          {kind === 'S3' ? (
            <>
              <label>
                Bucket
                <input value={bucket} onChange={(e) => setBucket(e.target.value)} />
              </label>
              <label>
                Prefix
                <input value={prefix} onChange={(e) => setPrefix(e.target.value)} />
              </label>
            </>
          ) : (
            <label>
              Log group
              <input value={group} onChange={(e) => setGroup(e.target.value)} />
            </label>
          )}
          <button className="btn" type="submit" disabled={addSource.isPending}>
            Add source
          </button>
          {addSource.error ? <span className="error-box">{addSource.error.message}</span> : null}
        </form>
      </section>

      <section className="card" aria-labelledby="runs-h">
        <h2 id="runs-h">Recent runs</h2>
        {data && data.runs.length > 0 ? (
          <table data-testid="ingestion-runs">
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Source</th>
                <th scope="col">Trigger</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Objects read / skipped</th>
                <th scope="col">Bytes</th>
                <th scope="col">Records</th>
                <th scope="col">Stored</th>
                <th scope="col">Already stored</th>
                <th scope="col">Malformed</th>
                <th scope="col">Unattributed</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {data.runs.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td className="mono">{r.source}</td>
                  <td>{r.trigger}</td>
                  <td>{statusBadge(r.status)}</td>
                  <td>{dt(r.startedAt)}</td>
                  <td className="num">
                    {r.objectsRead} / {r.objectsSkipped}
                  </td>
                  <td className="num">{formatBytes(r.bytesRead)}</td>
                  <td className="num">{formatCount(r.recordsRead)}</td>
                  <td className="num">{formatCount(r.stored)}</td>
                  <td className="num">{formatCount(r.duplicates)}</td>
                  <td className="num">{formatCount(r.malformed)}</td>
                  <td className="num">{formatCount(r.unattributed)}</td>
                  <td>{r.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No ingestion has run yet.</p>
        )}
      </section>

      <section className="card" aria-labelledby="samples-h">
        <h2 id="samples-h">Malformed lines (samples)</h2>
        {data && data.samples.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Object</th>
                <th scope="col">Line</th>
                <th scope="col">Why</th>
                <th scope="col">Sample</th>
              </tr>
            </thead>
            <tbody>
              {data.samples.map((s) => (
                <tr key={`${s.runId}-${s.objectKey}-${s.lineNo}`}>
                  <td>{s.runId}</td>
                  <td className="mono">{s.objectKey}</td>
                  <td>{s.lineNo}</td>
                  <td>{s.reason}</td>
                  <td className="mono">{s.sample.slice(0, 160)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No malformed lines so far.</p>
        )}
      </section>
    </>
  );
}
