import type { TCliCommand } from './types';
import { policyCommands } from './commands/policy';
import { teamsCommands } from './commands/teams';
import { dbCommands } from './commands/db';
import { usageCommands } from './commands/usage';
import { chargebackCommands } from './commands/chargeback';

export function allCommands(): TCliCommand[] {
  return [...policyCommands, ...teamsCommands, ...dbCommands, ...usageCommands, ...chargebackCommands];
}
