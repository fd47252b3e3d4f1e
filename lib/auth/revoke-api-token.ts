import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { resolveDb, type TDb } from '@/lib/db';
import { notFound } from '@/lib/errors/app-error';
import { hasGlobalRole, type TActor } from './permissions';

/** Revokes a token: its owner or an admin. Someone else's token id answers "not found" (no enumeration). */
export async function revokeApiToken(actor: TActor, tokenId: string, client?: TDb): Promise<{ id: string }> {
  const db = await resolveDb(client);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      select: { id: true, userId: true, prefix: true, revokedAt: true },
    });
    const mayRevoke =
      token && (token.userId === actor.userId || actor.system || hasGlobalRole(actor, 'ADMIN'));
    if (!token || !mayRevoke) throw notFound('Token');
    if (token.revokedAt) return { id: token.id };
    await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: { userId: actor.system ? null : actor.userId, label: actor.email },
      action: 'api-token.revoke',
      targetType: 'user',
      targetId: token.userId,
      details: { tokenId: token.id, prefix: token.prefix },
    });
    return { id: token.id };
  });
}
