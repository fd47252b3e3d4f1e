import type { TCliCommand } from './types';
import { policyCommands } from './commands/policy';
import { teamsCommands } from './commands/teams';
import { dbCommands } from './commands/db';
import { usageCommands } from './commands/usage';

export function allCommands(): TCliCommand[] {
  return [...policyCommands, ...teamsCommands, ...dbCommands, ...usageCommands];
}
