import { randomHex, randomUuid, seededRandom, skewed, type TRandom } from '../dataplane/random';

/**
 * A seeded plan of Bedrock calls through the Lattice service: who calls (a team's role, from its VPC), which model,
 * when and how big. Volume follows a working week: weekdays busier than weekends, a morning and an afternoon peak
 * (UTC), a small night-time baseline. The same seed and range always give the same calls, so a backfill is
 * repeatable. Each team mostly calls the models it uses; a small share of calls try another model (the auth policy
 * decides what happens to them).
 */
export interface TTrafficPrincipal {
  roleArn: string;
  /** The VPC the role's workload runs in. */
  vpcId: string;
}

export interface TTrafficTeam {
  slug: string;
  principals: TTrafficPrincipal[];
  /** Models the team calls, with relative weights. */
  models: { modelId: string; weight: number }[];
  /** Relative share of the total volume (default 1). */
  weight?: number;
}

export interface TTrafficProfile {
  teams: TTrafficTeam[];
  /** Models a team sometimes tries without using them regularly. */
  otherModels?: string[];
  /** Average calls per weekday over all teams (default 400). */
  requestsPerWeekday?: number;
  /** Share of calls that try a model outside the team's list (default 0.04). */
  strayRate?: number;
  /** 'working-week' (default): weekday peaks, quiet nights and weekends. 'flat': the same rate every hour. */
  shape?: 'working-week' | 'flat';
}

export interface TPlannedCall {
  requestId: string;
  startTime: number;
  team: string;
  roleArn: string;
  /** arn:aws:sts::<acct>:assumed-role/<role>/<session> */
  callerArn: string;
  accountId: string;
  vpcId: string;
  modelId: string;
  /** Request body size in bytes. */
  bytes: number;
  /** `/model/invoke?modelid=…` (the policy's key) or, for a few callers, the Converse path with the id in it too. */
  path: string;
  rawQuery: string;
  userAgent: string;
}

const HOUR_MS = 3_600_000;
/** Relative volume per UTC hour: night baseline, peaks at 10:00 and 15:00. */
const HOUR_WEIGHTS = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.8, 1.3, 1.8, 2.0, 1.9, 1.4, 1.6, 1.9, 2.0, 1.7, 1.2, 0.8, 0.5, 0.4,
  0.3, 0.25, 0.2,
];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const USER_AGENTS = ['aws-sdk-js/3.1142.0', 'Boto3/1.35.0 md/Botocore#1.35.0', 'aws-sdk-java/2.29.0'];

function poisson(random: TRandom, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * skewedNormal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

function skewedNormal(random: TRandom): number {
  const u = Math.max(1e-9, random());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pickWeighted<T>(random: TRandom, items: T[], weight: (t: T) => number): T {
  const total = items.reduce((n, t) => n + weight(t), 0);
  let x = random() * total;
  for (const item of items) {
    x -= weight(item);
    if (x <= 0) return item;
  }
  return items[items.length - 1]!;
}

/** Calls expected in the hour starting at `hourStart`, before sampling. */
export function expectedCallsInHour(profile: TTrafficProfile, hourStart: number): number {
  if (profile.shape === 'flat') return (profile.requestsPerWeekday ?? 400) / 24;
  const d = new Date(hourStart);
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const perDay = (profile.requestsPerWeekday ?? 400) * (weekend ? 0.25 : 1);
  return (perDay * HOUR_WEIGHTS[d.getUTCHours()]!) / HOUR_TOTAL;
}

function roleParts(roleArn: string): { accountId: string; name: string } {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  if (!m) throw new Error(`not a role ARN: ${roleArn}`);
  return { accountId: m[1]!, name: m[2]! };
}

/**
 * Calls in [from, to), in time order. Sampling works hour by hour from a PRNG seeded with (seed, hour), so any
 * sub-range of a plan is the same calls as in the whole plan.
 */
export function planTraffic(
  profile: TTrafficProfile,
  seed: number,
  from: number,
  to: number,
): TPlannedCall[] {
  const teams = profile.teams.filter((t) => t.principals.length > 0 && t.models.length > 0);
  if (teams.length === 0 || to <= from) return [];
  const calls: TPlannedCall[] = [];
  const strayRate = profile.strayRate ?? 0.04;
  for (let hour = Math.floor(from / HOUR_MS) * HOUR_MS; hour < to; hour += HOUR_MS) {
    const random = seededRandom(Math.imul(seed ^ Math.floor(hour / HOUR_MS), 2_654_435_761));
    const n = poisson(random, expectedCallsInHour(profile, hour));
    // Session names rotate daily, as a workload's credentials would.
    const day = Math.floor(hour / 86_400_000);
    const hourCalls: TPlannedCall[] = [];
    for (let i = 0; i < n; i += 1) {
      const startTime = hour + Math.floor(random() * HOUR_MS);
      const team = pickWeighted(random, teams, (t) => t.weight ?? 1);
      const principal = team.principals[Math.floor(random() * team.principals.length)]!;
      const stray = profile.otherModels && profile.otherModels.length > 0 && random() < strayRate;
      const modelId = stray
        ? profile.otherModels![Math.floor(random() * profile.otherModels!.length)]!
        : pickWeighted(random, team.models, (m) => m.weight).modelId;
      const { accountId, name } = roleParts(principal.roleArn);
      const session = randomHex(
        seededRandom((seed ^ day) + principal.roleArn.length * 7919 + name.charCodeAt(0)),
        32,
      );
      const converse = random() < 0.3;
      hourCalls.push({
        requestId: randomUuid(random),
        startTime,
        team: team.slug,
        roleArn: principal.roleArn,
        callerArn: `arn:aws:sts::${accountId}:assumed-role/${name}/${session}`,
        accountId,
        vpcId: principal.vpcId,
        modelId,
        bytes: Math.max(200, Math.round(skewed(random, 2500, 0.8))),
        path: converse ? `/model/${encodeURIComponent(modelId)}/converse` : '/model/invoke',
        rawQuery: `modelid=${encodeURIComponent(modelId)}`,
        userAgent: USER_AGENTS[Math.floor(random() * USER_AGENTS.length)]!,
      });
    }
    hourCalls.sort((a, b) => a.startTime - b.startTime);
    for (const c of hourCalls) if (c.startTime >= from && c.startTime < to) calls.push(c);
  }
  return calls;
}
