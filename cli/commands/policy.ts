/**
 * `npm run portal -- policy <verb>`: the auth-policy engine on the command line. These commands never open the
 * database or call AWS; they read files and print.
 *
 *   policy compile  --grants FILE --service-arn ARN [--org-id ID] [--query-key KEY]
 *       stdout: the policy as one line of JSON, nothing else; stderr: size, headroom, compaction, warning.
 *   policy simulate --policy FILE --principal ARN|anonymous (--model KEY | --query 'k=a&k=b') [--path /p]
 *                   [--service-arn ARN] [--network-policy FILE] [--org-id ID] [--method M] [--query-key KEY] [--json]
 *       stdout: ALLOW or DENY (or JSON). Exit 0 either way.
 *   policy verify   --policy FILE --grants FILE [--models K1,K2] [--service-arn ARN] [--org-id ID] [--query-key KEY]
 *       stdout: one line per mismatch and a summary. Exit 1 if any mismatch.
 *   policy validate --policy FILE [--lenient]      strict by default: what the portal would accept to apply.
 *   policy diff     --before FILE --after FILE [--models K1,K2] [--principals A1,A2]
 *
 * Exit codes: 0 success, 1 the command ran and found a problem, 2 bad input (including a policy over 10 KB).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { COMPACTION_DESCRIPTIONS } from '@/lib/policy/compact-policy';
import { diffPolicies } from '@/lib/policy/diff-policies';
import { evaluateCombined, evaluateRequest, serviceArnOfPolicy } from '@/lib/policy/evaluate-request';
import { parsePolicy, parsePolicyOrThrow } from '@/lib/policy/parse-policy';
import {
  DEFAULT_QUERY_KEY,
  ZGrant,
  ZGrantsFile,
  type TGrant,
  type TRequestContext,
} from '@/lib/policy/types';
import { verifyPolicy } from '@/lib/policy/verify-policy';
import { z } from 'zod';
import type { TCliCommand, TCliIo } from '../types';

type TOptions = NonNullable<ParseArgsConfig['options']>;

function args(argv: string[], options: TOptions) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new AppError('BAD_REQUEST', error instanceof Error ? error.message : String(error));
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new AppError('BAD_REQUEST', `--${name} is required`);
  return value;
}

const optional = (values: Record<string, string | boolean | undefined>, name: string) =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

async function readJson(io: TCliIo, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    throw new AppError(
      'BAD_REQUEST',
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError(
      'BAD_REQUEST',
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function readGrants(io: TCliIo, file: string): Promise<TGrant[]> {
  const raw = await readJson(io, file);
  // {"grants": [...]} as documented; a bare array is accepted too.
  return Array.isArray(raw)
    ? parseOrThrow(z.array(ZGrant), raw, file)
    : parseOrThrow(ZGrantsFile, raw, file).grants;
}

async function readPolicy(io: TCliIo, file: string) {
  return parsePolicyOrThrow(await readJson(io, file), { what: `policy in ${file}` });
}

/** Runs a command body, turning errors into a message on stderr and an exit code, so tests see codes, not throws. */
async function guarded(io: TCliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.stderr(`error: ${error.message}`);
    for (const issue of error.issues.slice(0, 50)) io.stderr(`  - ${issue.path}: ${issue.message}`);
    if (error.issues.length > 50) io.stderr(`  … and ${error.issues.length - 50} more`);
    return error.expected ? 2 : 1;
  }
}

function parseQuery(query: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query.startsWith('?') ? query.slice(1) : query))
    (out[k] ??= []).push(v);
  return out;
}

const compile: TCliCommand = {
  name: 'policy compile',
  summary: 'Compile grants into the service auth policy (one JSON line on stdout)',
  usage: 'policy compile --grants FILE --service-arn ARN [--org-id ID] [--query-key KEY]',
  run: (argv, io) =>
    guarded(io, async () => {
      const v = args(argv, {
        grants: { type: 'string' },
        'service-arn': { type: 'string' },
        'org-id': { type: 'string' },
        'query-key': { type: 'string' },
      });
      const grants = await readGrants(io, required(v, 'grants'));
      const result = compileAuthPolicy(grants, {
        serviceArn: required(v, 'service-arn'),
        orgId: optional(v, 'org-id'),
        queryKey: optional(v, 'query-key') ?? DEFAULT_QUERY_KEY,
      });
      io.stdout(result.json);
      const pct = (result.ratio * 100).toFixed(1);
      io.stderr(
        `auth policy: ${result.bytes} bytes (${pct}% of ${result.maxBytes}), headroom ${result.headroom} bytes, ` +
          `${result.statementCount} statement(s), compaction level ${result.compactionLevel} ` +
          `(${COMPACTION_DESCRIPTIONS[result.compactionLevel]}; standard form ${result.standardBytes} bytes)`,
      );
      if (result.warning) io.stderr(`warning: ${result.warning}`);
      return 0;
    }),
};

const simulate: TCliCommand = {
  name: 'policy simulate',
  summary: 'Evaluate one request against an auth policy: prints ALLOW or DENY',
  usage:
    'policy simulate --policy FILE --principal ARN|anonymous (--model KEY | --query Q) [--path /p] [--service-arn ARN] [--network-policy FILE] [--org-id ID] [--method M] [--json]',
  run: (argv, io) =>
    guarded(io, async () => {
      const v = args(argv, {
        policy: { type: 'string' },
        principal: { type: 'string' },
        model: { type: 'string' },
        query: { type: 'string' },
        path: { type: 'string' },
        'service-arn': { type: 'string' },
        'network-policy': { type: 'string' },
        'org-id': { type: 'string' },
        method: { type: 'string' },
        'query-key': { type: 'string' },
        json: { type: 'boolean' },
      });
      const policy = await readPolicy(io, required(v, 'policy'));
      const network = optional(v, 'network-policy');
      const networkPolicy = network === undefined ? null : await readPolicy(io, network);
      const principalArg = required(v, 'principal');
      const query = optional(v, 'query');
      const model = optional(v, 'model');
      if (query === undefined && model === undefined)
        throw new AppError('BAD_REQUEST', '--model or --query is required');
      const serviceArn = optional(v, 'service-arn') ?? serviceArnOfPolicy(policy);
      if (!serviceArn) {
        throw new AppError('BAD_REQUEST', 'the policy names no VPC Lattice service ARN; pass --service-arn');
      }
      const path = optional(v, 'path') ?? '/';
      if (!path.startsWith('/')) throw new AppError('BAD_REQUEST', '--path must start with /');
      const request: TRequestContext = {
        principal: principalArg.toLowerCase() === 'anonymous' ? null : principalArg,
        principalOrgId: optional(v, 'org-id'),
        serviceArn,
        path,
        method: optional(v, 'method') ?? 'GET',
        query:
          query !== undefined
            ? parseQuery(query)
            : { [optional(v, 'query-key') ?? DEFAULT_QUERY_KEY]: [model!] },
      };
      const result = networkPolicy
        ? evaluateCombined({ servicePolicy: policy, networkPolicy }, request)
        : evaluateRequest(policy, request);
      io.stdout(v.json ? JSON.stringify(result) : result.decision);
      return 0;
    }),
};

const verify: TCliCommand = {
  name: 'policy verify',
  summary: 'Check a policy against grants (and a model catalog) by evaluation, adversarial requests included',
  usage:
    'policy verify --policy FILE --grants FILE [--models K1,K2] [--service-arn ARN] [--org-id ID] [--query-key KEY]',
  run: (argv, io) =>
    guarded(io, async () => {
      const v = args(argv, {
        policy: { type: 'string' },
        grants: { type: 'string' },
        models: { type: 'string' },
        'service-arn': { type: 'string' },
        'org-id': { type: 'string' },
        'query-key': { type: 'string' },
      });
      const policy = await readPolicy(io, required(v, 'policy'));
      const grants = await readGrants(io, required(v, 'grants'));
      const report = verifyPolicy(policy, grants, {
        models: list(optional(v, 'models')),
        serviceArn: optional(v, 'service-arn'),
        orgId: optional(v, 'org-id'),
        queryKey: optional(v, 'query-key'),
      });
      for (const m of report.mismatches) {
        const by = m.statements.map((s) => s.sid ?? `#${s.index}`).join(',') || 'no statement';
        io.stdout(
          `MISMATCH ${m.check}: ${m.principal ?? 'anonymous'} ?${m.query} expected ${m.expected}, got ${m.actual} (${by})`,
        );
      }
      io.stdout(
        `${report.ok ? 'OK' : 'FAILED'}: ${report.checks} checks, ${report.mismatches.length} mismatch(es)`,
      );
      return report.ok ? 0 : 1;
    }),
};

const validate: TCliCommand = {
  name: 'policy validate',
  summary:
    'Validate auth-policy JSON (strict: what the portal would apply; --lenient: what IAM can evaluate)',
  usage: 'policy validate --policy FILE [--lenient]',
  run: (argv, io) =>
    guarded(io, async () => {
      const v = args(argv, { policy: { type: 'string' }, lenient: { type: 'boolean' } });
      const result = parsePolicy(await readJson(io, required(v, 'policy')), {
        mode: v.lenient ? 'lenient' : 'strict',
      });
      for (const w of result.warnings) io.stdout(`warning ${w.path}: ${w.message}`);
      if (!result.ok) {
        for (const e of result.errors) io.stdout(`error ${e.path}: ${e.message}`);
        return 1;
      }
      io.stdout(`valid: ${result.policy.statements.length} statement(s)`);
      return 0;
    }),
};

const diff: TCliCommand = {
  name: 'policy diff',
  summary: 'Compare two policies: effective access gained/lost and a line diff',
  usage: 'policy diff --before FILE --after FILE [--models K1,K2] [--principals A1,A2] [--service-arn ARN]',
  run: (argv, io) =>
    guarded(io, async () => {
      const v = args(argv, {
        before: { type: 'string' },
        after: { type: 'string' },
        models: { type: 'string' },
        principals: { type: 'string' },
        'service-arn': { type: 'string' },
      });
      const beforeRaw = await readJson(io, required(v, 'before'));
      const afterRaw = await readJson(io, required(v, 'after'));
      const before = parsePolicyOrThrow(beforeRaw, { what: 'before policy' });
      const after = parsePolicyOrThrow(afterRaw, { what: 'after policy' });
      const result = diffPolicies(beforeRaw, afterRaw, {
        models: list(optional(v, 'models')),
        principals: list(optional(v, 'principals')),
        serviceArn:
          optional(v, 'service-arn') ?? serviceArnOfPolicy(after) ?? serviceArnOfPolicy(before) ?? undefined,
      });
      for (const g of result.gained) io.stdout(`+ ${g.principal} ${g.model}`);
      for (const l of result.lost) io.stdout(`- ${l.principal} ${l.model}`);
      io.stdout(`access: ${result.gained.length} gained, ${result.lost.length} lost, ${result.kept} kept`);
      if (result.textChanged) for (const line of result.lines) io.stdout(`${line.op} ${line.text}`);
      return 0;
    }),
};

export const policyCommands: TCliCommand[] = [compile, simulate, verify, validate, diff];
