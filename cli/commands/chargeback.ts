/**
 * `prices list`, `chargeback report`, `chargeback close` and `usage ingest-invocations FILE...`. Ingest exits 0 when
 * every line was stored (or already stored) or counted as malformed, and 1 only when a file could not be read or the
 * database failed (the same rule as `usage ingest`).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from '@/lib/auth/permissions';
import { toChargebackCsv } from '@/lib/chargeback/chargeback-csv';
import { closeChargebackMonth } from '@/lib/chargeback/close-chargeback-month';
import { getChargebackReport } from '@/lib/chargeback/get-chargeback-report';
import { ingestInvocationFiles } from '@/lib/chargeback/ingest-invocation-files';
import { listPrices } from '@/lib/chargeback/list-prices';
import { isMonth } from '@/lib/chargeback/org-calendar';
import { AppError } from '@/lib/errors/app-error';
import { withCliDatabase } from '../database';
import { isInPortalContext } from '../portal-context';
import type { TCliCommand, TCliIo } from '../types';

const BASE64 = 'base64:';

function resolvePath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function args<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
  }
}

const ingestInvocationsCommand: TCliCommand = {
  name: 'usage ingest-invocations',
  summary:
    'Ingest Bedrock model invocation-log files (.json, .json.gz; gzip detected by content) and print a summary',
  usage: 'usage ingest-invocations FILE... [--json]',
  async run(argv, io) {
    const parsed = args(() =>
      parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true }),
    );
    const files = parsed.positionals;
    if (files.length === 0) {
      throw new AppError('BAD_REQUEST', 'Give at least one file: usage ingest-invocations FILE...');
    }
    const forwardIo: TCliIo = {
      ...io,
      readFile: async (p) => BASE64 + (await readFile(resolvePath(p))).toString('base64'),
    };
    return withCliDatabase(
      'usage ingest-invocations',
      argv,
      async (db) => {
        let tmp: string | undefined;
        try {
          let inputs = files.map((f) => ({ path: resolvePath(f), key: path.basename(f) }));
          if (isInPortalContext()) {
            tmp = await mkdtemp(path.join(tmpdir(), 'portal-invocations-'));
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
          const s = await ingestInvocationFiles(systemActor('cli'), { files: inputs, kind: 'FILE' }, db);
          if (parsed.values.json) io.stdout(JSON.stringify(s, null, 2));
          else {
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
              ].join('\n'),
            );
          }
          for (const e of s.errors) io.stderr(`error: ${e.key}: ${e.error}`);
          return s.status === 'SUCCEEDED' ? 0 : 1;
        } finally {
          if (tmp) await rm(tmp, { recursive: true, force: true });
        }
      },
      { io: forwardIo, files },
    );
  },
};

const pricesListCommand: TCliCommand = {
  name: 'prices list',
  summary:
    'The price book: every effective-dated entry per model and region (per 1M tokens), or those in force --at',
  usage: 'prices list [--at ISO] [--format json|table]',
  async run(argv, io) {
    const parsed = args(() =>
      parseArgs({
        args: argv,
        options: { at: { type: 'string' }, format: { type: 'string', default: 'table' } },
      }),
    );
    const format = parsed.values.format;
    if (format !== 'json' && format !== 'table')
      throw new AppError('BAD_REQUEST', '--format must be json or table');
    const at = parsed.values.at ? new Date(parsed.values.at) : undefined;
    if (at && Number.isNaN(at.getTime())) throw new AppError('BAD_REQUEST', '--at must be an ISO date-time');
    return withCliDatabase(
      'prices list',
      argv,
      async (db) => {
        const rows = await listPrices(systemActor('cli'), { at }, db);
        if (format === 'json') io.stdout(JSON.stringify(rows, null, 2));
        else {
          for (const r of rows) {
            io.stdout(
              [
                r.modelId.padEnd(44),
                r.region.padEnd(12),
                `in ${r.inputPerMillion}`.padEnd(14),
                `out ${r.outputPerMillion}`.padEnd(14),
                `from ${r.effectiveFrom.slice(0, 10)}`,
                r.effectiveTo ? `to ${r.effectiveTo.slice(0, 10)}` : '',
              ].join(' '),
            );
          }
        }
        return 0;
      },
      { io },
    );
  },
};

const reportCommand: TCliCommand = {
  name: 'chargeback report',
  summary:
    'A calendar month (org time zone) per team × model with tokens and cost, shared cost and adjustments',
  usage: 'chargeback report --month YYYY-MM [--format json|csv]',
  async run(argv, io) {
    const parsed = args(() =>
      parseArgs({
        args: argv,
        options: { month: { type: 'string' }, format: { type: 'string', default: 'json' } },
      }),
    );
    const month = parsed.values.month;
    if (!month || !isMonth(month)) throw new AppError('BAD_REQUEST', '--month YYYY-MM is required');
    const format = parsed.values.format;
    if (format !== 'json' && format !== 'csv')
      throw new AppError('BAD_REQUEST', '--format must be json or csv');
    return withCliDatabase(
      'chargeback report',
      argv,
      async (db) => {
        const report = await getChargebackReport(systemActor('cli'), { month }, db);
        io.stdout(format === 'json' ? JSON.stringify(report, null, 2) : toChargebackCsv(report).trimEnd());
        return 0;
      },
      { io },
    );
  },
};

const closeCommand: TCliCommand = {
  name: 'chargeback close',
  summary: 'Close a month that has ended: store its report as an immutable snapshot (audited)',
  usage: 'chargeback close --month YYYY-MM',
  async run(argv, io) {
    const parsed = args(() => parseArgs({ args: argv, options: { month: { type: 'string' } } }));
    const month = parsed.values.month;
    if (!month || !isMonth(month)) throw new AppError('BAD_REQUEST', '--month YYYY-MM is required');
    return withCliDatabase(
      'chargeback close',
      argv,
      async (db) => {
        const report = await closeChargebackMonth(systemActor('cli'), { month }, db);
        io.stdout(`Closed ${month}: total ${report.total} ${report.currency}, ${report.lines.length} lines`);
        return 0;
      },
      { io },
    );
  },
};

export const chargebackCommands: TCliCommand[] = [
  ingestInvocationsCommand,
  pricesListCommand,
  reportCommand,
  closeCommand,
];
