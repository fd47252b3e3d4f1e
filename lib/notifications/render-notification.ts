import type { TNotificationMessage } from './notification-events';

/** Slack-compatible incoming-webhook JSON: `text` for any client, blocks for Slack. */
export function toWebhookPayload(m: TNotificationMessage, portalUrl?: string) {
  const link = m.path && portalUrl ? new URL(m.path, portalUrl).toString() : null;
  const facts = Object.entries(m.facts ?? {});
  return {
    text: `${m.title}${link ? ` — ${link}` : ''}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${m.title}*\n${m.text}` } },
      ...(facts.length
        ? [{ type: 'section', fields: facts.map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })) }]
        : []),
      ...(link
        ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link}|Open in the portal>` }] }]
        : []),
    ],
    event: m.event,
  };
}

export function toEmail(m: TNotificationMessage, portalUrl?: string): { subject: string; text: string } {
  const link = m.path && portalUrl ? new URL(m.path, portalUrl).toString() : null;
  const facts = Object.entries(m.facts ?? {}).map(([k, v]) => `${k}: ${v}`);
  return {
    subject: `[Bedrock Access Portal] ${m.title}`,
    text: [m.text, '', ...facts, ...(link ? ['', link] : [])].join('\n'),
  };
}
