import nodemailer from 'nodemailer';
import { z } from 'zod';
import { resolveDb, type TDb } from '@/lib/db';
import type { TNotificationMessage } from './notification-events';
import { toEmail, toWebhookPayload } from './render-notification';

export const ZSmtpTarget = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  from: z.string().email(),
  secure: z.boolean().default(false),
});

const MAX_ATTEMPTS = 5;
const SEND_TIMEOUT_MS = 5_000;

/**
 * Sends the due deliveries of the outbox. A failure is recorded on the delivery and retried with backoff; after
 * the last attempt it is FAILED and shown on the admin page. Nothing here ever fails a provisioning run.
 */
export async function dispatchNotifications(
  options: { db?: TDb; now?: Date; portalUrl?: string; limit?: number } = {},
): Promise<{ sent: number; failed: number; retrying: number }> {
  const db = await resolveDb(options.db);
  const now = options.now ?? new Date();
  const due = await db.notificationDelivery.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: now } },
    orderBy: { createdAt: 'asc' },
    take: options.limit ?? 20,
    select: {
      id: true,
      attempts: true,
      recipients: true,
      payload: true,
      channel: { select: { kind: true, target: true } },
    },
  });
  const out = { sent: 0, failed: 0, retrying: 0 };
  for (const d of due) {
    // Claim it so two instances never send the same message twice.
    const claimed = await db.notificationDelivery.updateMany({
      where: { id: d.id, status: 'PENDING', attempts: d.attempts },
      data: { attempts: d.attempts + 1, nextAttemptAt: new Date(now.getTime() + 60_000) },
    });
    if (claimed.count !== 1) continue;
    const message = d.payload as unknown as TNotificationMessage;
    try {
      if (d.channel.kind === 'WEBHOOK') {
        const res = await fetch(d.channel.target, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(toWebhookPayload(message, options.portalUrl)),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`webhook answered ${res.status}`);
      } else {
        const smtp = ZSmtpTarget.parse(JSON.parse(d.channel.target));
        if (d.recipients.length === 0) throw new Error('no recipients');
        const transport = nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ignoreTLS: !smtp.secure,
          connectionTimeout: SEND_TIMEOUT_MS,
        });
        const mail = toEmail(message, options.portalUrl);
        await transport.sendMail({
          from: smtp.from,
          to: d.recipients,
          subject: mail.subject,
          text: mail.text,
        });
        transport.close();
      }
      await db.notificationDelivery.update({
        where: { id: d.id },
        data: { status: 'SENT', sentAt: new Date(), lastError: null },
      });
      out.sent++;
    } catch (error) {
      const attempts = d.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db.notificationDelivery.update({
        where: { id: d.id },
        data: {
          status: giveUp ? 'FAILED' : 'PENDING',
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(now.getTime() + Math.min(30 * 60_000, 2_000 * 4 ** (attempts - 1))),
        },
      });
      if (giveUp) out.failed++;
      else out.retrying++;
    }
  }
  return out;
}
