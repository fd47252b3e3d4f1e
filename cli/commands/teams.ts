import { parseArgs } from 'node:util';
import { systemActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { exportTeams } from '@/lib/teams/export-teams';
import { importTeams, type TImportTeamsResult } from '@/lib/teams/import-teams';
import { ZEffectiveAt } from '@/lib/teams/team-schemas';
import { withCliDatabase } from '../database';
import type { TCliCommand, TCliIo } from '../types';

function parseImportArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        prune: { type: 'boolean' },
        effective: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0)
    throw new AppError(
      'BAD_REQUEST',
      'Give exactly one file: teams import FILE [--prune] [--effective ISO] [--dry-run]',
    );
  let effectiveAt: Date | undefined;
  if (parsed.values.effective !== undefined) {
    // A bare date means midnight UTC: what people mean by "moved on the 1st" in a chargeback month.
    const raw = /^\d{4}-\d{2}-\d{2}$/.test(parsed.values.effective)
      ? `${parsed.values.effective}T00:00:00Z`
      : parsed.values.effective;
    const check = ZEffectiveAt.safeParse(raw);
    if (!check.success) {
      throw new AppError('VALIDATION', 'Invalid --effective', {
        issues: [{ path: '--effective', message: check.error.issues[0]?.message ?? 'is invalid' }],
      });
    }
    effectiveAt = new Date(check.data);
  }
  return {
    file,
    prune: parsed.values.prune ?? false,
    dryRun: parsed.values['dry-run'] ?? false,
    json: parsed.values.json ?? false,
    effectiveAt,
  };
}

function printImport(io: TCliIo, r: TImportTeamsResult): void {
  if (r.dryRun) io.stdout('Dry run: nothing was written.');
  if (r.changes.length === 0) io.stdout('No changes: the recorded teams already match the file.');
  for (const c of r.changes) io.stdout(`${c.class.padEnd(8)} ${c.text}`);
  if (r.kept.length > 0) {
    io.stdout('Kept (not pruned):');
    for (const k of r.kept) io.stdout(`  - ${k}`);
  }
  const { created, updated, moved, pruned } = r.counts;
  io.stdout(
    `${r.dryRun ? 'Would change' : 'Changed'}: ${created} created, ${updated} updated, ${moved} moved, ${pruned} pruned.`,
  );
}

export const teamsCommands: TCliCommand[] = [
  {
    name: 'teams import',
    summary: 'Apply a teams-as-code JSON file (merge; --prune removes what it no longer lists)',
    usage: 'teams import FILE [--prune] [--effective ISO-8601] [--dry-run] [--json]',
    async run(argv, io) {
      const args = parseImportArgs(argv);
      return withCliDatabase(
        'teams import',
        argv,
        async (db) => {
          const text = await io.readFile(args.file);
          let content: unknown;
          try {
            content = JSON.parse(text);
          } catch (error) {
            throw new AppError(
              'VALIDATION',
              `${args.file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
          const result = await importTeams(
            systemActor('cli'),
            content,
            { prune: args.prune, dryRun: args.dryRun, effectiveAt: args.effectiveAt },
            db,
          );
          if (args.json) io.stdout(JSON.stringify(result, null, 2));
          else printImport(io, result);
          return 0;
        },
        { io, files: [args.file] },
      );
    },
  },
  {
    name: 'teams export',
    summary: 'Print the recorded teams as a teams-as-code JSON file',
    usage: 'teams export',
    async run(argv, io) {
      try {
        parseArgs({ args: argv, options: {}, allowPositionals: false });
      } catch (error) {
        throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
      }
      return withCliDatabase(
        'teams export',
        argv,
        async (db) => {
          io.stdout(JSON.stringify(await exportTeams(systemActor('cli'), db), null, 2));
          return 0;
        },
        { io },
      );
    },
  },
];
