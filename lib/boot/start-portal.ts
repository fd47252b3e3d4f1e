import path from 'node:path';
import { describeEnv, devSignInEnabled, env, missingProductionConfig } from '@/lib/env';
import { logger } from '@/lib/log';
import type { TDb } from '@/lib/db';

/**
 * Runs once when the Next server starts (instrumentation.ts). Refuses to start without the configuration a real
 * deployment needs; in demo mode starts the sandbox AWS emulator in-process, migrates and seeds the database and
 * bootstraps the demo estate in the sandbox through the SDK. Everything here is idempotent, so restarts keep data.
 */
export async function startPortal(): Promise<void> {
  const e = env();
  // Demo mode talks to a person at a terminal: short progress lines next to the structured logs.
  const say = (line: string) => {
    if (e.PORTAL_DEMO) process.stdout.write(`[portal] ${line}\n`);
  };
  const missing = missingProductionConfig(e);
  if (missing.length > 0) {
    logger.fatal({ missing }, 'refusing to start: missing configuration');
    process.stderr.write(
      `\nBedrock Access Portal refuses to start: set ${missing.join(', ')}.\n` +
        'For a local trial with no configuration, run `npm run demo` instead (see README).\n\n',
    );
    process.exit(1);
  }
  logger.info(describeEnv(e), 'starting');
  if (devSignInEnabled(e)) {
    const warning = e.PORTAL_DEMO
      ? 'DEVELOPMENT SIGN-IN IS ON (demo mode): anyone who can reach this portal can sign in as any demo persona, admins included, without a password'
      : 'DEVELOPMENT SIGN-IN IS ON (PORTAL_DEV_SIGNIN=1): anyone who can reach this portal can sign in without a password as a user created for it; users who signed in through OIDC are refused';
    logger.warn({ devSignIn: true }, warning);
    process.stderr.write(`\n!!! WARNING: ${warning}. Never enable it on a production portal. !!!\n\n`);
  }

  if (e.PORTAL_SANDBOX) {
    const { startPortalSandbox } = await import('@/lib/boot/sandbox-seam');
    try {
      const sandbox = await startPortalSandbox({
        port: e.PORTAL_SANDBOX_PORT,
        dataDir: e.PORTAL_DATA_DIR,
        traffic: { days: e.PORTAL_SANDBOX_TRAFFIC_DAYS, trickle: e.PORTAL_SANDBOX_TRAFFIC_TRICKLE },
      });
      logger.info({ url: sandbox.url }, 'sandbox AWS listening');
      say(`sandbox AWS listening on ${sandbox.url}`);
    } catch (error) {
      // A taken port stops start-up: the portal never attaches to a sandbox it did not start.
      const message = error instanceof Error ? error.message : String(error);
      logger.fatal({ port: e.PORTAL_SANDBOX_PORT }, message);
      process.stderr.write(`\nBedrock Access Portal refuses to start: ${message}\n\n`);
      process.exit(1);
    }
  }

  if (e.PORTAL_DEMO && e.DATABASE_URL) {
    // PGlite migrates itself when opened; a PostgreSQL used for the demo is migrated here (production runs
    // `npm run db:migrate` as a deployment step instead).
    const { connectPostgres } = await import('@/lib/db/sql-client');
    const { migrateDatabase } = await import('@/lib/db/migrate');
    const sql = await connectPostgres(e.DATABASE_URL);
    try {
      await migrateDatabase(sql, { log: (line) => logger.info(line) });
    } finally {
      await sql.close();
    }
  }

  say(
    e.DATABASE_URL
      ? 'opening PostgreSQL…'
      : `opening the embedded database in ${path.resolve(e.PORTAL_DATA_DIR, 'pglite')} (first start: ~10 s)…`,
  );
  const { getDb, closeDb } = await import('@/lib/db');
  const db = await getDb();
  say('database ready and migrated');
  // Release the embedded database (and its lock) on shutdown.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void closeDb().finally(() => process.exit(0));
    });
  }

  if (e.PORTAL_DEMO) {
    const { seedDemoData } = await import('@/lib/db/seed');
    await seedDemoData(db);
    say('demo teams, personas, model catalog and price book seeded');
    const existing = await db.estateSettings.findUnique({ where: { id: 1 }, select: { serviceId: true } });
    if (!existing?.serviceId) {
      const { bootstrapDemoEstate } = await import('@/lib/estate/bootstrap-demo-estate');
      const { recordEstate } = await import('@/lib/estate/record-estate');
      say('bootstrapping the demo estate in the sandbox through the AWS SDK…');
      const estate = await bootstrapDemoEstate();
      await recordEstate(db, null, estate);
      logger.info({ serviceArn: estate.serviceArn }, 'demo estate bootstrapped in the sandbox');
      say(
        `estate ready: service network ${estate.serviceNetworkName}, service ${estate.serviceName}, RAM share ${estate.resourceShareName}`,
      );
    }
    if (!e.PORTAL_DEMO_SKIP_REQUESTS) {
      const { seedDemoAccessRequests } = await import('@/lib/access/seed-demo-access-requests');
      const requests = await seedDemoAccessRequests(db);
      if (!requests.skipped)
        say(
          `demo access requests: ${requests.created} submitted, ${requests.approved} approved (provisioning queued)`,
        );
    }
  }

  await startProvisioning(db, e.NEXTAUTH_URL);
  // Access-log ingestion on a schedule (PORTAL_USAGE_INGEST_INTERVAL_S; 0 = off). Its first pass reads the
  // history the sources hold (the demo's 90 days), later passes the new deliveries.
  const { startUsageScheduler } = await import('@/lib/usage/start-usage-scheduler');
  startUsageScheduler();

  const { registerRunningPortal } = await import('@/lib/db/portal-registry');
  await registerRunningPortal({ url: `http://127.0.0.1:${e.PORT}` });
  logger.info('portal ready');
  say(`ready: open ${e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`} and pick a persona`);
}

/** The provisioning worker and scheduler (expiry, reconcile, notifications) run inside the server process. */
async function startProvisioning(db: TDb, portalUrl: string | undefined) {
  const { startProvisioningInProcess } = await import('@/lib/provisioning/start-provisioning-in-process');
  startProvisioningInProcess(db, { portalUrl });
}
