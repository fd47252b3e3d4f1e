import { resolveDb, type TDb } from '@/lib/db';
import { ACTOR_USER_SELECT, actorFromUserRow } from './get-actor';
import { hashApiToken, looksLikeApiToken } from './api-token';
import type { TActor } from './permissions';

// last-used is a hint, not a log: write it at most once a minute per token.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor a bearer token stands for: its owner with the owner's current roles and teams. Null for an unknown,
 * revoked or expired token, or a disabled owner (all answer the same 401).
 */
export async function authenticateApiToken(token: string, client?: TDb): Promise<TActor | null> {
  if (!looksLikeApiToken(token)) return null;
  const db = await resolveDb(client);
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      prefix: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: ACTOR_USER_SELECT },
    },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const actor = actorFromUserRow(row.user, { apiTokenPrefix: row.prefix });
  if (!actor) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return actor;
}
