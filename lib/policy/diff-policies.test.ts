import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { compileAuthPolicy } from './compile-auth-policy';
import { diffLines, diffPolicies } from './diff-policies';

const SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const A = 'arn:aws:iam::444455556666:role/team-a';
const B = 'arn:aws:iam::444455556666:role/team-b';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const TITAN = 'amazon.titan-text-express-v1';

describe('diffPolicies', () => {
  it('reports who gains and loses which model, and a line diff of the canonical documents', () => {
    const before = compileAuthPolicy([{ principal: A, models: [HAIKU, TITAN] }], { serviceArn: SVC }).json;
    const after = compileAuthPolicy(
      [
        { principal: A, models: [HAIKU] },
        { principal: B, models: [TITAN] },
      ],
      { serviceArn: SVC },
    ).json;
    const diff = diffPolicies(before, after);
    expect(diff.gained).toEqual([{ principal: B, model: TITAN }]);
    expect(diff.lost).toEqual([{ principal: A, model: TITAN }]);
    expect(diff.kept).toBe(1);
    expect(diff.textChanged).toBe(true);
    expect(diff.lines.some((l) => l.op === '-' && l.text.includes(TITAN))).toBe(true);
    expect(diff.lines.some((l) => l.op === '+' && l.text.includes(B))).toBe(true);
  });

  it('a recompaction changes the text but not the access', () => {
    const grants = [
      { principal: A, models: [HAIKU] },
      { principal: B, models: [HAIKU, TITAN] },
    ];
    const standard = compileAuthPolicy(grants, { serviceArn: SVC, orgId: 'o-bap7demo42x' }).json;
    const compact = compileAuthPolicy(grants, {
      serviceArn: SVC,
      orgId: 'o-bap7demo42x',
      compaction: 3,
    }).json;
    const diff = diffPolicies(standard, compact);
    expect(diff).toMatchObject({ gained: [], lost: [], kept: 3, textChanged: true });
  });

  it('treats a missing policy as deny-all', () => {
    const after = compileAuthPolicy([{ principal: A, models: [HAIKU] }], { serviceArn: SVC }).json;
    expect(diffPolicies(null, after).gained).toEqual([{ principal: A, model: HAIKU }]);
    expect(diffPolicies(after, null).lost).toEqual([{ principal: A, model: HAIKU }]);
    expect(diffPolicies(after, after)).toMatchObject({ textChanged: false, gained: [], lost: [] });
  });

  it('ignores key order and whitespace in the text diff', () => {
    const doc = JSON.parse(compileAuthPolicy([{ principal: A, models: [HAIKU] }], { serviceArn: SVC }).json);
    const reordered = JSON.stringify({ Statement: doc.Statement, Version: doc.Version }, null, 4);
    expect(diffPolicies(canonicalJson(doc), reordered).textChanged).toBe(false);
  });
});

describe('diffLines', () => {
  it('produces a minimal LCS diff', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { op: ' ', text: 'a' },
      { op: '+', text: 'x' },
      { op: '-', text: 'b' },
      { op: ' ', text: 'c' },
      { op: ' ', text: 'd' },
      { op: '+', text: 'e' },
    ]);
  });
});
