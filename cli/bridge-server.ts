/**
 * The portal's side of the CLI bridge: runs a forwarded CLI command in-process against the portal's database,
 * with its output captured and its file arguments served only from what the caller shipped.
 */
import { z } from 'zod';
import { verifyPortalToken } from '@/lib/db/portal-registry';
import { isAppError } from '@/lib/errors/app-error';
import { allCommands } from './registry';
import { runInPortalContext } from './portal-context';
import type { TCliResponseBody } from './database';
import type { TCliCommand, TCliIo } from './types';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

const ZCliRequest = z.object({
  command: z.string().min(1).max(100),
  argv: z.array(z.string().max(100_000)).max(1_000),
  files: z.record(z.string(), z.string()).default({}),
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Runs one command with captured IO; the exit-code conventions match cli/portal.ts. */
export async function runCapturedCommand(
  command: TCliCommand,
  argv: string[],
  files: Record<string, string>,
): Promise<TCliResponseBody> {
  let stdout = '';
  let stderr = '';
  const io: TCliIo = {
    stdout: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    stderr: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    readFile: async (p) => {
      const content = files[p];
      if (content === undefined) throw new Error(`file ${p} was not sent with the command`);
      return content;
    },
  };
  let exitCode: number;
  try {
    exitCode = await runInPortalContext(() => command.run(argv, io));
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`error: ${error.message}`);
      for (const issue of error.issues) io.stderr(`  - ${issue.path}: ${issue.message}`);
      exitCode = error.expected ? 2 : 1;
    } else {
      io.stderr(`error: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = 1;
    }
  }
  return { exitCode, stdout, stderr };
}

export async function handleInternalCliRequest(
  request: Request,
  options: { commands?: () => TCliCommand[] } = {},
): Promise<Response> {
  if (!verifyPortalToken(request.headers.get('authorization'))) {
    return json(401, { error: 'unauthorized' });
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return json(413, { error: 'request too large' });
  let parsed: z.infer<typeof ZCliRequest>;
  try {
    parsed = ZCliRequest.parse(await request.json());
  } catch {
    return json(400, { error: 'invalid request body' });
  }
  const command = (options.commands ?? allCommands)().find((c) => c.name === parsed.command);
  if (!command) return json(404, { error: `unknown command: ${parsed.command}` });
  return json(200, await runCapturedCommand(command, parsed.argv, parsed.files));
}
