/**
 * `npm run sandbox`: the sandbox AWS on its own, for the AWS CLI, scripts or a portal started elsewhere. Port from
 * PORTAL_SANDBOX_PORT (default 4599), state under ${PORTAL_DATA_DIR}/sandbox. Options: --port N, --state-dir DIR,
 * --delay-ms N (association delay), --no-verify-signatures, --admin-key KEY, --fault JSON (repeatable).
 * `npm run sandbox -- traffic --days 90 [--trickle] [--seed N] [--per-day N]`: the same sandbox, first writing that
 * many days of the demo teams' traffic through the data plane (then, with --trickle, serving and trickling on).
 * See docs/sandbox.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoTrafficProfile, startDemoSandbox } from '@/lib/boot/sandbox-seam';
import {
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_PORTAL_ROLE_NAME,
  DEMO_REGION,
  DEMO_SANDBOX_ACCESS_KEY_ID,
  DEMO_SANDBOX_SECRET_ACCESS_KEY,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      days: { type: 'string' },
      trickle: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'per-day': { type: 'string' },
      port: { type: 'string' },
      'state-dir': { type: 'string' },
      'delay-ms': { type: 'string' },
      'no-verify-signatures': { type: 'boolean', default: false },
      'admin-key': { type: 'string' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run sandbox -- [--port 4599] [--state-dir DIR] [--delay-ms 2000] [--no-verify-signatures]\n' +
        '                          [--admin-key KEY] [--fault \'{"service":"vpc-lattice","operation":"GetService","kind":"throttle","count":2}\']\n' +
        '       npm run sandbox -- traffic [--days 90] [--trickle] [--seed 1] [--per-day 120]   (plus the options above)\n' +
        'See docs/sandbox.md for services, operations, credentials, fault injection and traffic.\n',
    );
    return;
  }
  const e = env();
  const port = values.port ? Number(values.port) : e.PORTAL_SANDBOX_PORT;
  const stateDir = path.resolve(values['state-dir'] ?? path.join(e.PORTAL_DATA_DIR, 'sandbox'));
  const faults = (values.fault ?? []).map((text) => {
    try {
      return JSON.parse(text) as never;
    } catch {
      throw new Error(`--fault is not JSON: ${text}`);
    }
  });
  const traffic = positionals[0] === 'traffic';
  if (positionals.length > 0 && !traffic) throw new Error(`unknown command '${positionals[0]}' (try --help)`);
  const days = values.days ? Number(values.days) : 90;
  const started = Date.now();
  const sandbox = await startDemoSandbox({
    port,
    stateDir,
    data: traffic
      ? {
          traffic: {
            profile: buildDemoTrafficProfile(values['per-day'] ? Number(values['per-day']) : undefined),
            seed: values.seed ? Number(values.seed) : 1,
            backfillDays: days,
            backfillOnStart: 'always',
            trickle: values.trickle,
          },
        }
      : undefined,
    associationDelayMs: values['delay-ms'] ? Number(values['delay-ms']) : undefined,
    verifySignatures: !values['no-verify-signatures'],
    adminKey: values['admin-key'],
    faults,
  });
  const ops = sandbox.operations();
  const serviceNames = [...new Set(ops.map((o) => o.service))];
  process.stdout.write(
    [
      `Sandbox AWS listening on ${sandbox.url}  (state: ${stateDir})`,
      '',
      'Credentials (base identity, service-network account ' + DEMO_NETWORK_ACCOUNT + '):',
      `  export AWS_ACCESS_KEY_ID=${DEMO_SANDBOX_ACCESS_KEY_ID}`,
      `  export AWS_SECRET_ACCESS_KEY=${DEMO_SANDBOX_SECRET_ACCESS_KEY}`,
      `  export AWS_REGION=${DEMO_REGION} AWS_DEFAULT_REGION=${DEMO_REGION}`,
      `  aws --endpoint-url ${sandbox.url} vpc-lattice list-service-networks`,
      '',
      'Assumable roles:',
      `  arn:aws:iam::${DEMO_NETWORK_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}`,
      `  arn:aws:iam::${DEMO_GENAI_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}`,
      `  arn:aws:iam::<workload account>:role/${DEMO_WORKLOAD_ROLE_NAME}`,
      '',
      `Admin endpoint: ${sandbox.url}/_sandbox/{faults,calls,clock,operations}  (header x-sandbox-admin-key: ${sandbox.adminKey})`,
      '',
      `${ops.length} operations emulated (${serviceNames.join(', ')}). Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  if (traffic) {
    // The generator runs inside the sandbox; its progress file says when the backfill is written.
    const file = path.join(stateDir, 'traffic.json');
    const deadline = Date.now() + 120_000;
    let done = false;
    while (!done && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const state = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { backfills?: { to: number }[] })
        : undefined;
      // A backfill ends on a whole 5-minute delivery window, so up to a window before now.
      done = (state?.backfills ?? []).some((b) => b.to >= started - 10 * 60_000);
    }
    if (!done) {
      process.stderr.write(
        'sandbox: no traffic written: the sandbox has no Lattice service yet (start the demo once, or bootstrap the estate).\n',
      );
      await sandbox.close();
      process.exit(1);
    }
    if (!values.trickle) {
      await sandbox.close();
      return;
    }
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
