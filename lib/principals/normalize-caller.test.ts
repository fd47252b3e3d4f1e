import { describe, expect, it } from 'vitest';
import { normalizeCaller } from './normalize-caller';

describe('normalizeCaller', () => {
  it('reduces an assumed-role session and a role with an IAM path to the same key', () => {
    const a = normalizeCaller('arn:aws:sts::200000000331:assumed-role/payments-prod-invoker/abc123');
    const b = normalizeCaller('arn:aws:iam::200000000331:role/genai/payments-prod-invoker');
    expect(a).toEqual(b);
    expect(a).toEqual({
      kind: 'role',
      accountId: '200000000331',
      name: 'payments-prod-invoker',
      key: 'arn:aws:iam::200000000331:role/payments-prod-invoker',
    });
  });

  it('keeps IAM users as users', () => {
    expect(normalizeCaller('arn:aws:iam::111122223333:user/ops/dana')).toMatchObject({
      kind: 'user',
      name: 'dana',
      key: 'arn:aws:iam::111122223333:user/dana',
    });
  });

  it('treats "-" and absent values as the unauthenticated caller', () => {
    expect(normalizeCaller('-').kind).toBe('anonymous');
    expect(normalizeCaller(undefined).key).toBe('-');
  });

  it('keeps anything else as logged, with the account when it has one', () => {
    expect(normalizeCaller('arn:aws:sts::111122223333:federated-user/bob')).toEqual({
      kind: 'other',
      accountId: '111122223333',
      key: 'arn:aws:sts::111122223333:federated-user/bob',
    });
  });
});
