import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInUser } from '@/lib/auth/sign-in-user';
import { closeDb, getDb } from '@/lib/db';
import { setEnvForTesting } from '@/lib/env';
import { consumeRateLimit } from '@/lib/rate-limit/consume-rate-limit';

const dir = mkdtempSync(path.join(tmpdir(), 'bap-signin-'));

beforeAll(() => {
  setEnvForTesting({ DATABASE_URL: '', PORTAL_DATA_DIR: dir, PORTAL_DEMO: '0', PORTAL_DEV_SIGNIN: '1' });
});
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe('development sign-in outside demo mode', () => {
  it('signs in a user created for it, and refuses anyone who has signed in through OIDC', async () => {
    const db = await getDb();
    await db.user.create({ data: { email: 'dev.only@example.com', name: 'Dev Only' } });
    const oidcAdmin = await signInUser({
      email: 'idp.admin@example.com',
      provider: 'oidc',
      globalRoles: ['ADMIN'],
    });
    expect(oidcAdmin.sessionId).toBeTruthy();

    const ok = await signInUser({ email: 'dev.only@example.com', provider: 'dev' });
    expect(ok.sessionId).toBeTruthy();
    await expect(signInUser({ email: 'idp.admin@example.com', provider: 'dev' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(signInUser({ email: 'nobody@example.com', provider: 'dev' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // Only the OIDC sign-in and the one permitted dev sign-in created sessions.
    const sessions = await db.session.findMany({
      select: { provider: true, user: { select: { email: true } } },
    });
    expect(sessions.map((s) => `${s.provider}:${s.user.email}`).sort()).toEqual([
      'dev:dev.only@example.com',
      'oidc:idp.admin@example.com',
    ]);

    // In demo mode the personas are the point: the same user may use dev sign-in.
    setEnvForTesting({ DATABASE_URL: '', PORTAL_DATA_DIR: dir, PORTAL_DEMO: '1', PORTAL_DEV_SIGNIN: '1' });
    try {
      expect((await signInUser({ email: 'idp.admin@example.com', provider: 'dev' })).sessionId).toBeTruthy();
    } finally {
      setEnvForTesting({ DATABASE_URL: '', PORTAL_DATA_DIR: dir, PORTAL_DEMO: '0', PORTAL_DEV_SIGNIN: '1' });
    }
  }, 60_000);
});

describe('rate limits', () => {
  it('count in the database and answer RATE_LIMITED with the seconds to wait', async () => {
    const rule = { limit: 2, windowSeconds: 30 };
    await consumeRateLimit('test:a', rule);
    await consumeRateLimit('test:a', rule);
    const refused = await consumeRateLimit('test:a', rule).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retry = (refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(30);
    // Other keys are unaffected; an elapsed window starts over.
    await expect(consumeRateLimit('test:b', rule)).resolves.toBeUndefined();
    const db = await getDb();
    await db.rateLimitBucket.update({
      where: { key: 'test:a' },
      data: { windowStart: new Date(Date.now() - 31_000) },
    });
    await expect(consumeRateLimit('test:a', rule)).resolves.toBeUndefined();
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key: 'test:a' } })).count).toBe(1);
  }, 60_000);
});
