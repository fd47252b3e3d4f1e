import type { TCliCommand } from '../types';

export const teamsCommands: TCliCommand[] = [];
