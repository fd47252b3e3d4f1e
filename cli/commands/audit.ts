import { parseArgs } from 'node:util';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { systemActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { withCliDatabase } from '../database';
import type { TCliCommand } from '../types';

export const auditCommands: TCliCommand[] = [
  {
    name: 'audit verify',
    summary: 'Check the audit hash chain; exit 1 and name the first broken link',
    usage: 'audit verify [--json]',
    async run(argv, io) {
      let json = false;
      try {
        json = parseArgs({ args: argv, options: { json: { type: 'boolean' } } }).values.json ?? false;
      } catch (error) {
        throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
      }
      return withCliDatabase(
        'audit verify',
        argv,
        async (db) => {
          const r = await verifyAuditChain(systemActor('cli'), db);
          if (json) io.stdout(JSON.stringify(r, null, 2));
          else if (r.ok) {
            io.stdout(
              `Audit chain verifies: ${r.checked} events, head #${r.headSeq}` +
                (r.unchained ? ` (${r.unchained} older events predate the chain)` : '') +
                '.',
            );
          } else {
            const b = r.firstBroken!;
            io.stderr(
              `Audit chain BROKEN at event ${b.id} (#${b.seq ?? '-'}, ${b.action}, ${b.at}): ${b.reason}. ` +
                `${r.checked} events before it verify.`,
            );
          }
          return r.ok ? 0 : 1;
        },
        { io },
      );
    },
  },
];
