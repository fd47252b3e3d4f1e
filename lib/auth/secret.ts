import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let cached: string | undefined;

/**
 * The JWT signing secret. Production sets NEXTAUTH_SECRET (start-up refuses without it). Demo and dev-sign-in
 * machines get a random secret generated once and kept (mode 0600) under the data directory, so sessions survive
 * restarts without anyone having to invent a secret.
 */
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.NEXTAUTH_SECRET) return (cached = e.NEXTAUTH_SECRET);
  const file = path.resolve(e.PORTAL_DATA_DIR, 'nextauth-secret');
  try {
    cached = readFileSync(file, 'utf8').trim();
    if (cached.length >= 32) return cached;
  } catch {
    // not there yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  cached = randomBytes(32).toString('base64url');
  writeFileSync(file, cached, { mode: 0o600 });
  return cached;
}
