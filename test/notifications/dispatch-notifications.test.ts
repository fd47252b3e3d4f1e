import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { dispatchNotifications } from '@/lib/notifications/dispatch-notifications';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { testDatabaseKinds, type TFreshDatabase } from '../db/test-databases';

/**
 * Notifications through real local servers: an HTTP server standing in for a Slack incoming webhook and an SMTP
 * server (smtp-server) for e-mail. The payloads they receive are asserted; a failing channel is retried, then shown
 * as FAILED, and never throws into the caller.
 */
let fresh: TFreshDatabase;
let db: PrismaClient;
let http: Server;
let smtp: SMTPServer;
const posts: { status: number; body: unknown }[] = [];
const mails: { from: string; to: string[]; raw: string }[] = [];
let webhookStatus = 200;
let webhookUrl = '';
let smtpPort = 0;

beforeAll(async () => {
  fresh = await testDatabaseKinds[0]!.fresh();
  await migrateDatabase(fresh.sql);
  db = fresh.prisma();
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push({ status: webhookStatus, body: JSON.parse(body) });
      res.writeHead(webhookStatus).end(webhookStatus === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  webhookUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks/T000/B000`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  await db.notificationChannel.create({
    data: {
      name: 'slack',
      kind: 'WEBHOOK',
      target: webhookUrl,
      events: ['request.created', 'provisioning.failed'],
    },
  });
  await db.notificationChannel.create({
    data: {
      name: 'mail',
      kind: 'EMAIL',
      target: JSON.stringify({ host: '127.0.0.1', port: smtpPort, from: 'portal@example.com' }),
      events: ['request.decided', 'grant.expiring', 'provisioning.failed'],
    },
  });
}, 60_000);

afterAll(async () => {
  await new Promise((r) => http?.close(r));
  await new Promise<void>((r) => smtp?.close(() => r()));
  await fresh?.dispose();
});

describe('notifications', () => {
  it('a new request goes to the webhook as Slack-compatible JSON', async () => {
    await db.$transaction((tx) =>
      enqueueNotification(tx, {
        event: 'request.created',
        title: 'Payments asks for Nova Lite',
        text: 'Summarise disputes',
        path: '/approvals/r1',
        recipients: ['ada.approver@example.com'],
        facts: { team: 'payments', models: 'amazon.nova-lite-v1:0' },
      }),
    );
    const out = await dispatchNotifications({ db, portalUrl: 'http://portal.test' });
    expect(out).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({
      text: 'Payments asks for Nova Lite — http://portal.test/approvals/r1',
      event: 'request.created',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Payments asks for Nova Lite*\nSummarise disputes' },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*team*\npayments' },
            { type: 'mrkdwn', text: '*models*\namazon.nova-lite-v1:0' },
          ],
        },
        { type: 'context' },
      ],
    });
  });

  it('a decision goes by e-mail to the requester over SMTP', async () => {
    await db.$transaction((tx) =>
      enqueueNotification(tx, {
        event: 'request.decided',
        title: 'Your request was approved',
        text: 'Nova Lite for payments-dev-invoker, 30 days.',
        path: '/teams/payments',
        recipients: ['lena.lead@example.com'],
      }),
    );
    expect(await dispatchNotifications({ db, portalUrl: 'http://portal.test' })).toEqual({
      sent: 1,
      failed: 0,
      retrying: 0,
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe('portal@example.com');
    expect(mails[0]!.to).toEqual(['lena.lead@example.com']);
    expect(mails[0]!.raw).toContain('Subject: [Bedrock Access Portal] Your request was approved');
    expect(mails[0]!.raw).toContain('http://portal.test/teams/payments');
  });

  it('a failing channel is retried with backoff, then FAILED; the other channel still delivers', async () => {
    webhookStatus = 500;
    await db.$transaction((tx) =>
      enqueueNotification(tx, {
        event: 'provisioning.failed',
        title: 'Provisioning failed',
        text: 'boom',
        recipients: ['ada.approver@example.com'],
      }),
    );
    let now = new Date();
    const first = await dispatchNotifications({ db, now });
    expect(first).toEqual({ sent: 1, failed: 0, retrying: 1 });
    expect(mails.at(-1)!.raw).toContain('Provisioning failed');
    for (let i = 0; i < 4; i++) {
      now = new Date(now.getTime() + 60 * 60_000);
      await dispatchNotifications({ db, now });
    }
    const d = await db.notificationDelivery.findFirstOrThrow({
      where: { event: 'provisioning.failed', channel: { name: 'slack' } },
      select: { status: true, attempts: true, lastError: true },
    });
    expect(d).toEqual({ status: 'FAILED', attempts: 5, lastError: 'webhook answered 500' });
    expect(posts.filter((p) => p.status === 500)).toHaveLength(5);
  });

  it('each event reaches only the channels subscribed to it', async () => {
    const out = await db.$transaction((tx) =>
      enqueueNotification(tx, { event: 'grant.expiring', title: 'x', text: 'y', recipients: [] }),
    );
    expect(out.queued).toBe(1);
    const none = await db.$transaction((tx) =>
      enqueueNotification(tx, { event: 'request.created', title: 'x', text: 'y', recipients: [] }),
    );
    expect(none.queued).toBe(1);
  });
});
