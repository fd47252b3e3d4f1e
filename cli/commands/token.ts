import { parseArgs } from 'node:util';
import { createApiToken } from '@/lib/auth/create-api-token';
import { systemActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { withCliDatabase } from '../database';
import type { TCliCommand } from '../types';

export const tokenCommands: TCliCommand[] = [
  {
    name: 'token create',
    summary: 'Create an API token for a user; prints only the token (audited)',
    usage: 'token create --user EMAIL [--name NAME] [--days 1-365]',
    async run(argv, io) {
      let values;
      try {
        values = parseArgs({
          args: argv,
          options: { user: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } },
        }).values;
      } catch (error) {
        throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
      }
      if (!values.user) throw new AppError('BAD_REQUEST', 'Give the owner: token create --user EMAIL');
      const days = values.days === undefined ? undefined : Number(values.days);
      if (days !== undefined && !Number.isInteger(days))
        throw new AppError('BAD_REQUEST', '--days must be a whole number of days');
      return withCliDatabase(
        'token create',
        argv,
        async (db) => {
          const created = await createApiToken(
            systemActor('cli'),
            { userEmail: values.user, name: values.name ?? 'cli', expiresInDays: days },
            db,
          );
          io.stdout(created.token);
          return 0;
        },
        { io },
      );
    },
  },
];
