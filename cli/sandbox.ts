/**
 * `npm run sandbox`: the sandbox AWS on its own, for the AWS CLI, scripts or a portal started elsewhere. Port from
 * PORTAL_SANDBOX_PORT (default 4599), state under ${PORTAL_DATA_DIR}/sandbox. Options: --port N, --state-dir DIR,
 * --delay-ms N (association delay), --no-verify-signatures, --admin-key KEY, --fault JSON (repeatable).
 * See docs/sandbox.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoSandbox } from '@/lib/boot/sandbox-seam';
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
  const { values } = parseArgs({
    allowPositionals: true,
    options: {
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
        'See docs/sandbox.md for services, operations, credentials and fault injection.\n',
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
  const sandbox = await startDemoSandbox({
    port,
    stateDir,
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
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
