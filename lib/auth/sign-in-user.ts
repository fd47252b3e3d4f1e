import { z } from 'zod';
import { getDb } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import { env } from '@/lib/env';
import type { TGlobalRole } from './permissions';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const ZSignIn = z.object({
  email: z
    .string()
    .email()
    .transform((e) => e.toLowerCase()),
  name: z.string().max(200).optional(),
  provider: z.enum(['dev', 'oidc']),
  /** OIDC only: roles derived from the groups claim. They replace the stored global roles at every sign-in. */
  globalRoles: z.array(z.enum(['APPROVER', 'FINANCE', 'ADMIN'])).optional(),
});

/**
 * Records a sign-in: dev sign-in only accepts existing (seeded) users; OIDC creates or updates the user and takes
 * its global roles from the IdP. Returns the new session id the JWT will carry.
 */
export async function signInUser(
  input: z.input<typeof ZSignIn>,
): Promise<{ userId: string; sessionId: string }> {
  const data = ZSignIn.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({
      where: { email: data.email },
      select: { id: true, disabled: true },
    });
    if (data.provider === 'dev') {
      if (!user) throw new AppError('UNAUTHENTICATED', 'No such persona');
      // Outside demo mode, development sign-in (PORTAL_DEV_SIGNIN=1) never signs in someone who has an identity at
      // the IdP: it would let anyone become an OIDC user, admins included, by typing an e-mail address.
      if (!env().PORTAL_DEMO) {
        const viaOidc = await tx.user.findFirst({
          where: {
            id: user.id,
            OR: [{ oidcSubject: { not: null } }, { sessions: { some: { provider: 'oidc' } } }],
          },
          select: { id: true },
        });
        if (viaOidc) throw new AppError('UNAUTHENTICATED', 'No such persona');
      }
    } else {
      const roles = (data.globalRoles ?? []) as TGlobalRole[];
      user = await tx.user.upsert({
        where: { email: data.email },
        create: { email: data.email, name: data.name ?? data.email, globalRoles: roles },
        update: { globalRoles: roles, ...(data.name ? { name: data.name } : {}) },
        select: { id: true, disabled: true },
      });
    }
    if (user.disabled) throw new AppError('FORBIDDEN', 'This account is disabled');
    await tx.user.update({
      where: { id: user.id },
      data: { lastSignInAt: new Date() },
      select: { id: true },
    });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        provider: data.provider,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: { userId: user.id, label: data.email },
      action: 'auth.sign-in',
      targetType: 'user',
      targetId: user.id,
      details: { provider: data.provider },
    });
    return { userId: user.id, sessionId: session.id };
  });
}

/** Sign-out revokes the session server-side (a stolen JWT stops working) and is audited like sign-in. */
export async function signOutSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { id: sessionId },
      select: { revokedAt: true, user: { select: { id: true, email: true } } },
    });
    if (!session || session.revokedAt) return;
    await tx.session.update({
      where: { id: sessionId },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: { userId: session.user.id, label: session.user.email },
      action: 'auth.sign-out',
      targetType: 'user',
      targetId: session.user.id,
      details: {},
    });
  });
}
