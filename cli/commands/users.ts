import { parseArgs } from 'node:util';
import { systemActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { listUsersForAdmin } from '@/lib/users/list-users-for-admin';
import { withCliDatabase } from '../database';
import type { TCliCommand } from '../types';

export interface TCliUser {
  email: string;
  name: string;
  roles: ('approver' | 'finance' | 'admin')[];
  teams: { slug: string; role: 'lead' | 'member' }[];
}

export const usersCommands: TCliCommand[] = [
  {
    name: 'users list',
    summary: 'List people with their global roles and teams (--format json for scripts)',
    usage: 'users list [--format text|json]',
    async run(argv, io) {
      let format: string;
      try {
        format = parseArgs({ args: argv, options: { format: { type: 'string' } } }).values.format ?? 'text';
      } catch (error) {
        throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
      }
      if (format !== 'text' && format !== 'json')
        throw new AppError('BAD_REQUEST', '--format must be text or json');
      return withCliDatabase(
        'users list',
        argv,
        async (db) => {
          const users: TCliUser[] = (await listUsersForAdmin(systemActor('cli'), db)).map((u) => ({
            email: u.email,
            name: u.name,
            roles: u.globalRoles.map((r) => r.toLowerCase() as TCliUser['roles'][number]),
            teams: u.teams.map((t) => ({ slug: t.slug, role: t.role === 'LEAD' ? 'lead' : 'member' })),
          }));
          if (format === 'json') io.stdout(JSON.stringify(users, null, 2));
          else
            for (const u of users)
              io.stdout(
                `${u.email.padEnd(32)} ${u.name.padEnd(24)} ${u.roles.join(',') || '-'}  ` +
                  (u.teams.map((t) => `${t.slug}:${t.role}`).join(' ') || '-'),
              );
          return 0;
        },
        { io },
      );
    },
  },
];
