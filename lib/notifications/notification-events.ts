import { z } from 'zod';

/** The events a channel can subscribe to, and who they are for. */
export const ZNotificationEvent = z.enum([
  'request.created',
  'request.decided',
  'provisioning.failed',
  'grant.expiring',
]);
export type TNotificationEvent = z.infer<typeof ZNotificationEvent>;

export const NOTIFICATION_AUDIENCE: Record<TNotificationEvent, string> = {
  'request.created': 'approvers',
  'request.decided': 'the requester',
  'provisioning.failed': 'approvers',
  'grant.expiring': "the team's leads",
};

export interface TNotificationMessage {
  event: TNotificationEvent;
  /** One line, e.g. "Payments asks for Claude 3 Haiku". */
  title: string;
  /** A few lines of detail. */
  text: string;
  /** Link into the portal, relative (the dispatcher makes it absolute). */
  path?: string;
  /** E-mail recipients; webhooks post to their channel. */
  recipients: string[];
  facts?: Record<string, string>;
}
