import type { Prisma } from '@/lib/generated/prisma/client';
import type { TNotificationMessage } from './notification-events';

/**
 * Queues a message for every enabled channel subscribed to its event, in the caller's transaction (an outbox): the
 * message exists if and only if the change committed, and sending happens later, so a failing channel never blocks
 * or fails the change.
 */
export async function enqueueNotification(
  tx: Prisma.TransactionClient,
  message: TNotificationMessage,
): Promise<{ queued: number }> {
  const channels = await tx.notificationChannel.findMany({
    where: { enabled: true, events: { has: message.event } },
    select: { id: true, kind: true },
  });
  if (channels.length === 0) return { queued: 0 };
  await tx.notificationDelivery.createMany({
    data: channels.map((c) => ({
      channelId: c.id,
      event: message.event,
      recipients: c.kind === 'EMAIL' ? message.recipients : [],
      payload: JSON.parse(JSON.stringify(message)) as Prisma.InputJsonObject,
    })),
  });
  return { queued: channels.length };
}
