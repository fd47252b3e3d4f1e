/**
 * `npm run portal -- <command>`: the portal's command line. Runs under tsx with no build step.
 * Exit codes: 0 success, 1 the command ran and found a problem, 2 bad input or usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAppError } from '@/lib/errors/app-error';
import { allCommands } from './registry';
import type { TCliIo } from './types';

const io: TCliIo = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readFile: (p) => readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), p), 'utf8'),
};

function usage(): string {
  const lines = allCommands().map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `Usage: npm run portal -- <command> [options]   (add --help after a command for its details)\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const commands = allCommands();
  // Longest matching name wins ("teams import" before "teams").
  const match = commands
    .filter((c) => {
      const words = c.name.split(' ');
      return words.every((w, i) => argv[i] === w);
    })
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!match) {
    io.stderr(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(match.name.split(' ').length);
  if (rest.includes('--help')) {
    io.stdout(`Usage: npm run portal -- ${match.usage}\n\n${match.summary}`);
    return 0;
  }
  try {
    return await match.run(rest, io);
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`error: ${error.message}`);
      for (const issue of error.issues) io.stderr(`  - ${issue.path}: ${issue.message}`);
      return error.expected ? 2 : 1;
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fatal: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
