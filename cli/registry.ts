import type { TCliCommand } from './types';
import { policyCommands } from './commands/policy';
import { teamsCommands } from './commands/teams';
import { dbCommands } from './commands/db';
import { auditCommands } from './commands/audit';
import { tokenCommands } from './commands/token';
import { usersCommands } from './commands/users';

export function allCommands(): TCliCommand[] {
  return [
    ...policyCommands,
    ...teamsCommands,
    ...dbCommands,
    ...auditCommands,
    ...tokenCommands,
    ...usersCommands,
  ];
}
