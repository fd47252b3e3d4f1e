/**
 * Auth-policy engine benchmark: `npm run bench:policy`.
 *  1. compile 500 teams × 30-model catalog (2 principals per team, random model subsets, seeded) with the 10 KB
 *     limit switched off, and report the size it would have;
 *  2. exhaustively verify that policy (every principal × model, both ways, plus adversarial probes);
 *  3. search the largest realistic grant set that fits in 10 KB, standard form vs compacted.
 * Deterministic (seeded PRNG); finishes in well under a minute on 2 cores.
 */
import { performance } from 'node:perf_hooks';
import { isAppError } from '@/lib/errors/app-error';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { evaluateRequest, preparePolicy } from '@/lib/policy/evaluate-request';
import { AUTH_POLICY_MAX_BYTES } from '@/lib/policy/limits';
import { parsePolicyOrThrow } from '@/lib/policy/parse-policy';
import type { TGrant } from '@/lib/policy/types';
import { verifyPolicy } from '@/lib/policy/verify-policy';

const SERVICE_ARN = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const ORG_ID = 'o-bap7demo42x';
const CATALOG = [
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-sonnet-20240229-v1:0',
  'anthropic.claude-3-opus-20240229-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-5-sonnet-20241022-v2:0',
  'anthropic.claude-3-5-haiku-20241022-v1:0',
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'anthropic.claude-sonnet-4-20250514-v1:0',
  'anthropic.claude-opus-4-20250514-v1:0',
  'amazon.titan-text-express-v1',
  'amazon.titan-text-lite-v1',
  'amazon.titan-embed-text-v2:0',
  'amazon.nova-micro-v1:0',
  'amazon.nova-lite-v1:0',
  'amazon.nova-pro-v1:0',
  'amazon.nova-premier-v1:0',
  'meta.llama3-8b-instruct-v1:0',
  'meta.llama3-70b-instruct-v1:0',
  'meta.llama3-1-8b-instruct-v1:0',
  'meta.llama3-1-70b-instruct-v1:0',
  'meta.llama3-2-11b-instruct-v1:0',
  'meta.llama3-3-70b-instruct-v1:0',
  'mistral.mistral-7b-instruct-v0:2',
  'mistral.mixtral-8x7b-instruct-v0:1',
  'mistral.mistral-large-2402-v1:0',
  'cohere.command-r-v1:0',
  'cohere.command-r-plus-v1:0',
  'cohere.embed-english-v3',
  'cohere.embed-multilingual-v3',
  'ai21.jamba-1-5-large-v1:0',
];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: T[], k: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}

/** A realistic team: its own 12-digit account, a dev role and a prod role under an IAM path, sharing one model set. */
function teams(count: number, modelsPerTeam: (rand: () => number) => number, seed: number): TGrant[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, t) => {
    const account = String(200_000_000_000 + t * 104_729);
    const models = pick(rand, CATALOG, modelsPerTeam(rand));
    const team = `team-${String(t).padStart(3, '0')}`;
    return [
      { principal: `arn:aws:iam::${account}:role/${team}-dev-invoker`, models, team },
      { principal: `arn:aws:iam::${account}:role/genai/${team}-prod-invoker`, models, team },
    ];
  }).flat();
}

function time<T>(fn: () => T, runs = 1): { value: T; ms: number } {
  let value = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    value = fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { value, ms: samples[Math.floor(samples.length / 2)]! };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const kb = (bytes: number) =>
  `${fmt(bytes)} B (${((bytes / AUTH_POLICY_MAX_BYTES) * 100).toFixed(0)}% of 10 KB)`;

function fits(grants: TGrant[], compacted: boolean): boolean {
  if (!compacted)
    return compileAuthPolicy(grants, {
      serviceArn: SERVICE_ARN,
      orgId: ORG_ID,
      compaction: 0,
      maxBytes: null,
    }).fits;
  try {
    compileAuthPolicy(grants, { serviceArn: SERVICE_ARN, orgId: ORG_ID });
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'POLICY_TOO_LARGE') return false;
    throw error;
  }
}

/** Largest team count whose grants fit (fitting is monotonic in the team count for a fixed seed). */
function largestFit(make: (n: number) => TGrant[], compacted: boolean): number {
  let lo = 0;
  let hi = 1;
  while (fits(make(hi), compacted)) hi *= 2;
  while (lo < hi - 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(make(mid), compacted)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function main() {
  const started = performance.now();
  console.log(`Auth-policy benchmark (node ${process.version})\n`);

  // 1. 500 teams × 30 models, limit off.
  const big = teams(500, (r) => 1 + Math.floor(r() * 10), 42);
  const principals = new Set(big.map((g) => g.principal)).size;
  const standard = time(
    () => compileAuthPolicy(big, { serviceArn: SERVICE_ARN, orgId: ORG_ID, maxBytes: null, compaction: 0 }),
    5,
  );
  const compact = time(
    () => compileAuthPolicy(big, { serviceArn: SERVICE_ARN, orgId: ORG_ID, maxBytes: null }),
    5,
  );
  console.log(
    '1. compile 500 teams × 30-model catalog (2 roles/team, 1–10 random models/team, seed 42, limit off)',
  );
  console.log(
    `   grants: ${fmt(principals)} principals, ${fmt(big.reduce((n, g) => n + g.models.length, 0))} principal×model pairs`,
  );
  console.log(
    `   standard form: ${kb(standard.value.bytes)}, ${fmt(standard.value.statementCount)} statements, compile ${standard.ms.toFixed(1)} ms`,
  );
  console.log(
    `   compacted (level ${compact.value.compactionLevel}): ${kb(compact.value.bytes)}, ${fmt(compact.value.statementCount)} statements, ` +
      `compile ${compact.ms.toFixed(1)} ms — ${(compact.value.bytes / AUTH_POLICY_MAX_BYTES).toFixed(1)}× the limit, would be refused`,
  );

  // 2. Exhaustive verification of the standard policy.
  const parsed = time(() => preparePolicy(parsePolicyOrThrow(standard.value.json)));
  const verified = time(() => verifyPolicy(parsed.value, big, { models: CATALOG }));
  console.log(
    '\n2. exhaustive verify (every principal × 30 models, sessions, duplicates, missing id, strangers, ...)',
  );
  console.log(
    `   parse+prepare ${parsed.ms.toFixed(1)} ms; verify ${fmt(verified.value.checks)} evaluations in ${verified.ms.toFixed(0)} ms ` +
      `(${fmt(Math.round(verified.value.checks / (verified.ms / 1000)))} evaluations/s), mismatches: ${verified.value.mismatches.length}`,
  );
  const one = time(
    () =>
      evaluateRequest(parsed.value, {
        principal: 'arn:aws:sts::200000104729:assumed-role/team-001-prod-invoker/app',
        principalOrgId: ORG_ID,
        serviceArn: SERVICE_ARN,
        path: '/model/invoke',
        query: { modelid: [CATALOG[0]!] },
      }),
    2001,
  );
  console.log(
    `   one evaluation against the 500-statement policy: ${(one.ms * 1000).toFixed(1)} µs (median of 2001)`,
  );

  // 3. The largest realistic grant set that fits in 10 KB.
  console.log(
    '\n3. largest grant set that fits in 10 KB (2 roles/team, distinct random k-model sets, org guard on)',
  );
  console.log('   k models/team | teams (standard form) | teams (compacted) | principals (compacted)');
  const rows: [number, number, number][] = [];
  for (const k of [1, 2, 3, 5, 8, 10, 15, 30]) {
    const make = (n: number) => teams(n, () => k, 7 + k);
    const plain = largestFit(make, false);
    const packed = largestFit(make, true);
    rows.push([k, plain, packed]);
    console.log(
      `   ${String(k).padStart(13)} | ${String(plain).padStart(21)} | ${String(packed).padStart(17)} | ${String(packed * 2).padStart(22)}`,
    );
  }
  const shared = (n: number) => teams(n, () => 3, 99).map((g) => ({ ...g, models: CATALOG.slice(0, 3) }));
  const sharedPlain = largestFit(shared, false);
  const sharedPacked = largestFit(shared, true);
  console.log(
    `   best case, every team on the same 3 models (one statement): ${sharedPlain} teams standard, ${sharedPacked} compacted ` +
      `(${sharedPacked * 2} principals)`,
  );
  const bundles = [3, 5, 8, 4].map((k, i) => pick(mulberry32(500 + i), CATALOG, k));
  const tiered = (n: number) =>
    teams(n, () => 1, 123).map((g, i) => ({ ...g, models: bundles[Math.floor(i / 2) % 4]! }));
  const tieredPlain = largestFit(tiered, false);
  const tieredPacked = largestFit(tiered, true);
  console.log(
    `   teams choosing one of 4 model bundles (3–8 models): ${tieredPlain} teams standard, ${tieredPacked} compacted ` +
      `(${tieredPacked * 2} principals)`,
  );
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
