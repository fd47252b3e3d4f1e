/**
 * Child process of the crash test: opens the shared embedded database, claims the queued run and executes it. On
 * its first inline wait (the VPC association is being created, so the RAM and VPC writes have completed) it
 * prints PAUSED and waits for the parent to kill it with SIGKILL.
 *   tsx --conditions=react-server test/provisioning/crash-child.ts <pglite dir> <sandbox url>
 */
import { pino } from 'pino';
import { createAwsContext } from '@/lib/aws/clients';
import { openDatabase } from '@/lib/db/open-database';
import { DEMO_WORKLOAD_ROLE_NAME } from '@/lib/demo/world';
import { executeProvisioningRun } from '@/lib/provisioning/execute-provisioning-run';
import { claimProvisioningRun } from '@/lib/provisioning/leases';
import { DEFAULT_TIMINGS } from '@/lib/provisioning/ports';
import { fastConfig, GENAI_ROLE, NETWORK_ROLE } from '../aws/sandbox-helpers';

async function main() {
  const [dir, url] = process.argv.slice(2);
  const opened = await openDatabase({ dataDir: dir! });
  const aws = createAwsContext({
    client: fastConfig(url!),
    networkRoleArn: NETWORK_ROLE,
    genaiRoleArn: GENAI_ROLE,
    workloadRoleName: DEMO_WORKLOAD_ROLE_NAME,
    sessionName: 'crash-child',
    sandbox: true,
  });
  const timings = { ...DEFAULT_TIMINGS, leaseMs: 1_000 };
  const workerId = `crash-child:${process.pid}`;
  const claimed = await claimProvisioningRun(opened.db, workerId, new Date(), timings.leaseMs);
  if (!claimed) throw new Error('nothing to claim');
  process.stdout.write(`CLAIMED ${claimed.id}\n`);
  await executeProvisioningRun(
    {
      db: opened.db,
      aws,
      log: pino({ level: 'silent' }),
      workerId,
      clock: {
        now: () => new Date(),
        sleep: () => {
          process.stdout.write('PAUSED\n');
          return new Promise(() => {});
        },
      },
    },
    claimed.id,
    timings,
  );
  process.stdout.write('FINISHED\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
