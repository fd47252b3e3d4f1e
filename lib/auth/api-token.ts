/**
 * Bearer API tokens, pure part. A token is "bap_" + 43 characters of base64url (32 random bytes): far too much
 * entropy to guess, so a single sha256 (no salt, no slow hash) is the right way to store it and look it up.
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'bap_';
/** Characters of the token kept in clear to identify it ("bap_" + 8). */
export const API_TOKEN_PREFIX_LENGTH = 12;
const TOKEN_PATTERN = /^bap_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX_LENGTH), tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token from an `Authorization: Bearer …` header, or null when there is none. */
export function bearerTokenFrom(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (!value) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1] ?? null;
}
