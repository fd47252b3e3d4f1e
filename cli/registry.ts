import type { TCliCommand } from './types';
import { policyCommands } from './commands/policy';
import { teamsCommands } from './commands/teams';
import { dbCommands } from './commands/db';
import { usageCommands } from './commands/usage';
import { chargebackCommands } from './commands/chargeback';
import { auditCommands } from './commands/audit';
import { tokenCommands } from './commands/token';
import { usersCommands } from './commands/users';

export function allCommands(): TCliCommand[] {
  return [
    ...policyCommands,
    ...teamsCommands,
    ...dbCommands,
    ...usageCommands,
    ...chargebackCommands,
    ...auditCommands,
    ...tokenCommands,
    ...usersCommands,
  ];
}
