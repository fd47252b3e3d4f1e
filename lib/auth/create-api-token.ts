import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors/app-error';
import { zSafeName } from '@/lib/validation/safe-text';
import { generateApiToken } from './api-token';
import { hasGlobalRole, type TActor } from './permissions';

export const ZCreateApiToken = z.object({
  name: zSafeName(100),
  /** 1–365 days; tokens always expire. */
  expiresInDays: z.number().int().min(1).max(365).default(90),
  /** Whose token: omitted = the actor's own. Only the CLI (or an admin) creates tokens for someone else. */
  userEmail: z.string().email().max(320).optional(),
});
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;

export interface TCreatedApiToken {
  id: string;
  /** The token itself: returned once, never stored. */
  token: string;
  prefix: string;
  name: string;
  expiresAt: string;
}

/** Creates a bearer token acting as its owner, audited; the clear token is returned once and never stored. */
export async function createApiToken(
  actor: TActor,
  input: TCreateApiToken,
  client?: TDb,
): Promise<TCreatedApiToken> {
  const data = ZCreateApiToken.parse(input);
  const db = await resolveDb(client);
  const forOther = data.userEmail !== undefined && data.userEmail.toLowerCase() !== actor.email.toLowerCase();
  if (forOther && !actor.system && !hasGlobalRole(actor, 'ADMIN'))
    throw new AppError('FORBIDDEN', 'Only an admin can create a token for someone else');
  if (!forOther && actor.system) throw new AppError('BAD_REQUEST', 'Name the user: --user EMAIL');
  return db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({
      where: forOther ? { email: data.userEmail!.toLowerCase() } : { id: actor.userId },
      select: { id: true, email: true, disabled: true },
    });
    if (!owner) throw notFound('User', { email: data.userEmail });
    if (owner.disabled) throw new AppError('CONFLICT', 'This user is disabled');
    const { token, prefix, tokenHash } = generateApiToken();
    const expiresAt = new Date(Date.now() + data.expiresInDays * 24 * 60 * 60 * 1000);
    const row = await tx.apiToken.create({
      data: { userId: owner.id, name: data.name, prefix, tokenHash, expiresAt, createdBy: actor.email },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: { userId: actor.system ? null : actor.userId, label: actor.email },
      action: 'api-token.create',
      targetType: 'user',
      targetId: owner.id,
      details: {
        tokenId: row.id,
        prefix,
        name: data.name,
        owner: owner.email,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { id: row.id, token, prefix, name: data.name, expiresAt: expiresAt.toISOString() };
  });
}
