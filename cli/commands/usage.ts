/**
 * `usage ingest FILE...` and `usage report`. Ingest exits 0 when every line was stored (or already stored) or
 * counted as malformed, and 1 only when a file could not be read or the database failed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { ingestLogFiles } from '@/lib/usage/ingest-log-files';
import { REPORT_GROUPS, reportUsage, type TReportGroup } from '@/lib/usage/report-usage';
import { toUsageCsv } from '@/lib/usage/usage-csv';
import type { TIngestionRunSummary } from '@/lib/usage/run-ingestion';
import { withCliDatabase } from '../database';
import { isInPortalContext } from '../portal-context';
import type { TCliCommand, TCliIo } from '../types';

const BASE64 = 'base64:';

function resolvePath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function badArgs(error: unknown): never {
  throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
}

function printSummary(io: TCliIo, s: TIngestionRunSummary): void {
  io.stdout(
    [
      `Ingestion run ${s.runId}: ${s.status}`,
      `  files read       ${s.objectsRead}`,
      `  files skipped    ${s.objectsSkipped} (bytes already ingested)`,
      `  files failed     ${s.objectsFailed}`,
      `  lines read       ${s.recordsRead}`,
      `  stored           ${s.stored}`,
      `  already stored   ${s.duplicates}`,
      `  malformed        ${s.malformed}`,
      `  unattributed     ${s.unattributed}`,
      ...(s.expired > 0 ? [`  past retention   ${s.expired} (not stored)`] : []),
    ].join('\n'),
  );
  for (const e of s.errors) io.stderr(`error: ${e.key}: ${e.error}`);
}

const ingestCommand: TCliCommand = {
  name: 'usage ingest',
  summary:
    'Ingest VPC Lattice access-log files (.log, .json, .gz; gzip detected by content) and print a summary',
  usage: 'usage ingest FILE... [--json]',
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true });
    } catch (error) {
      badArgs(error);
    }
    const files = parsed.positionals;
    if (files.length === 0) throw new AppError('BAD_REQUEST', 'Give at least one file: usage ingest FILE...');
    // Forwarded to a running portal, files travel base64-encoded (they may be gzip).
    const forwardIo: TCliIo = {
      ...io,
      readFile: async (p) => BASE64 + (await readFile(resolvePath(p))).toString('base64'),
    };
    return withCliDatabase(
      'usage ingest',
      argv,
      async (db) => {
        let tmp: string | undefined;
        try {
          let inputs = files.map((f) => ({ path: resolvePath(f), key: path.basename(f) }));
          if (isInPortalContext()) {
            tmp = await mkdtemp(path.join(tmpdir(), 'portal-usage-'));
            const dir = tmp;
            inputs = await Promise.all(
              files.map(async (f, i) => {
                const content = await io.readFile(f);
                const local = path.join(dir, `${i}-${path.basename(f)}`);
                await writeFile(
                  local,
                  content.startsWith(BASE64) ? Buffer.from(content.slice(BASE64.length), 'base64') : content,
                );
                return { path: local, key: path.basename(f) };
              }),
            );
          }
          const summary = await ingestLogFiles(systemActor('cli'), { files: inputs, kind: 'FILE' }, db);
          if (parsed.values.json) io.stdout(JSON.stringify(summary, null, 2));
          else printSummary(io, summary);
          return summary.status === 'SUCCEEDED' ? 0 : 1;
        } finally {
          if (tmp) await rm(tmp, { recursive: true, force: true });
        }
      },
      { io: forwardIo, files },
    );
  },
};

const MEASURES = ['requests', 'allowed', 'denied', 'errors5xx', 'bytesReceived', 'bytesSent'];

const reportCommand: TCliCommand = {
  name: 'usage report',
  summary:
    'Usage totals grouped by team, model, principal, account, day or month; --from inclusive, --to exclusive (UTC)',
  usage: 'usage report --group-by team,model [--from ISO] [--to ISO] [--format json|csv]',
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          'group-by': { type: 'string', default: 'team,model' },
          from: { type: 'string' },
          to: { type: 'string' },
          format: { type: 'string', default: 'json' },
        },
        allowPositionals: false,
      });
    } catch (error) {
      badArgs(error);
    }
    const groups = parsed.values['group-by'].split(',').map((g) => g.trim());
    for (const g of groups) {
      if (!(REPORT_GROUPS as readonly string[]).includes(g)) {
        throw new AppError('BAD_REQUEST', `--group-by: "${g}" is not one of ${REPORT_GROUPS.join(', ')}`);
      }
    }
    const format = parsed.values.format;
    if (format !== 'json' && format !== 'csv')
      throw new AppError('BAD_REQUEST', '--format must be json or csv');
    const time = (name: 'from' | 'to') => {
      const v = parsed.values[name];
      if (v === undefined) return undefined;
      // A bare date is midnight UTC; an ISO time without zone is UTC too.
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? `${v}T00:00:00Z`
        : /[zZ]|[+-]\d{2}:?\d{2}$/.test(v)
          ? v
          : `${v}Z`;
      const d = new Date(iso);
      if (Number.isNaN(d.getTime()))
        throw new AppError('BAD_REQUEST', `--${name}: "${v}" is not an ISO date-time`);
      return d;
    };
    const from = time('from');
    const to = time('to');
    return withCliDatabase(
      'usage report',
      argv,
      async (db) => {
        const rows = await reportUsage(
          systemActor('cli'),
          { groupBy: groups as TReportGroup[], from, to },
          db,
        );
        if (format === 'json') io.stdout(JSON.stringify(rows, null, 2));
        else io.stdout(toUsageCsv([...groups, ...MEASURES], rows as unknown as Record<string, unknown>[]));
        return 0;
      },
      { io },
    );
  },
};

export const usageCommands: TCliCommand[] = [ingestCommand, reportCommand];
