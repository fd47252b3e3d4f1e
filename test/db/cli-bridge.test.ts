import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInternalCliRequest } from '@/cli/bridge-server';
import { withCliDatabase } from '@/cli/database';
import { allCommands } from '@/cli/registry';
import type { TCliCommand, TCliIo } from '@/cli/types';
import { closeDb, getOpenDatabase } from '@/lib/db';
import {
  portalFilePath,
  readRunningPortal,
  registerRunningPortal,
  unregisterRunningPortal,
} from '@/lib/db/portal-registry';
import { setEnvForTesting } from '@/lib/env';

/** A command that reports which process and database served it, and echoes a shipped file. */
const echoCommand: TCliCommand = {
  name: 'test echo',
  summary: 'test',
  usage: 'test echo <file>',
  run: (argv, io) =>
    withCliDatabase(
      'test echo',
      argv,
      async (db) => {
        const content = await io.readFile(argv[0]!);
        io.stdout(`teams=${await db.team.count()} file=${content.trim()}`);
        io.stderr('to stderr');
        return 3;
      },
      { io, files: [argv[0]!] },
    ),
};

/** Tries to read a path it did not declare: the portal must not read caller paths on its own. */
const sneakyCommand: TCliCommand = {
  name: 'test sneaky',
  summary: 'test',
  usage: 'test sneaky',
  run: (argv, io) =>
    withCliDatabase(
      'test sneaky',
      argv,
      async () => {
        io.stdout(await io.readFile('/etc/hostname'));
        return 0;
      },
      { io },
    ),
};

function captureIo(): TCliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    // Same newline convention as cli/portal.ts.
    stdout: (t) => void out.push(t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => void err.push(t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => readFile(p, 'utf8'),
  };
}

let root: string;
let server: Server;
let url: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bap-bridge-'));
  setEnvForTesting({ PORTAL_DATA_DIR: root, DATABASE_URL: undefined });
  const portalDb = await getOpenDatabase();
  await portalDb.db.team.create({ data: { slug: 'one', name: 'One', costCenter: 'CC-1' } });
  // The same handler the route exports, behind a plain HTTP server.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const response = await handleInternalCliRequest(request, {
        commands: () => [...allCommands(), echoCommand, sneakyCommand],
      });
      res.writeHead(response.status, { 'content-type': 'application/json' });
      res.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  unregisterRunningPortal(root);
  await closeDb();
  await rm(root, { recursive: true, force: true });
});

describe('CLI bridge', () => {
  it('advertises the running portal in portal.json, readable by its owner only', async () => {
    expect(await registerRunningPortal({ url: `${url}/` })).toBe(true);
    const portal = readRunningPortal(root);
    expect(portal).toMatchObject({ url, pid: process.pid });
    expect(portal!.token.length).toBeGreaterThanOrEqual(40);
    expect(statSync(portalFilePath(root)).mode & 0o777).toBe(0o600);
  });

  it('forwards a command to the portal with its shipped files and relays output and exit code', async () => {
    const file = path.join(root, 'input.txt');
    await writeFile(file, 'hello from the caller\n');
    const io = captureIo();
    const code = await echoCommand.run([file], io);
    expect(code).toBe(3);
    expect(io.out.join('')).toBe('teams=1 file=hello from the caller\n');
    expect(io.err.join('')).toBe('to stderr\n');
  });

  it('forwards the real db commands', async () => {
    const io = captureIo();
    const status = allCommands().find((c) => c.name === 'db status')!;
    expect(await status.run([], io)).toBe(0);
    expect(io.out.join('')).toMatch(/applied\s+\d{14}_init/);
  });

  it('serves only files the caller shipped', async () => {
    const io = captureIo();
    expect(await sneakyCommand.run([], io)).toBe(1);
    expect(io.err.join('')).toMatch(/was not sent with the command/);
  });

  it('rejects requests without the bearer token', async () => {
    const body = JSON.stringify({ command: 'db status', argv: [], files: {} });
    const none = await fetch(`${url}/api/internal/cli`, { method: 'POST', body });
    expect(none.status).toBe(401);
    const wrong = await fetch(`${url}/api/internal/cli`, {
      method: 'POST',
      body,
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
  });

  it('opens the embedded database directly when no portal runs', async () => {
    unregisterRunningPortal(root);
    await closeDb();
    const file = path.join(root, 'input.txt');
    const io = captureIo();
    expect(await echoCommand.run([file], io)).toBe(3);
    expect(io.out.join('')).toBe('teams=1 file=hello from the caller\n');
  });
});
