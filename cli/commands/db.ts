import type { TCliCommand } from '../types';

export const dbCommands: TCliCommand[] = [];
