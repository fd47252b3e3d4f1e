/**
 * The caller of an access-log record, reduced to the IAM entity it stands for. An STS assumed-role session names
 * the role without its IAM path, so roles (and users) are keyed by account + name only, never by the full ARN
 * string: `arn:aws:sts::1:assumed-role/r/s` and `arn:aws:iam::1:role/genai/r` are the same caller.
 */
import { parsePrincipal } from '@/lib/policy/arn';

export type TCallerKind = 'role' | 'user' | 'anonymous' | 'other';

export interface TNormalizedCaller {
  kind: TCallerKind;
  /** 12 digits, or "-" when unknown. */
  accountId: string;
  /** Role or user name (roles and users only). */
  name?: string;
  /**
   * Stable key stored per caller: `arn:<p>:iam::<acct>:role/<name>` (path dropped: names are unique per account),
   * `arn:<p>:iam::<acct>:user/<name>`, "-" for unauthenticated callers, otherwise the value as logged.
   */
  key: string;
}

export const ANONYMOUS_CALLER: TNormalizedCaller = { kind: 'anonymous', accountId: '-', key: '-' };

export function normalizeCaller(value: string | undefined | null): TNormalizedCaller {
  const v = (value ?? '-').trim();
  if (v === '-' || v === '') return ANONYMOUS_CALLER;
  const id = parsePrincipal(v);
  if (!id) {
    const acct = /^arn:[\w-]+:[\w-]+::(\d{12}):/.exec(v)?.[1];
    return { kind: 'other', accountId: acct ?? '-', key: v.slice(0, 2048) };
  }
  switch (id.kind) {
    case 'assumed-role':
      return {
        kind: 'role',
        accountId: id.accountId,
        name: id.roleName,
        key: `arn:${id.partition}:iam::${id.accountId}:role/${id.roleName}`,
      };
    case 'role':
    case 'user':
      return {
        kind: id.kind,
        accountId: id.accountId,
        name: id.name,
        key: `arn:${id.partition}:iam::${id.accountId}:${id.kind}/${id.name}`,
      };
    case 'account':
      return { kind: 'other', accountId: id.accountId, key: v };
  }
}
