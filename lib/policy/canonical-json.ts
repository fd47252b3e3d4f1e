/**
 * Canonical JSON for policies: IAM's conventional key order first (Version, Id, Statement, Sid, Effect, Principal,
 * ..., Condition), every other key in code-point order; array order kept (statement order is meaningful to
 * people, and value order inside a condition is fixed by the compiler). Used to make compiled output
 * byte-stable and to pretty-print two policies for a line diff.
 *
 * Public API: canonicalize(value), canonicalJson(value, { pretty })
 */
const IAM_KEY_ORDER = [
  'Version',
  'Id',
  'Statement',
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const RANK = new Map(IAM_KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a);
  const rb = RANK.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      out[key] = canonicalize((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

export function canonicalJson(value: unknown, options: { pretty?: boolean } = {}): string {
  return JSON.stringify(canonicalize(value), null, options.pretty ? 2 : undefined);
}
