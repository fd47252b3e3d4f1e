import { invalidParameter } from './errors';

/**
 * The subset of CloudWatch Logs filter-pattern syntax the sandbox understands:
 * - terms: `ERROR timeout` (every term), `"exact phrase"`, `?a ?b` (any), `-term` (none of);
 * - JSON: `{ $.field = "value" }`, `{ $.a.b != 5 }`, `{ $.x = "pre*" }`, joined by `&&` or `||`.
 * Matching is case-sensitive, as in CloudWatch Logs. Anything else is refused as an invalid pattern.
 */
export type TMatcher = (message: string) => boolean;

function tokenize(pattern: string): string[] {
  const out: string[] = [];
  const re = /(-|\?)?"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    out.push(m[3] ?? `${m[1] ?? ''}\u0000${m[2]!.replace(/\\"/g, '"')}`);
  }
  return out;
}

function termMatcher(pattern: string): TMatcher {
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const token of tokenize(pattern)) {
    const quoted = token.includes('\u0000');
    const [sign, text] = quoted ? [token.split('\u0000')[0], token.split('\u0000')[1]!] : [token[0], token];
    if (sign === '?') any.push(quoted ? text : text.slice(1));
    else if (sign === '-' && (quoted || text.length > 1)) none.push(quoted ? text : text.slice(1));
    else all.push(text);
  }
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    !none.some((t) => message.includes(t));
}

function readPath(value: unknown, path: string[]): unknown {
  let v = value;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function jsonClause(clause: string): (doc: unknown) => boolean {
  const m =
    /^\s*\$\.([A-Za-z0-9_.]+)\s*(=|!=)\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?)|([^\s"]+))\s*$/.exec(
      clause,
    );
  if (!m) throw invalidParameter(`Invalid filter pattern: ${clause.trim()}`);
  const path = m[1]!.split('.');
  const negate = m[2] === '!=';
  const text = m[3] ?? m[5];
  const number = m[4] === undefined ? undefined : Number(m[4]);
  const glob = text?.includes('*')
    ? new RegExp(
        `^${text
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      )
    : null;
  return (doc) => {
    const v = readPath(doc, path);
    let equal: boolean;
    if (number !== undefined) equal = typeof v === 'number' ? v === number : String(v) === m[4];
    else if (glob) equal = v !== undefined && glob.test(String(v));
    else equal = v !== undefined && v !== null && String(v) === text;
    return negate ? v !== undefined && !equal : equal;
  };
}

export function compileFilterPattern(pattern: string | undefined): TMatcher {
  const p = (pattern ?? '').trim();
  if (p === '') return () => true;
  if (p.startsWith('{')) {
    if (!p.endsWith('}')) throw invalidParameter('Invalid filter pattern: unbalanced braces');
    const body = p.slice(1, -1);
    const or = body.split('||').map((part) => part.split('&&').map(jsonClause));
    return (message) => {
      let doc: unknown;
      try {
        doc = JSON.parse(message);
      } catch {
        return false;
      }
      return or.some((and) => and.every((c) => c(doc)));
    };
  }
  return termMatcher(p);
}
