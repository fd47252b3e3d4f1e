import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { TCliIo } from '../types';
import { policyCommands } from './policy';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const ROLE = 'arn:aws:iam::444455556666:role/team-a';
const SESSION = 'arn:aws:sts::444455556666:assumed-role/team-a/app';
const GRANTS = JSON.stringify({ grants: [{ principal: ROLE, models: [HAIKU] }] });

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: TCliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (p) => {
      if (p in files) return files[p]!;
      if (p.startsWith('fixtures/'))
        return readFileSync(path.join(ROOT, 'test/fixtures/policy', p.slice(9)), 'utf8');
      throw new Error(`ENOENT: ${p}`);
    },
  };
  return { io, out, err };
}

async function run(command: string, argv: string[], files: Record<string, string> = {}) {
  const cmd = policyCommands.find((c) => c.name === `policy ${command}`)!;
  const { io, out, err } = fakeIo(files);
  const code = await cmd.run(argv, io);
  return { code, out, err };
}

async function compiled(extra: string[] = []) {
  const r = await run('compile', ['--grants', 'g.json', '--service-arn', SVC, ...extra], {
    'g.json': GRANTS,
  });
  return r.out[0]!;
}

describe('policy compile', () => {
  it('prints only the one-line policy on stdout and the size on stderr', async () => {
    const r = await run(
      'compile',
      ['--grants', 'g.json', '--service-arn', SVC, '--org-id', 'o-bap7demo42x'],
      {
        'g.json': GRANTS,
      },
    );
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0]!).Statement[0].Condition.StringEquals).toEqual({
      'aws:PrincipalOrgID': 'o-bap7demo42x',
    });
    expect(r.err.join('\n')).toMatch(/auth policy: \d+ bytes \(\d+\.\d% of 10240\), headroom \d+ bytes/);
  });

  it('exits 2 with a clear message on invalid grants, unreadable files or a missing option', async () => {
    const bad = await run('compile', ['--grants', 'g.json', '--service-arn', SVC], {
      'g.json': JSON.stringify({ grants: [{ principal: 'team-a', models: [HAIKU] }] }),
    });
    expect(bad).toMatchObject({ code: 2, out: [] });
    expect(bad.err.join('\n')).toMatch(/"team-a" is not an IAM role\/user ARN/);
    expect((await run('compile', ['--grants', 'nope.json', '--service-arn', SVC])).code).toBe(2);
    expect((await run('compile', ['--grants', 'g.json'], { 'g.json': GRANTS })).err[0]).toMatch(
      /--service-arn is required/,
    );
    expect((await run('compile', ['--bogus'], {})).code).toBe(2);
    expect(
      (await run('compile', ['--grants', 'g.json', '--service-arn', SVC], { 'g.json': '{' })).err[0],
    ).toMatch(/not valid JSON/);
  });

  it('refuses a grant set over 10 KB even after compaction', async () => {
    const grants = Array.from({ length: 300 }, (_, i) => ({
      principal: `arn:aws:iam::${String(200_000_000_000 + i)}:role/team-${i}`,
      models: [`model-${i}.v1:0`],
    }));
    const r = await run('compile', ['--grants', 'g.json', '--service-arn', SVC], {
      'g.json': JSON.stringify({ grants }),
    });
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toMatch(/over the 10240-byte limit.*Nothing was truncated/);
  });
});

describe('policy simulate', () => {
  it('prints ALLOW or DENY and exits 0 either way', async () => {
    const files = { 'p.json': await compiled() };
    const allow = await run(
      'simulate',
      ['--policy', 'p.json', '--principal', SESSION, '--model', HAIKU],
      files,
    );
    expect(allow).toMatchObject({ code: 0, out: ['ALLOW'] });
    const smuggle = await run(
      'simulate',
      ['--policy', 'p.json', '--principal', SESSION, '--query', `modelid=${HAIKU}&modelid=meta.llama3-70b`],
      files,
    );
    expect(smuggle).toMatchObject({ code: 0, out: ['DENY'] });
    const anonymous = await run(
      'simulate',
      ['--policy', 'p.json', '--principal', 'anonymous', '--model', HAIKU],
      files,
    );
    expect(anonymous.out).toEqual(['DENY']);
  });

  it('--json gives the decision and the deciding statements', async () => {
    const r = await run(
      'simulate',
      ['--policy', 'p.json', '--principal', SESSION, '--model', HAIKU, '--json'],
      {
        'p.json': await compiled(),
      },
    );
    expect(JSON.parse(r.out[0]!)).toMatchObject({
      decision: 'ALLOW',
      reason: 'allowed',
      statements: [{ index: 0 }],
    });
  });

  it('shows the AWS-blog style policy is bypassable', async () => {
    const r = await run('simulate', [
      '--policy',
      'fixtures/aws-examples/blog-bare-stringequals.json',
      '--principal',
      'arn:aws:sts::444455556666:assumed-role/team-x/s',
      '--query',
      'modelid=anthropic.claude-3-5-sonnet-20240620-v1:0&modelid=meta.llama3-70b',
    ]);
    expect(r.out).toEqual(['ALLOW']);
  });

  it('combines with a service-network policy and resolves paths against the service ARN', async () => {
    const network = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'vpc-lattice-svcs:Invoke',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-bap7demo42x' } },
        },
      ],
    });
    const files = { 'p.json': await compiled(), 'n.json': network };
    const base = [
      '--policy',
      'p.json',
      '--network-policy',
      'n.json',
      '--principal',
      SESSION,
      '--model',
      HAIKU,
      '--json',
    ];
    const outside = await run('simulate', base, files);
    expect(JSON.parse(outside.out[0]!)).toMatchObject({ decision: 'DENY', deniedBy: 'service-network' });
    const inside = await run(
      'simulate',
      [...base, '--org-id', 'o-bap7demo42x', '--path', '/model/invoke'],
      files,
    );
    expect(JSON.parse(inside.out[0]!)).toMatchObject({ decision: 'ALLOW', deniedBy: null });
  });

  it('exits 2 on bad input', async () => {
    const files = { 'p.json': await compiled(), 'bad.json': '{"Statement":[{"Effect":"Maybe"}]}' };
    expect((await run('simulate', ['--policy', 'p.json', '--principal', SESSION], files)).code).toBe(2);
    expect(
      (await run('simulate', ['--policy', 'p.json', '--principal', 'nobody', '--model', HAIKU], files)).code,
    ).toBe(2);
    expect(
      (await run('simulate', ['--policy', 'bad.json', '--principal', SESSION, '--model', HAIKU], files)).code,
    ).toBe(2);
    const noSvc = await run('simulate', [
      '--policy',
      'fixtures/aws-examples/org-only.json',
      '--principal',
      SESSION,
      '--model',
      HAIKU,
    ]);
    expect(noSvc).toMatchObject({ code: 2 });
    expect(noSvc.err[0]).toMatch(/--service-arn/);
  });
});

describe('policy verify, validate, diff', () => {
  it('verify: exit 0 with a summary when the policy matches, 1 with one line per mismatch when not', async () => {
    const ok = await run(
      'verify',
      ['--policy', 'p.json', '--grants', 'g.json', '--models', `${HAIKU},meta.llama3-70b`],
      {
        'p.json': await compiled(),
        'g.json': GRANTS,
      },
    );
    expect(ok.code).toBe(0);
    expect(ok.out.at(-1)).toMatch(/^OK: \d+ checks, 0 mismatch\(es\)$/);
    const blog = await run(
      'verify',
      ['--policy', 'fixtures/aws-examples/blog-bare-stringequals.json', '--grants', 'g.json'],
      {
        'g.json': JSON.stringify({
          grants: [
            {
              principal: 'arn:aws:iam::444455556666:role/team-x',
              models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
            },
          ],
        }),
      },
    );
    expect(blog.code).toBe(1);
    expect(blog.out[0]).toMatch(/^MISMATCH duplicate-model-id: .* expected DENY, got ALLOW \(TeamX\)$/);
  });

  it('validate: strict rejects the bare StringEquals policy, lenient accepts it', async () => {
    const file = 'fixtures/aws-examples/blog-bare-stringequals.json';
    expect((await run('validate', ['--policy', file])).code).toBe(1);
    expect((await run('validate', ['--policy', file, '--lenient'])).code).toBe(0);
  });

  it('diff: prints access changes and the line diff', async () => {
    const before = await compiled();
    const r = await run('diff', ['--before', 'a.json', '--after', 'b.json'], {
      'a.json': before,
      'b.json': '{"Version":"2012-10-17","Statement":[]}',
    });
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`- ${ROLE} ${HAIKU}`);
    expect(r.out).toContain('access: 0 gained, 1 lost, 0 kept');
  });
});

describe('the real CLI', () => {
  it('`portal policy compile` prints exactly one JSON line on stdout', async () => {
    const grantsFile = path.join(ROOT, 'test/fixtures/policy/golden/demo-teams.input.json');
    const { stdout, stderr } = await promisify(execFile)(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        'cli/portal.ts',
        'policy',
        'compile',
        '--grants',
        grantsFile,
        '--service-arn',
        'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890',
        '--org-id',
        'o-bap7demo42x',
      ],
      { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } },
    );
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.slice(0, -1)).not.toContain('\n');
    const golden = readFileSync(
      path.join(ROOT, 'test/fixtures/policy/golden/demo-teams.policy.golden'),
      'utf8',
    );
    expect(stdout).toBe(golden);
    expect(stderr).toMatch(/auth policy: \d+ bytes/);
  }, 60_000);
});
