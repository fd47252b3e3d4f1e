import type { TCliCommand } from '../types';

export const policyCommands: TCliCommand[] = [];
