import { describe, expect, it } from 'vitest';
import { entityKey, parsePrincipal, parseServiceArn, parseServiceNetworkArn } from './arn';
import { isModelKey } from './model-key';

describe('parsePrincipal', () => {
  it('reads roles and users with paths, account ids, root and assumed-role session ARNs', () => {
    expect(parsePrincipal('arn:aws:iam::444455556666:role/genai/prod/team-a')).toMatchObject({
      kind: 'role',
      accountId: '444455556666',
      path: '/genai/prod/',
      name: 'team-a',
    });
    expect(parsePrincipal('arn:aws-us-gov:iam::444455556666:user/bob')).toMatchObject({
      kind: 'user',
      path: '/',
    });
    expect(parsePrincipal('444455556666')).toEqual({
      kind: 'account',
      partition: null,
      accountId: '444455556666',
    });
    expect(parsePrincipal('arn:aws:iam::444455556666:root')).toMatchObject({
      kind: 'account',
      partition: 'aws',
    });
    expect(parsePrincipal('arn:aws:sts::444455556666:assumed-role/team-a/sess@x')).toMatchObject({
      kind: 'assumed-role',
      roleName: 'team-a',
      sessionName: 'sess@x',
    });
  });
  it('rejects malformed values, wildcards and unknown partitions', () => {
    for (const bad of [
      '44445555666',
      'arn:aws:iam::444455556666:role/',
      'arn:aws:iam::444455556666:role/team*',
      'arn:aws:iam::444455556666:role/a b',
      'arn:aws:iam::444455556666:group/g',
      'arn:aws:iam:us-east-1:444455556666:role/a',
      'arn:aws-mars:iam::444455556666:role/a',
      'arn:aws:sts::444455556666:assumed-role/a',
      'arn:aws:iam::444455556666:role/x/"y"',
    ]) {
      expect(parsePrincipal(bad), bad).toBeNull();
    }
  });
  it('identifies a role by account and name, whatever its path', () => {
    const a = parsePrincipal('arn:aws:iam::444455556666:role/genai/team-a')!;
    const b = parsePrincipal('arn:aws:iam::444455556666:role/team-a')!;
    expect(entityKey(a)).toBe(entityKey(b));
  });
});

describe('Lattice ARNs and model keys', () => {
  it('parses service and service-network ARNs', () => {
    expect(
      parseServiceArn('arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0123456789abcdef0'),
    ).toMatchObject({
      region: 'us-east-1',
      id: 'svc-0123456789abcdef0',
    });
    expect(parseServiceArn('arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-012')).toBeNull();
    expect(
      parseServiceNetworkArn(
        'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0',
      ),
    ).not.toBeNull();
  });
  it('model keys allow Bedrock ids and ARNs, not wildcards or separators', () => {
    expect(isModelKey('anthropic.claude-3-haiku-20240307-v1:0')).toBe(true);
    expect(isModelKey('arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1')).toBe(true);
    for (const bad of ['', 'anthropic.*', 'a?b', 'a&modelid=b', 'a b', 'x'.repeat(257)])
      expect(isModelKey(bad), bad).toBe(false);
  });
});
