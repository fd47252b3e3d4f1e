/**
 * Compiles active grants into the service's VPC Lattice auth policy. Grants are the truth; the policy is always
 * recompiled from all of them, never patched.
 *
 * Public API:
 * - compileAuthPolicy(grants, settings): TCompiledPolicy — validates, groups, renders, sizes, compacts if needed,
 *   refuses (AppError POLICY_TOO_LARGE) rather than truncates. `maxBytes: null` switches the limit off and still
 *   reports the size (benchmarks, "what if we granted this?").
 * - planAuthPolicy(grants, settings): TPolicyPlan — validation + grouping only.
 *
 * Output is a pure function of the grant set: byte-identical whatever the input order or duplication, with Sids
 * derived from content (team slug, else a hash of the principal set), never from time or randomness.
 */
import { AppError, type TFieldIssue } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { entityKey, parsePrincipal, parseServiceArn, partitionsCompatible } from './arn';
import { canonicalJson } from './canonical-json';
import {
  COMPACTION_LEVELS,
  renderPolicy,
  type TCompactionLevel,
  type TPolicyPlan,
  type TPolicyPlanGroup,
} from './compact-policy';
import { AUTH_POLICY_MAX_BYTES, AUTH_POLICY_WARN_RATIO, authPolicyBytes } from './limits';
import { isModelKey } from './model-key';
import { ZCompileSettings, type TCompileSettings, type TGrant, type TPolicyDocumentJson } from './types';

export interface TCompiledPolicy {
  document: TPolicyDocumentJson;
  /** Minified, single line: what PutAuthPolicy receives. */
  json: string;
  bytes: number;
  /** The budget applied (AUTH_POLICY_MAX_BYTES unless overridden); with the limit off, still 10240 for reporting. */
  maxBytes: number;
  /** maxBytes - bytes; negative only when the limit is switched off. */
  headroom: number;
  /** bytes / maxBytes */
  ratio: number;
  fits: boolean;
  /** Set at >= 80% of the budget (or over it, with the limit off). */
  warning: string | null;
  compactionLevel: TCompactionLevel;
  /** Size at level 0, to show what compaction saved. */
  standardBytes: number;
  statementCount: number;
  plan: TPolicyPlan;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** 32-bit FNV-1a: tiny, dependency-free (this module also runs in the browser), stable across runtimes. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function pascal(slug: string): string {
  return slug
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 60);
}

function assignSids(
  groups: Omit<TPolicyPlanGroup, 'sid'>[],
  teamsOf: Map<string, Set<string>>,
): TPolicyPlanGroup[] {
  const teamGroupCount = new Map<string, number>();
  const groupTeams = groups.map((g) => {
    const teams = new Set<string>();
    for (const p of g.principals) for (const t of teamsOf.get(p) ?? []) teams.add(t);
    return teams;
  });
  for (const teams of groupTeams)
    for (const t of teams) teamGroupCount.set(t, (teamGroupCount.get(t) ?? 0) + 1);
  // Sids name the team when every principal of the statement belongs to one team, else a hash of the principals
  // (principal sets are disjoint across groups, and stay put when only a group's models change).
  const proposed = groups.map((g, i) => {
    const teams = [...groupTeams[i]!];
    const hash = fnv1a(g.principals.join(','));
    const team = teams.length === 1 ? pascal(teams[0]!) : '';
    if (!team) return `G${hash}`;
    const name = team.startsWith('Team') ? team : `Team${team}`;
    // A team with several model sets (e.g. dev and prod roles differ) gets a short content hash per statement.
    return teamGroupCount.get(teams[0]!) === 1 ? name : `${name}${hash.slice(0, 4)}`;
  });
  const seen = new Map<string, number>();
  for (const sid of proposed) seen.set(sid, (seen.get(sid) ?? 0) + 1);
  return groups.map((g, i) => {
    const sid = proposed[i]!;
    // Collisions (two teams slugging alike, or a hash clash) fall back to a position suffix: still deterministic.
    return { ...g, sid: seen.get(sid)! > 1 ? `${sid}N${i}` : sid };
  });
}

export function planAuthPolicy(grants: TGrant[], settings: TCompileSettings): TPolicyPlan {
  const s = parseOrThrow(ZCompileSettings, settings, 'compile settings');
  const issues: TFieldIssue[] = [];
  const service = parseServiceArn(s.serviceArn);
  if (!service) {
    issues.push({ path: 'serviceArn', message: `"${s.serviceArn}" is not a VPC Lattice service ARN` });
  }
  const modelsOf = new Map<string, Set<string>>();
  const teamsOf = new Map<string, Set<string>>();
  const spellingOf = new Map<string, string>();
  grants.forEach((grant, i) => {
    const identity = parsePrincipal(grant.principal);
    let principal: string | null = null;
    if (!identity || identity.kind === 'assumed-role') {
      issues.push({
        path: `grants[${i}].principal`,
        message: `"${grant.principal}" is not an IAM role/user ARN or a 12-digit account id`,
      });
    } else if (service && !partitionsCompatible(identity.partition, service.partition)) {
      issues.push({
        path: `grants[${i}].principal`,
        message: `"${grant.principal}" is in partition ${identity.partition}, the service is in ${service.partition}`,
      });
    } else {
      // Role names are unique per account whatever the path; two spellings of one role cannot both be valid.
      principal = identity.kind === 'account' ? identity.accountId : identity.arn;
      const key = entityKey(identity);
      const earlier = spellingOf.get(key);
      if (earlier !== undefined && earlier !== principal) {
        issues.push({
          path: `grants[${i}].principal`,
          message: `"${grant.principal}" names the same ${identity.kind} as "${earlier}" with a different path`,
        });
        principal = null;
      } else spellingOf.set(key, principal);
    }
    grant.models.forEach((model, j) => {
      if (!isModelKey(model)) {
        issues.push({
          path: `grants[${i}].models[${j}]`,
          message: `"${model}" is not a valid model key ([A-Za-z0-9._:/-], 1-256 characters, no wildcards)`,
        });
      }
    });
    if (principal === null) return;
    const models = modelsOf.get(principal) ?? new Set<string>();
    for (const m of grant.models) if (isModelKey(m)) models.add(m);
    modelsOf.set(principal, models);
    if (grant.team) teamsOf.set(principal, (teamsOf.get(principal) ?? new Set()).add(grant.team));
  });
  if (issues.length > 0) {
    const shown = issues
      .slice(0, 5)
      .map((x) => x.message)
      .join('; ');
    throw new AppError(
      'VALIDATION',
      `Invalid grants: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
      {
        issues,
      },
    );
  }
  // Principals with identical model sets share one statement; principals with none get none.
  const byModelSet = new Map<string, { principals: string[]; models: string[] }>();
  for (const [principal, set] of modelsOf) {
    if (set.size === 0) continue;
    const models = [...set].sort(cmp);
    const key = models.join('\n');
    const group = byModelSet.get(key) ?? { principals: [], models };
    group.principals.push(principal);
    byModelSet.set(key, group);
  }
  const groups = [...byModelSet.values()]
    .map((g) => ({ principals: g.principals.sort(cmp), models: g.models }))
    .sort((a, b) => cmp(a.principals[0]!, b.principals[0]!));
  return {
    serviceArn: s.serviceArn,
    orgId: s.orgId ?? null,
    queryKey: s.queryKey,
    groups: assignSids(groups, teamsOf),
  };
}

function measure(plan: TPolicyPlan, level: TCompactionLevel) {
  const document = renderPolicy(plan, level);
  const json = canonicalJson(document);
  return { document, json, bytes: authPolicyBytes(json), level };
}

function refuse(plan: TPolicyPlan, level: TCompactionLevel, bytes: number, maxBytes: number): never {
  // Largest prefix of groups (in the policy's deterministic order) that fits, to name what does not.
  let lo = 0;
  let hi = plan.groups.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure({ ...plan, groups: plan.groups.slice(0, mid) }, level).bytes <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  const left = plan.groups.slice(lo);
  const issues = left.flatMap((g) =>
    g.principals.map((p) => ({ path: 'grants', message: `${p} → ${g.models.join(', ')} does not fit` })),
  );
  throw new AppError(
    'POLICY_TOO_LARGE',
    `The auth policy would be ${bytes} bytes even after compaction, over the ${maxBytes}-byte limit; ` +
      `${issues.length} principal grant(s) in ${left.length} statement(s) do not fit. Nothing was truncated.`,
    { issues, details: { bytes, maxBytes, fittingStatements: lo, totalStatements: plan.groups.length } },
  );
}

export function compileAuthPolicy(grants: TGrant[], settings: TCompileSettings): TCompiledPolicy {
  const plan = planAuthPolicy(grants, settings);
  const limit = settings.maxBytes === undefined ? AUTH_POLICY_MAX_BYTES : settings.maxBytes;
  const budget = limit ?? AUTH_POLICY_MAX_BYTES;
  const compaction = settings.compaction ?? 'auto';
  const standard = measure(plan, 0);
  let chosen = standard;
  if (compaction !== 'auto') {
    chosen = measure(plan, compaction as TCompactionLevel);
  } else if (standard.bytes > budget) {
    // Take the least-compacted level that fits; if none does, the smallest one (for the size report / refusal).
    for (const level of COMPACTION_LEVELS.slice(1)) {
      const candidate = measure(plan, level);
      if (candidate.bytes < chosen.bytes) chosen = candidate;
      if (candidate.bytes <= budget) break;
    }
  }
  if (limit !== null && chosen.bytes > limit) refuse(plan, chosen.level, chosen.bytes, limit);
  const ratio = chosen.bytes / budget;
  const pct = Math.round(ratio * 100);
  return {
    document: chosen.document,
    json: chosen.json,
    bytes: chosen.bytes,
    maxBytes: budget,
    headroom: budget - chosen.bytes,
    ratio,
    fits: chosen.bytes <= budget,
    warning:
      ratio >= AUTH_POLICY_WARN_RATIO
        ? `Auth policy uses ${pct}% of the ${budget}-byte limit (${chosen.bytes} bytes, ${budget - chosen.bytes} left)`
        : null,
    compactionLevel: chosen.level,
    standardBytes: standard.bytes,
    statementCount: Array.isArray(chosen.document.Statement) ? chosen.document.Statement.length : 1,
    plan,
  };
}
