import path from 'node:path';
import { describeEnv, devSignInEnabled, env, missingProductionConfig } from '@/lib/env';
import { logger } from '@/lib/log';

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
    const { startSandbox } = await import('@/lib/aws/sandbox/server');
    try {
      const sandbox = await startSandbox({
        port: e.PORTAL_SANDBOX_PORT,
        stateDir: path.resolve(e.PORTAL_DATA_DIR, 'sandbox'),
      });
      logger.info({ url: sandbox.url }, 'sandbox AWS listening');
      say(`sandbox AWS (VPC Lattice, RAM, STS) listening on ${sandbox.url}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      // `npm run sandbox` is already serving this port: use it.
      logger.info({ port: e.PORTAL_SANDBOX_PORT }, 'using the sandbox AWS already running on this port');
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
  }

  const { registerRunningPortal } = await import('@/lib/db/portal-registry');
  await registerRunningPortal({ url: `http://127.0.0.1:${e.PORT}` });
  logger.info('portal ready');
  say(`ready: open ${e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`} and pick a persona`);
}
