import { describe, expect, it } from 'vitest';
import { bearerTokenFrom, generateApiToken, hashApiToken, looksLikeApiToken } from './api-token';

describe('API tokens', () => {
  it('are random, recognizable, and stored only as their sha256 with a short clear prefix', () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeApiToken(a.token)).toBe(true);
    expect(a.prefix).toBe(a.token.slice(0, 12));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).toBe(hashApiToken(a.token));
    expect(a.tokenHash).not.toContain(a.token.slice(4));
  });

  it('reads only a well-formed bearer header', () => {
    expect(bearerTokenFrom(new Headers({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(bearerTokenFrom(new Headers({ authorization: 'bearer  abc ' }))).toBe('abc');
    expect(bearerTokenFrom(new Headers({ authorization: 'Basic abc' }))).toBeNull();
    expect(bearerTokenFrom(new Headers())).toBeNull();
    expect(looksLikeApiToken('bap_short')).toBe(false);
  });
});
